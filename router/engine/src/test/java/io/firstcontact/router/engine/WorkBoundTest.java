package io.firstcontact.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.internal.LiveState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Proof without a stopwatch that no input costs O(queues × agents) — the channels' edges included (a phone busy and
 * free again, a caller converted to a callback): the same steady cycle on a centre four times
 * larger (agents and waiting) examines no more interactions and advisors per input, and every input stays within a
 * small bound proportional to the buckets it touches and the offers it makes.
 */
class WorkBoundTest {
    static final int QUEUES = 20;
    static final int SKILLS = 6;

    @Test
    void inputsExamineTheSameWorkOnACentreFourTimesLarger() {
        Map<String, Long> small = steadyCycleWork(250, 250);
        Map<String, Long> large = steadyCycleWork(1_000, 1_000);
        for (var e : small.entrySet()) {
            long s = e.getValue();
            long l = large.get(e.getKey());
            assertThat(l)
                    .as("max examined per %s: %d at 250×250, %d at 1000×1000", e.getKey(), s, l)
                    .isLessThanOrEqualTo(s + 8);
        }
        assertThat(large.values()).allSatisfy(v -> assertThat(v).isLessThan(64));
    }

    /** Reaches a steady state by feeding events, then runs the cycle and returns the most examined per input type. */
    static Map<String, Long> steadyCycleWork(int agents, int waiting) {
        Driver d = new Driver();
        d.configure(centre());
        SplittableRandom rnd = new SplittableRandom(42);
        for (int a = 0; a < agents; a++) {
            List<SkillLevel> skills = new ArrayList<>();
            for (int s = 0; s < SKILLS; s++) {
                skills.add(new SkillLevel("s" + s, 1 + rnd.nextInt(10)));
            }
            d.agent("a" + a, "voice1", "p" + (a % QUEUES), skills.toArray(SkillLevel[]::new));
            d.login("a" + a, true);
        }
        // Fill every advisor, then queue the waiting; accept every offer as it comes.
        int n = 0;
        TreeMap<String, String> assignmentByInteraction = new TreeMap<>();
        TreeMap<String, String> advisorOf = new TreeMap<>();
        while (LiveState.interactionCount(d.engine().core()) < agents + waiting) {
            d.arrive("i" + n, "voice", QueueRequest.to("q" + rnd.nextInt(QUEUES)));
            n++;
            acceptAll(d, d.last(), assignmentByInteraction, advisorOf);
        }
        Map<String, Long> most = new LinkedHashMap<>();
        for (int cycle = 0; cycle < 400; cycle++) {
            String interaction = assignmentByInteraction.firstKey();
            String assignment = assignmentByInteraction.remove(interaction);
            record(most, "interaction ended", d.end(interaction), d);
            String advisor = advisorOf.remove(assignment);
            record(most, "phone busy", d.apply(new Command.DeviceStateChanged(advisor, DeviceState.INUSE)), d);
            record(most, "phone free", d.apply(new Command.DeviceStateChanged(advisor, DeviceState.NOT_INUSE)), d);
            Decision wrapEnd = d.apply(new Command.EndWrapUp(assignment));
            record(most, "wrap-up ended (next offer)", wrapEnd, d);
            for (Effect.OfferToAgent o : Driver.offers(wrapEnd)) {
                Decision accepted = d.accept(o.offerId());
                record(most, "offer accepted", accepted, d);
                assignmentByInteraction.put(o.interactionId(), o.offerId());
                advisorOf.put(o.offerId(), o.agentId());
            }
            Decision arrival = d.arrive("i" + n, "voice", QueueRequest.to("q" + rnd.nextInt(QUEUES)));
            record(most, "arrival", arrival, d);
            acceptAll(d, arrival, assignmentByInteraction, advisorOf);
            if (Driver.offers(arrival).isEmpty()) {
                record(most, "callback requested", d.apply(new Command.RequestCallback("i" + n, "07700900123")), d);
            }
            n++;
            d.advance(1_000);
        }
        assertThat(LiveState.interactionCount(d.engine().core())).isEqualTo(agents + waiting);
        return most;
    }

    private static void acceptAll(
            Driver d, Decision decision, TreeMap<String, String> assignments, TreeMap<String, String> advisorOf) {
        for (Effect.OfferToAgent o : Driver.offers(decision)) {
            d.accept(o.offerId());
            assignments.put(o.interactionId(), o.offerId());
            advisorOf.put(o.offerId(), o.agentId());
        }
        assertThat(decision.facts()).noneMatch(f -> f instanceof Fact.OverflowApplied);
    }

    private static void record(Map<String, Long> most, String type, Decision decision, Driver d) {
        InputWork w = d.engine().lastWork();
        long examined = w.examined();
        assertThat(examined)
                .as("%s: %s", type, w)
                .isLessThanOrEqualTo(2 * (w.bucketsTouched() + w.exclusionsSkipped()) + 16 * (w.offersMade() + 1));
        most.merge(type, examined, Math::max);
        assertThat(decision.refused()).isFalse();
    }

    static RoutingConfig centre() {
        List<QueueConfig> queues = new ArrayList<>();
        for (int q = 0; q < QUEUES; q++) {
            queues.add(QueueConfig.simple(
                    "q" + q, "voice", 30_000, List.of(Requirement.soft("s" + (q % SKILLS), 1)), 5_000));
        }
        List<RoutingProfile> profiles = new ArrayList<>();
        for (int p = 0; p < QUEUES; p++) {
            profiles.add(new RoutingProfile(
                    "p" + p,
                    List.of(
                            new QueueMembership("q" + p, 1, 0),
                            new QueueMembership("q" + ((p + 1) % QUEUES), 2, 0),
                            new QueueMembership("q" + ((p + 7) % QUEUES), 2, 0))));
        }
        return new RoutingConfig(
                1,
                List.of(Centres.VOICE),
                List.of("s0", "s1", "s2", "s3", "s4", "s5"),
                queues,
                List.of(new UtilisationProfile(
                        "voice1", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())))),
                profiles,
                Centres.REASONS,
                List.of(),
                RoutingPolicy.DEFAULT);
    }
}
