package io.firstcontact.router.engine.config;

import io.firstcontact.router.engine.model.Ids;
import io.firstcontact.router.engine.model.Requirement;
import io.firstcontact.router.engine.model.RoutingStrategy;
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
        boolean openAtStart) {

    /** Overflow rules are bits of a mask per visit. */
    public static final int MAX_OVERFLOW_RULES = 16;

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
    }

    /** A queue with no relaxation, overflow or limits, open, with the given wrap-up. */
    public static QueueConfig simple(
            String id, String channel, long slMillis, List<Requirement> requirements, long wrapUpMillis) {
        return new QueueConfig(
                id,
                channel,
                null,
                slMillis,
                requirements,
                List.of(),
                List.of(),
                0,
                null,
                0,
                null,
                wrapUpMillis,
                wrapUpMillis * 3,
                true);
    }

    public QueueConfig withOverflow(List<OverflowRule> rules) {
        return new QueueConfig(
                id,
                channel,
                strategy,
                serviceLevelThresholdMillis,
                requirements,
                relaxation,
                rules,
                maxWaitMillis,
                maxWaitAction,
                maxQueueSize,
                queueFullAction,
                wrapUpMillis,
                maxWrapUpMillis,
                openAtStart);
    }

    public QueueConfig withRelaxation(List<RelaxationStep> steps) {
        return new QueueConfig(
                id,
                channel,
                strategy,
                serviceLevelThresholdMillis,
                requirements,
                steps,
                overflow,
                maxWaitMillis,
                maxWaitAction,
                maxQueueSize,
                queueFullAction,
                wrapUpMillis,
                maxWrapUpMillis,
                openAtStart);
    }

    public QueueConfig withStrategy(RoutingStrategy s) {
        return new QueueConfig(
                id,
                channel,
                s,
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
                openAtStart);
    }

    public QueueConfig withLimits(long maxWait, String maxWaitAct, int maxSize, String fullAct) {
        return new QueueConfig(
                id,
                channel,
                strategy,
                serviceLevelThresholdMillis,
                requirements,
                relaxation,
                overflow,
                maxWait,
                maxWaitAct,
                maxSize,
                fullAct,
                wrapUpMillis,
                maxWrapUpMillis,
                openAtStart);
    }

    public QueueConfig withOpenAtStart(boolean open) {
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
                open);
    }
}
