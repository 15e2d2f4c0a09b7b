package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue: one channel, its service-level threshold, default requirements and the rules that act on waiting time.
 *
 * @param id queue id
 * @param channel the channel of every interaction in it
 * @param strategy null (the default) for the channel's media-class default
 * @param serviceLevelThresholdMillis T of "answered within T"; also orders queues by service deadline (default
 *     {@value #DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS})
 * @param requirements the default requirements of an interaction queued here (default none)
 * @param relaxation steps in time order (default none)
 * @param overflow rules, each at most once per visit (default none)
 * @param maxWaitMillis 0 (the default) for none; else the MaxWaitReached effect fires once per visit at that wait
 * @param maxWaitAction what the adapter should do (callback offer, voicemail, message); required with a max wait
 * @param maxQueueSize 0 (the default) for unbounded; else arrivals beyond it get the queue-full action and no visit
 * @param queueFullAction what the adapter should do instead; required with a max queue size
 * @param wrapUpMillis wrap-up after each assignment; 0 (the default) for none
 * @param maxWrapUpMillis how far an advisor may extend wrap-up in all; at least {@code wrapUpMillis}, which a
 *     configuration that leaves it out gets (no extension)
 * @param openAtStart whether the queue starts open (calendars then open and close it by input); default true
 * @param callbackAttempts how many times a callback's customer is dialled before it ends {@code CALLBACK_FAILED}
 *     (default {@value #DEFAULT_CALLBACK_ATTEMPTS})
 * @param callbackRetryDelayMillis how long a callback waits after a dial that failed before it queues again (default
 *     {@value #DEFAULT_CALLBACK_RETRY_DELAY_MILLIS})
 */
public record QueueConfig(
        String id,
        String channel,
        RoutingStrategy strategy,
        long serviceLevelThresholdMillis,
        List<Requirement> requirements,
        List<RelaxationStep> relaxation,
        List<OverflowRule> overflow,
        long maxWaitMillis,
        String maxWaitAction,
        int maxQueueSize,
        String queueFullAction,
        long wrapUpMillis,
        long maxWrapUpMillis,
        boolean openAtStart,
        int callbackAttempts,
        long callbackRetryDelayMillis) {

    /** Overflow rules are bits of a mask per visit. */
    public static final int MAX_OVERFLOW_RULES = 16;

    public static final long DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS = 30_000;
    public static final long DEFAULT_MAX_WAIT_MILLIS = 0;
    public static final int DEFAULT_MAX_QUEUE_SIZE = 0;
    public static final long DEFAULT_WRAP_UP_MILLIS = 0;
    public static final boolean DEFAULT_OPEN_AT_START = true;

    public static final Range SERVICE_LEVEL_THRESHOLD_MILLIS_RANGE = Range.millis(1, Range.MAX_PERIOD_MILLIS);
    public static final Range MAX_WAIT_MILLIS_RANGE = Range.millis(0, Range.MAX_PERIOD_MILLIS);
    public static final Range MAX_QUEUE_SIZE_RANGE = Range.count(0, 1_000_000);
    public static final Range WRAP_UP_MILLIS_RANGE = Range.millis(0, 4 * 3_600_000L);
    public static final int DEFAULT_CALLBACK_ATTEMPTS = 3;
    public static final long DEFAULT_CALLBACK_RETRY_DELAY_MILLIS = 5 * 60_000;
    public static final Range CALLBACK_ATTEMPTS_RANGE = Range.count(1, 10);
    /** A retry waits a second at least (the customer's line needs a moment), and a day at most. */
    public static final Range CALLBACK_RETRY_DELAY_MILLIS_RANGE = Range.millis(1_000, 24 * 3_600_000L);

    public QueueConfig {
        Ids.require(id, "queue id");
        Ids.require(channel, "queue " + id + " channel");
        requirements = List.copyOf(requirements);
        relaxation = List.copyOf(relaxation);
        overflow = List.copyOf(overflow);
        SERVICE_LEVEL_THRESHOLD_MILLIS_RANGE.require(serviceLevelThresholdMillis, "serviceLevelThresholdMillis");
        MAX_WAIT_MILLIS_RANGE.require(maxWaitMillis, "maxWaitMillis");
        MAX_QUEUE_SIZE_RANGE.require(maxQueueSize, "maxQueueSize");
        WRAP_UP_MILLIS_RANGE.require(wrapUpMillis, "wrapUpMillis");
        WRAP_UP_MILLIS_RANGE.require(maxWrapUpMillis, "maxWrapUpMillis");
        CALLBACK_ATTEMPTS_RANGE.require(callbackAttempts, "callbackAttempts");
        CALLBACK_RETRY_DELAY_MILLIS_RANGE.require(callbackRetryDelayMillis, "callbackRetryDelayMillis");
        List<String> skills = new ArrayList<>();
        for (Requirement r : requirements) {
            if (skills.contains(r.skill())) {
                throw new IllegalArgumentException("queue " + id + ": skill " + r.skill() + " is required twice");
            }
            skills.add(r.skill());
        }
        for (int i = 1; i < relaxation.size(); i++) {
            if (relaxation.get(i).afterMillis() < relaxation.get(i - 1).afterMillis()) {
                throw new IllegalArgumentException("queue " + id + ": relaxation steps must be in time order");
            }
        }
        if (overflow.size() > MAX_OVERFLOW_RULES) {
            throw new IllegalArgumentException("queue " + id + ": at most " + MAX_OVERFLOW_RULES + " overflow rules");
        }
        if (maxWrapUpMillis < wrapUpMillis) {
            throw new IllegalArgumentException(
                    "maxWrapUpMillis must be at least wrapUpMillis (" + wrapUpMillis + "), was " + maxWrapUpMillis);
        }
        if (maxWaitMillis > 0) {
            Ids.require(maxWaitAction, "queue " + id + " maxWaitAction");
        }
        if (maxQueueSize > 0) {
            Ids.require(queueFullAction, "queue " + id + " queueFullAction");
        }
    }

    /** A queue with no relaxation, overflow or limits, open, with the given wrap-up (extendable to 3×). */
    public static QueueConfig simple(
            String id, String channel, long slMillis, List<Requirement> requirements, long wrapUpMillis) {
        return builder(id, channel)
                .serviceLevelThreshold(slMillis)
                .requirements(requirements)
                .wrapUp(wrapUpMillis, wrapUpMillis * 3)
                .build();
    }

    public static Builder builder(String id, String channel) {
        return new Builder(id, channel);
    }

    public Builder toBuilder() {
        return new Builder(id, channel)
                .strategy(strategy)
                .serviceLevelThreshold(serviceLevelThresholdMillis)
                .requirements(requirements)
                .relaxation(relaxation)
                .overflow(overflow)
                .maxWait(maxWaitMillis, maxWaitAction)
                .maxQueueSize(maxQueueSize, queueFullAction)
                .wrapUp(wrapUpMillis, maxWrapUpMillis)
                .openAtStart(openAtStart)
                .callbacks(callbackAttempts, callbackRetryDelayMillis);
    }

    public QueueConfig withOverflow(List<OverflowRule> rules) {
        return toBuilder().overflow(rules).build();
    }

    public QueueConfig withRelaxation(List<RelaxationStep> steps) {
        return toBuilder().relaxation(steps).build();
    }

    public QueueConfig withStrategy(RoutingStrategy s) {
        return toBuilder().strategy(s).build();
    }

    public QueueConfig withLimits(long maxWait, String maxWaitAct, int maxSize, String fullAct) {
        return toBuilder()
                .maxWait(maxWait, maxWaitAct)
                .maxQueueSize(maxSize, fullAct)
                .build();
    }

    public QueueConfig withOpenAtStart(boolean open) {
        return toBuilder().openAtStart(open).build();
    }

    /**
     * Builds a queue; every setting not given keeps the documented default (SL 30 s, no wrap-up, open, callbacks
     * dialled 3 times 5 minutes apart).
     */
    public static final class Builder {
        private final String id;
        private final String channel;
        private RoutingStrategy strategy;
        private long serviceLevelThresholdMillis = DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS;
        private List<Requirement> requirements = List.of();
        private List<RelaxationStep> relaxation = List.of();
        private List<OverflowRule> overflow = List.of();
        private long maxWaitMillis = DEFAULT_MAX_WAIT_MILLIS;
        private String maxWaitAction;
        private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
        private String queueFullAction;
        private long wrapUpMillis = DEFAULT_WRAP_UP_MILLIS;
        private long maxWrapUpMillis = DEFAULT_WRAP_UP_MILLIS;
        private boolean openAtStart = DEFAULT_OPEN_AT_START;
        private int callbackAttempts = DEFAULT_CALLBACK_ATTEMPTS;
        private long callbackRetryDelayMillis = DEFAULT_CALLBACK_RETRY_DELAY_MILLIS;

        private Builder(String id, String channel) {
            this.id = id;
            this.channel = channel;
        }

        public Builder strategy(RoutingStrategy s) {
            this.strategy = s;
            return this;
        }

        public Builder serviceLevelThreshold(long millis) {
            this.serviceLevelThresholdMillis = millis;
            return this;
        }

        public Builder requirements(List<Requirement> r) {
            this.requirements = r;
            return this;
        }

        public Builder relaxation(List<RelaxationStep> steps) {
            this.relaxation = steps;
            return this;
        }

        public Builder overflow(List<OverflowRule> rules) {
            this.overflow = rules;
            return this;
        }

        public Builder maxWait(long millis, String action) {
            this.maxWaitMillis = millis;
            this.maxWaitAction = action;
            return this;
        }

        public Builder maxQueueSize(int size, String action) {
            this.maxQueueSize = size;
            this.queueFullAction = action;
            return this;
        }

        public Builder wrapUp(long millis, long maxMillis) {
            this.wrapUpMillis = millis;
            this.maxWrapUpMillis = maxMillis;
            return this;
        }

        public Builder openAtStart(boolean open) {
            this.openAtStart = open;
            return this;
        }

        public Builder callbacks(int attempts, long retryDelayMillis) {
            this.callbackAttempts = attempts;
            this.callbackRetryDelayMillis = retryDelayMillis;
            return this;
        }

        public QueueConfig build() {
            return new QueueConfig(
                    id,
                    channel,
                    strategy,
                    serviceLevelThresholdMillis,
                    requirements,
                    relaxation,
                    overflow,
                    maxWaitMillis,
                    maxWaitAction,
                    maxQueueSize,
                    queueFullAction,
                    wrapUpMillis,
                    maxWrapUpMillis,
                    openAtStart,
                    callbackAttempts,
                    callbackRetryDelayMillis);
        }
    }
}
