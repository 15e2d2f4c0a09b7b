package io.firstcontact.ivr.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The IVR's flows: every prompt, calendar and step, the step each call begins at, the advisor step every cap and
 * failure leads to, the limits and the payment receipt. Read from YAML by {@link FlowsReader}; each record validates
 * its own fields, and {@link FlowsCheck} that every name resolves. A running IVR holds one version and swaps in a new
 * one for new calls ({@link FlowBook}).
 *
 * @param version the version, from 1
 * @param start the step every call and chat begins at
 * @param advisor the step a caller goes to when retries run out or something fails: a {@code queue} step
 */
public record IvrFlows(
        long version,
        String start,
        String advisor,
        Limits limits,
        Receipt receipt,
        Map<String, Prompt> prompts,
        Map<String, CalendarSpec> calendars,
        Map<String, Step> steps) {

    public IvrFlows {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        start = FlowIds.require(start, "start");
        advisor = FlowIds.require(advisor, "advisor");
        limits = Objects.requireNonNullElse(limits, Limits.DEFAULT);
        prompts = frozen(prompts, Prompt::id, "prompt");
        calendars = frozen(calendars, CalendarSpec::id, "calendar");
        steps = frozen(steps, Step::id, "step");
    }

    public Prompt prompt(String id) {
        return prompts.get(id);
    }

    public CalendarSpec calendar(String id) {
        return calendars.get(id);
    }

    public Step step(String id) {
        return steps.get(id);
    }

    /** The same flows under another version number. */
    public IvrFlows withVersion(long v) {
        return new IvrFlows(v, start, advisor, limits, receipt, prompts, calendars, steps);
    }

    private static <T> Map<String, T> frozen(
            Map<String, T> map, java.util.function.Function<T, String> id, String what) {
        Map<String, T> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                Objects.requireNonNull(v, what + " " + k);
                if (!id.apply(v).equals(k)) {
                    throw new IllegalArgumentException(what + " " + k + " is filed under another id");
                }
                copy.put(k, v);
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
