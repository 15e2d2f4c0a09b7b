package io.firstcontact.ivr.flow;

/** The ids of steps, prompts, calendars, variables and services: short, lower-case, readable in YAML and logs. */
final class FlowIds {
    static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private FlowIds() {}

    static String require(String id, String what) {
        if (id == null || !id.matches(PATTERN)) {
            throw new IllegalArgumentException(what + " '" + id
                    + "' must be 1–63 lower-case letters, digits and -, starting with a letter or digit");
        }
        return id;
    }

    static String optional(String id, String what) {
        return id == null ? null : require(id, what);
    }
}
