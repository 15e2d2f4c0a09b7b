package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.MediaClass;

/**
 * Fills in, in a routing configuration's JSON tree, the settings added after the journal's first version, with their
 * documented defaults: a channel's {@code disconnectGraceMillis} (its media class's) and a queue's {@code
 * callbackAttempts} and {@code callbackRetryDelayMillis}. Older entries and snapshots are read through it, and so is a
 * configuration given to the server without them; every other setting stays required.
 */
final class ConfigDefaults {
    static final String DISCONNECT_GRACE = "disconnectGraceMillis";
    static final String CALLBACK_ATTEMPTS = "callbackAttempts";
    static final String CALLBACK_RETRY_DELAY = "callbackRetryDelayMillis";

    private ConfigDefaults() {}

    /** Fills the tree in place; parts of another shape are left for the strict reading to name. */
    static void fill(JsonNode config) {
        if (!(config instanceof ObjectNode)) {
            return;
        }
        for (JsonNode channel : config.path("channels")) {
            if (channel instanceof ObjectNode c && !c.has(DISCONNECT_GRACE)) {
                MediaClass media = mediaClass(c.path("mediaClass"));
                if (media != null) {
                    c.put(DISCONNECT_GRACE, media.defaultDisconnectGraceMillis());
                }
            }
        }
        for (JsonNode queue : config.path("queues")) {
            if (queue instanceof ObjectNode q) {
                if (!q.has(CALLBACK_ATTEMPTS)) {
                    q.put(CALLBACK_ATTEMPTS, QueueConfig.DEFAULT_CALLBACK_ATTEMPTS);
                }
                if (!q.has(CALLBACK_RETRY_DELAY)) {
                    q.put(CALLBACK_RETRY_DELAY, QueueConfig.DEFAULT_CALLBACK_RETRY_DELAY_MILLIS);
                }
            }
        }
    }

    private static MediaClass mediaClass(JsonNode name) {
        if (!name.isTextual()) {
            return null;
        }
        for (MediaClass m : MediaClass.values()) {
            if (m.name().equals(name.textValue())) {
                return m;
            }
        }
        return null;
    }
}
