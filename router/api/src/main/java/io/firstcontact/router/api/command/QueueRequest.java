package io.firstcontact.router.api.command;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * How an interaction should be queued.
 *
 * @param queue the queue of record
 * @param requirements null for the queue's defaults
 * @param tier priority tier, higher first (0 normal, up to 9 for emergencies)
 * @param ageBonusMillis subtracted from the service deadline: an earlier place without a new tier
 * @param targets named advisors (PREFER or ONLY)
 * @param expectedWaitHintMillis the host's EWT for the queue at arrival, for EXPECTED_WAIT overflow; -1 unknown
 * @param waitStartedAt the edge wait start for callbacks and recovered interactions (engine time); -1 for now
 */
public record QueueRequest(
        String queue,
        List<Requirement> requirements,
        int tier,
        long ageBonusMillis,
        List<Target> targets,
        long expectedWaitHintMillis,
        long waitStartedAt) {
    public static final int MAX_TIER = 9;
    public static final int MAX_TARGETS = 8;
    public static final int MAX_REQUIREMENTS = 16;

    public QueueRequest {
        Ids.require(queue, "queue");
        if (requirements != null) {
            requirements = List.copyOf(requirements);
            if (requirements.size() > MAX_REQUIREMENTS) {
                throw new IllegalArgumentException("at most " + MAX_REQUIREMENTS + " requirements");
            }
            List<String> skills = new ArrayList<>();
            for (Requirement r : requirements) {
                if (skills.contains(r.skill())) {
                    throw new IllegalArgumentException("a skill is required twice");
                }
                skills.add(r.skill());
            }
        }
        targets = List.copyOf(targets);
        if (targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("at most " + MAX_TARGETS + " targets");
        }
        if (tier < 0 || tier > MAX_TIER) {
            throw new IllegalArgumentException("tier must be 0–" + MAX_TIER);
        }
        if (ageBonusMillis < 0) {
            throw new IllegalArgumentException("ageBonusMillis must not be negative");
        }
        if (expectedWaitHintMillis < -1 || waitStartedAt < -1) {
            throw new IllegalArgumentException("expectedWaitHintMillis and waitStartedAt are -1 or a value");
        }
    }

    /** Queue with the queue's defaults. */
    public static QueueRequest to(String queue) {
        return new QueueRequest(queue, null, 0, 0, List.of(), -1, -1);
    }

    public QueueRequest withTier(int t) {
        return new QueueRequest(queue, requirements, t, ageBonusMillis, targets, expectedWaitHintMillis, waitStartedAt);
    }

    public QueueRequest withRequirements(List<Requirement> r) {
        return new QueueRequest(queue, r, tier, ageBonusMillis, targets, expectedWaitHintMillis, waitStartedAt);
    }

    public QueueRequest withTargets(List<Target> t) {
        return new QueueRequest(queue, requirements, tier, ageBonusMillis, t, expectedWaitHintMillis, waitStartedAt);
    }

    public QueueRequest withAgeBonus(long bonus) {
        return new QueueRequest(queue, requirements, tier, bonus, targets, expectedWaitHintMillis, waitStartedAt);
    }

    public QueueRequest withExpectedWaitHint(long ewt) {
        return new QueueRequest(queue, requirements, tier, ageBonusMillis, targets, ewt, waitStartedAt);
    }

    public QueueRequest withWaitStartedAt(long at) {
        return new QueueRequest(queue, requirements, tier, ageBonusMillis, targets, expectedWaitHintMillis, at);
    }
}
