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
        /** How ready an interaction's account context was at its offer ({@code ready}, {@code pending}, …). */
        public static final String CONTEXT = "context";
        /** When a preferred advisor was applied ({@code at_queueing}, {@code while_waiting}). */
        public static final String WHEN = "when";
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
    /** Counter: group commits sent behind another still being written, instead of waiting for it. */
    public static final String JOURNAL_BEHIND = "firstcontact.journal.behind";
    /** Counter: appends that failed and were retried. */
    public static final String JOURNAL_FAILURES = "firstcontact.journal.failures";
    /** Gauge: 1 while entries wait in the local spill file for Redis. */
    public static final String JOURNAL_SPILLING = "firstcontact.journal.spilling";
    /** Counter: journal entries Redis acknowledged and then lost (restarted from an AOF without its last second). */
    public static final String JOURNAL_LOST = "firstcontact.journal.lost";
    /** Gauge: 1 while Redis answers. */
    public static final String REDIS_REACHABLE = "firstcontact.redis.reachable";

    // ---- the voice channel (VoiceBinder)

    /** Timer: an advisor Asterisk freed, from that AMI event reaching the adapter to the Originate ringing them. */
    public static final String VOICE_FREE_TO_RING = "firstcontact.voice.free.to.ring";
    /** Counter: manager connections dropped because Asterisk was stuck on them (tag {@code reason}). */
    public static final String VOICE_AMI_LINKS_DROPPED = "firstcontact.voice.ami.links.dropped";

    // ---- the contact-centre statistics (StatisticsBinder): live, and today's since local midnight

    /** Gauge: interactions waiting in the queue now (not being offered), as {@code GET /api/v1/queues} counts. */
    public static final String QUEUE_WAITING = "firstcontact.queue.waiting";
    /** Gauge: interactions of the queue whose offer is ringing now. */
    public static final String QUEUE_RINGING = "firstcontact.queue.ringing";
    /** Gauge: the longest current wait in the queue, in seconds. */
    public static final String QUEUE_LONGEST_WAIT = "firstcontact.queue.longest.wait";
    /** Gauge: the longest wait that raises an alert (the queue's T unless configured), in seconds. */
    public static final String QUEUE_LONGEST_WAIT_THRESHOLD = "firstcontact.queue.longest.wait.threshold";
    /** Gauge: the queue's service-level threshold T, in seconds. */
    public static final String QUEUE_SERVICE_LEVEL_THRESHOLD = "firstcontact.queue.service.level.threshold";
    /** Gauge: 1 while the queue is open. */
    public static final String QUEUE_OPEN = "firstcontact.queue.open";
    /** Gauge: the queue's members logged in. */
    public static final String QUEUE_ADVISORS_LOGGED_IN = "firstcontact.queue.advisors.logged.in";
    /** Gauge: the queue's members by state (tag {@code state}). */
    public static final String QUEUE_ADVISORS = "firstcontact.queue.advisors";
    /** Gauge: visits that started in the queue today. */
    public static final String QUEUE_OFFERED = "firstcontact.queue.today.offered";
    /** Gauge: visits answered today. */
    public static final String QUEUE_ANSWERED = "firstcontact.queue.today.answered";
    /** Gauge: visits answered within T today. */
    public static final String QUEUE_ANSWERED_WITHIN_THRESHOLD = "firstcontact.queue.today.answered.within.threshold";
    /** Gauge: visits abandoned today. */
    public static final String QUEUE_ABANDONED = "firstcontact.queue.today.abandoned";
    /** Gauge: short abandons today. */
    public static final String QUEUE_ABANDONED_SHORT = "firstcontact.queue.today.abandoned.short";
    /** Gauge: abandons while an offer rang, today. */
    public static final String QUEUE_ABANDONED_WHILE_ALERTING = "firstcontact.queue.today.abandoned.while.alerting";
    /** Gauge: assignments of the queue that ended today. */
    public static final String QUEUE_HANDLED = "firstcontact.queue.today.handled";
    /** Gauge: times a call of the queue was put on hold today. */
    public static final String QUEUE_HOLDS = "firstcontact.queue.today.holds";
    /** Gauge: consultations a colleague answered on the queue's calls today. */
    public static final String QUEUE_CONSULTS = "firstcontact.queue.today.consults";
    /** Gauge: times a customer's connection dropped in the queue or with its advisors today. */
    public static final String QUEUE_CONNECTIONS_LOST = "firstcontact.queue.today.connections.lost";
    /** Gauge: today's service level (the one definition), NaN before anything was answered or abandoned. */
    public static final String QUEUE_SERVICE_LEVEL = "firstcontact.queue.service.level";
    /** Gauge: the contacts today's service level divides by (under the definition's abandon treatment). */
    public static final String QUEUE_SERVICE_LEVEL_CONTACTS = "firstcontact.queue.service.level.contacts";
    /** Gauge: the queue's service-level target. */
    public static final String QUEUE_SERVICE_LEVEL_TARGET = "firstcontact.queue.service.level.target";
    /** Gauge: today's average speed of answer, in seconds. */
    public static final String QUEUE_SPEED_OF_ANSWER = "firstcontact.queue.speed.of.answer";
    /** Gauge: today's average handle time (talk + hold + wrap-up), in seconds. */
    public static final String QUEUE_HANDLE_TIME = "firstcontact.queue.handle.time";
    /** Gauge: today's occupancy of the queue's members (busy over staffed time). */
    public static final String QUEUE_OCCUPANCY = "firstcontact.queue.occupancy";

    /** Gauge: interactions of the channel waiting now. */
    public static final String CHANNEL_WAITING = "firstcontact.channel.waiting";
    /** Gauge: the channel's longest current wait, in seconds. */
    public static final String CHANNEL_LONGEST_WAIT = "firstcontact.channel.longest.wait";
    /** Gauge: contacts of the channel that arrived today (the channel mix). */
    public static final String CHANNEL_CONTACTS = "firstcontact.channel.today.contacts";
    /** Gauge: the channel's visits answered today. */
    public static final String CHANNEL_ANSWERED = "firstcontact.channel.today.answered";
    /** Gauge: the channel's visits abandoned today. */
    public static final String CHANNEL_ABANDONED = "firstcontact.channel.today.abandoned";
    /** Gauge: the channel's service level today (each visit against its own queue's T). */
    public static final String CHANNEL_SERVICE_LEVEL = "firstcontact.channel.service.level";
    /** Gauge: the channel's occupancy today. */
    public static final String CHANNEL_OCCUPANCY = "firstcontact.channel.occupancy";
    /** Gauge: advisors who can take the channel, logged in. */
    public static final String CHANNEL_ADVISORS_LOGGED_IN = "firstcontact.channel.advisors.logged.in";

    /** Gauge: the centre's service level today. */
    public static final String CENTRE_SERVICE_LEVEL = "firstcontact.centre.service.level";
    /** Gauge: contacts that arrived today. */
    public static final String CENTRE_CONTACTS = "firstcontact.centre.today.contacts";
    /** Gauge: self-service completions over completions plus advisor-handled contacts, today. */
    public static final String CENTRE_SELF_SERVICE_SHARE = "firstcontact.centre.self.service.share";
    /** Gauge: callbacks requested today (waiting callers' and advisors' promises). */
    public static final String CENTRE_CALLBACKS_REQUESTED = "firstcontact.centre.today.callbacks.requested";
    /** Gauge: dials made for callbacks today, retries included. */
    public static final String CENTRE_CALLBACKS_DIALLED = "firstcontact.centre.today.callbacks.dialled";
    /** Gauge: callbacks whose customer answered the dial today. */
    public static final String CENTRE_CALLBACKS_KEPT = "firstcontact.centre.today.callbacks.kept";
    /** Gauge: callbacks given up today, every dial allowed unanswered. */
    public static final String CENTRE_CALLBACKS_FAILED = "firstcontact.centre.today.callbacks.failed";
    /** Gauge: advisors logged in. */
    public static final String CENTRE_ADVISORS_LOGGED_IN = "firstcontact.centre.advisors.logged.in";
    /** Gauge: the alerts that hold now, by kind (tag {@code alert}). */
    public static final String ALERTS_ACTIVE = "firstcontact.alerts.active";

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

    // ---- the wallboard (WallboardBinder)

    /** Timer: from the oldest change a wallboard patch carries to the patch written to every open wallboard. */
    public static final String WALLBOARD_PUSH = "firstcontact.wallboard.push";
    /** Gauge: wallboards (and supervisor views) open now. */
    public static final String WALLBOARD_CONNECTIONS = "firstcontact.wallboard.connections";

    // ---- API requests (ApiBinder)

    /** Timer: API requests by method, route template and status. */
    public static final String API_REQUESTS = "firstcontact.api.requests";

    // ---- the account context (AccountBinder)

    /** Counter: account lookups asked of the cache. */
    public static final String ACCOUNT_LOOKUPS = "firstcontact.account.lookups";
    /** Counter: account lookups answered from the cache. */
    public static final String ACCOUNT_CACHE_HITS = "firstcontact.account.cache.hits";
    /** Counter: account lookups that joined a back-office lookup already running for the same customer. */
    public static final String ACCOUNT_LOOKUPS_JOINED = "firstcontact.account.lookups.joined";
    /** Counter: account lookups passed on to the back office. */
    public static final String ACCOUNT_BACKOFFICE_LOOKUPS = "firstcontact.account.backoffice.lookups";
    /** Counter: back-office lookups that failed. */
    public static final String ACCOUNT_BACKOFFICE_FAILURES = "firstcontact.account.backoffice.failures";
    /** Gauge: the HTTP back office's circuit breaker (0 closed, 1 half open, 2 open, -1 none). */
    public static final String ACCOUNT_BACKOFFICE_BREAKER = "firstcontact.account.backoffice.breaker";
    /** Counter: arrivals whose customer was identified and looked up at once. */
    public static final String ACCOUNT_ARRIVALS_IDENTIFIED = "firstcontact.account.arrivals.identified";
    /** Counter: offers by how ready their interaction's account context was (tagged {@code context}). */
    public static final String ACCOUNT_OFFERS = "firstcontact.account.offers";
    /** Counter: arrivals whose customer has a preferred advisor (tagged {@code reason}). */
    public static final String ACCOUNT_PREFERENCES = "firstcontact.account.preferences";
    /** Counter: preferred advisors made PREFER targets (tagged {@code when}). */
    public static final String ACCOUNT_PREFERENCES_APPLIED = "firstcontact.account.preferences.applied";
    /** Counter: preferred advisors not applied because the queue has it turned off. */
    public static final String ACCOUNT_PREFERENCES_SWITCHED_OFF = "firstcontact.account.preferences.switched.off";

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
