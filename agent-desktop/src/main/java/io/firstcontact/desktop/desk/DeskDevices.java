package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.port.AdvisorDevices;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The device each advisor gave at the desktop (part of their login, for voice). Held in memory: after a restart an
 * advisor's desk shows no device until they give it again. Thread-safe.
 */
public final class DeskDevices implements AdvisorDevices {
    private final ConcurrentMap<String, String> byAgent = new ConcurrentHashMap<>();

    @Override
    public Optional<String> device(String agentId) {
        return Optional.ofNullable(byAgent.get(agentId));
    }

    /** The advisor sits at {@code device} now, or at none (null). */
    void sitAt(String agentId, String device) {
        if (device == null) {
            byAgent.remove(agentId);
        } else {
            byAgent.put(agentId, device);
        }
    }
}
