package io.firstcontact.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every meter FirstContact registers, by name: the one place a meter name is written (STYLE.md: one place per fact).
 * Names are {@code firstcontact.*} in dot.lowercase; Prometheus shows {@code firstcontact.queue.longest.wait} (base
 * unit seconds) as {@code firstcontact_queue_longest_wait_seconds}. Tags are the constants of {@link Tags}. A binder
 * that needs a new meter adds its name here first; {@code MeterNamesTest} checks that every meter the binders register
 * is named here and that every name here is registered.
 */
public final class MeterNames {
    private MeterNames() {}

    /** Tag keys. */
    public static final class Tags {
        private Tags() {}

        public static final String QUEUE = "queue";
        public static final String CHANNEL = "channel";
        /** The engine input type ({@code CreateInteraction}, …). */
        public static final String INPUT = "input";
        /** An offer's outcome ({@code created}, {@code accepted}, {@code timed_out}, …). */
        public static final String OUTCOME = "outcome";
        /** An advisor state ({@code ready}, {@code busy}, …) or an alert's state. */
        public static final String STATE = "state";
        /** A not-ready reason code. */
        public static final String REASON = "reason";
        /** An alert's kind. */
        public static final String ALERT = "alert";
        /** An API request's method, route template and status. */
        public static final String METHOD = "method";

        public static final String ROUTE = "route";
        public static final String STATUS = "status";
    }

    // ---- routing decisions and host timings (RoutingBinder)

    /** Timer: from a command's submission to its sequencing on the engine thread. */
    public static final String PIPELINE_SEQUENCED = "firstcontact.pipeline.sequenced";
    /** Timer: engine time per input, tagged {@code input}. */
    public static final String ENGINE_DECISION = "firstcontact.engine.decision";
    /** Timer: how late a deadline input was sequenced after its instant. */
    public static final String DEADLINE_LATENESS = "firstcontact.deadline.lateness";
    /** Counter: offers by outcome (tagged {@code outcome}, {@code queue} and {@code channel}). */
    public static final String OFFERS = "firstcontact.offers";
    /** Counter: times this node stopped leading routing. */
    public static final String ROUTING_DEPOSED = "firstcontact.routing.deposed";

    // ---- the journal and Redis (JournalBinder)

    /** Timer: journal append latency per group commit. */
    public static final String JOURNAL_COMMIT = "firstcontact.journal.commit";
    /** Distribution: entries per group commit. */
    public static final String JOURNAL_BATCH = "firstcontact.journal.batch";
    /** Counter: appends that failed and were retried. */
    public static final String JOURNAL_FAILURES = "firstcontact.journal.failures";
    /** Gauge: 1 while entries wait in the local spill file for Redis. */
    public static final String JOURNAL_SPILLING = "firstcontact.journal.spilling";
    /** Gauge: 1 while Redis answers. */
    public static final String REDIS_REACHABLE = "firstcontact.redis.reachable";

    // ---- queues, live from the read model (QueueBinder)

    /** Gauge: interactions waiting in the queue now (not being offered). */
    public static final String QUEUE_WAITING = "firstcontact.queue.waiting";
    /** Gauge: the longest current wait in the queue, in seconds. */
    public static final String QUEUE_LONGEST_WAIT = "firstcontact.queue.longest.wait";

    // ---- the event stream (EventStreamBinder)

    /** Timer: from an entry's commit to its event written to a stream client. */
    public static final String EVENTS_PUSH = "firstcontact.events.push";
    /** Gauge: event-stream clients connected now. */
    public static final String EVENTS_CLIENTS = "firstcontact.events.clients";

    // ---- the advisor desktop (DeskBinder)

    /** Timer: from a journal entry's commit to the changed desk written to an advisor's connection. */
    public static final String DESK_PUSH = "firstcontact.desk.push";
    /** Timer: from an offer's commit to its screen pop (the account) written to the advisor's desk. */
    public static final String DESK_SCREEN_POP = "firstcontact.desk.screenpop";
    /** Gauge: desk push connections open now. */
    public static final String DESK_CONNECTIONS = "firstcontact.desk.connections";

    // ---- API requests (ApiBinder)

    /** Timer: API requests by method, route template and status. */
    public static final String API_REQUESTS = "firstcontact.api.requests";

    // ---- the process (ProcessBinder)

    /** Counter: CPU time used by the server process, in seconds. */
    public static final String PROCESS_CPU_TIME = "firstcontact.process.cpu.time";

    /** Every name above, in declaration order. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        for (Field f : MeterNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(names);
    }
}
