package io.firstcontact.router.view;

import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;

/**
 * An advisor read in place ({@link LiveView#agentState}): the fields of {@link AgentView} that say whether they could
 * take work, without its copies. It is the read model's own state, so it changes with the next committed entry: read
 * it at once on the engine thread and keep nothing of it.
 */
public interface AgentState {
    String agentId();

    /** Their utilisation profile (capacity per channel). */
    String utilisationProfile();

    /** The queues they take. */
    String routingProfile();

    /** Their skills (immutable). */
    List<SkillLevel> skills();

    /** LOGGED_OUT, READY or NOT_READY. */
    PresenceState presence();

    /** The not-ready reason, or null. */
    String reason();

    /** A presence asked for while work is open, applied when it ends; null for none. */
    PresenceState pendingPresence();

    /** Its not-ready reason, or null. */
    String pendingReason();

    /** Whether their desktop session is attached. */
    boolean sessionAttached();

    /**
     * Hands {@code work} what holds their capacity: each live offer (reserved or alerting), oldest first, then each
     * open assignment (active or in wrap-up), oldest first — the order of {@link AgentView#offerIds()} and {@link
     * AgentView#assignmentIds()}. Nothing is copied.
     */
    void forEachWork(Work work);

    /** One piece of work an advisor holds, as {@link #forEachWork} hands it. */
    @FunctionalInterface
    interface Work {
        /**
         * @param channel its channel
         * @param offer an offer not yet answered, rather than an assignment
         * @param wrapUp an assignment in wrap-up (false for an offer or an active assignment)
         */
        void held(String channel, boolean offer, boolean wrapUp);
    }
}
