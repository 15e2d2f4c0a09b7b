package io.firstcontact.router.api.port;

import java.util.Optional;

/**
 * The phone each advisor sits at today, as they gave it when they logged in at the desktop (hot-desking): the voice
 * adapter rings it for their offers and places their callbacks and click-to-call calls from it. The desktop holds it;
 * the server hands it to the voice adapter.
 */
@FunctionalInterface
public interface AdvisorDevices {
    /** The advisor's device ({@code PJSIP/1001}), or empty when they gave none. */
    Optional<String> device(String agentId);
}
