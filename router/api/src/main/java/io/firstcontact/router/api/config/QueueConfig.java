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
 * @param strategy null for the channel's media-class default
 * @param serviceLevelThresholdMillis T of "answered within T"; also orders queues by service deadline
 * @param requirements the default requirements of an interaction queued here
 * @param relaxation steps in time order
 * @param overflow rules, each at most once per visit
 * @param maxWaitMillis 0 for none; else the MaxWaitReached effect fires once per visit at that wait
 * @param maxWaitAction what the adapter should do (callback offer, voicemail, message)
 * @param maxQueueSize 0 for unbounded; else arrivals beyond it get the queue-full action and no visit
 * @param queueFullAction what the adapter should do instead
 * @param wrapUpMillis wrap-up after each assignment; 0 for none
 * @param maxWrapUpMillis how far an advisor may extend wrap-up in all
 * @param openAtStart whether the queue starts open (calendars then open and close it by input)
 * @param callbackAttempts how many times a callback's customer is dialled before it ends {@code CALLBACK_FAILED}
 * @param callbackRetryDelayMillis how long a callback waits after a dial that failed before it queues again
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
    public static final int DEFAULT_CALLBACK_ATTEMPTS = 3;
    public static final long DEFAULT_CALLBACK_RETRY_DELAY_MILLIS = 5 * 60_000;
    public static final int MAX_CALLBACK_ATTEMPTS = 10;
    /** The shortest retry delay: the customer's line needs a moment. */
    public static final long MIN_CALLBACK_RETRY_DELAY_MILLIS = 1_000;

    public QueueConfig {
        Ids.require(id, "queue id");
        Ids.require(channel, "queue " + id + " channel");
        requirements = List.copyOf(requirements);
        relaxation = List.copyOf(relaxation);
        overflow = List.copyOf(overflow);
        if (serviceLevelThresholdMillis <= 0) {
            throw new IllegalArgumentException("queue " + id + ": serviceLevelThresholdMillis must be positive");
        }
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
        if (maxWaitMillis < 0 || maxQueueSize < 0 || wrapUpMillis < 0 || maxWrapUpMillis < wrapUpMillis) {
            throw new IllegalArgumentException(
                    "queue " + id + ": limits must not be negative and maxWrapUpMillis ≥ wrapUpMillis");
        }
        if (maxWaitMillis > 0) {
            Ids.require(maxWaitAction, "queue " + id + " maxWaitAction");
        }
        if (maxQueueSize > 0) {
            Ids.require(queueFullAction, "queue " + id + " queueFullAction");
        }
        if (callbackAttempts < 1 || callbackAttempts > MAX_CALLBACK_ATTEMPTS) {
            throw new IllegalArgumentException("queue " + id + ": callbackAttempts must be 1–" + MAX_CALLBACK_ATTEMPTS);
        }
        if (callbackRetryDelayMillis < MIN_CALLBACK_RETRY_DELAY_MILLIS) {
            throw new IllegalArgumentException("queue " + id + ": callbackRetryDelayMillis must be at least 1000");
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
        private long maxWaitMillis;
        private String maxWaitAction;
        private int maxQueueSize;
        private String queueFullAction;
        private long wrapUpMillis;
        private long maxWrapUpMillis;
        private boolean openAtStart = true;
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
