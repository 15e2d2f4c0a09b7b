package io.firstcontact.router.account.routing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where routing on the citizen's account applies: everywhere it is enabled, except the configured queues, as changed
 * by supervisors since the start. A supervisor's change lasts until the server restarts (the configuration is the
 * lasting place).
 */
public final class QueueSwitches {
    private final boolean enabled;
    private final Set<String> configuredOff;
    private final Map<String, Boolean> changed = new ConcurrentHashMap<>();

    QueueSwitches(AccountRoutingOptions options) {
        this.enabled = options.enabled();
        this.configuredOff = Set.copyOf(options.disabledQueues());
    }

    /** Whether the preference applies to interactions waiting in {@code queue}. */
    public boolean appliesTo(String queue) {
        Boolean v = changed.get(queue);
        return v != null ? v : enabled && !configuredOff.contains(queue);
    }

    /** A supervisor turns it on or off for one queue. */
    public void set(String queue, boolean on) {
        changed.put(io.firstcontact.router.api.model.Ids.require(queue, "queue"), on);
    }

    /** Whether it is enabled at all (by configuration). */
    public boolean enabled() {
        return enabled;
    }

    /** The queues where it does not apply by configuration. */
    public Set<String> configuredOff() {
        return configuredOff;
    }

    /** The supervisors' changes, by queue (true: on). */
    public Map<String, Boolean> changes() {
        return new TreeMap<>(changed);
    }
}
