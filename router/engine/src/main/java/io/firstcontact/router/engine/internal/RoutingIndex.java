package io.firstcontact.router.engine.internal;

import java.util.List;

/**
 * Answers the engine's routing questions: which pair to offer next, whether anyone staffs an interaction, where it
 * stands in line. The engine tells it of every change that can matter; the production index keeps buckets and
 * touches only what changed, the test tree's naive index ignores the notices and scans everything (the oracle).
 */
public interface RoutingIndex {

    /** Forget everything and index the whole state again (configuration change, restore). */
    void rebuild(EngineCore core);

    /** The visit's waiting state, key, requirements, widening, delay stage or targets may have changed. */
    void visitChanged(VisitState visit);

    /** The advisor's availability, capacity, strategy rank, presence or session may have changed. */
    void agentChanged(AgentState agent);

    /** The advisor's skills or routing profile changed. */
    void agentRedefined(AgentState agent);

    /** Whether some advisor who is logged in could ever take the visit (delay and availability aside). */
    boolean staffed(VisitState visit);

    /**
     * Waiting visits that nobody staffs any more and still have an unstaffed rule to apply, in order; what the
     * engine changed since the last call can have caused this.
     */
    List<VisitState> newlyUnstaffed();

    /** 1 + the waiting visits of the same queue with a better key; 0 when not waiting. */
    int position(VisitState visit);

    /** Make the best offer among all eligible pairs, repeatedly, until none remains. */
    void match(EngineCore core);

    /** Work done since the last reset. */
    WorkCounters counters();
}
