package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded centre of a given {@link Shape}: its configuration, its advisors (skills, routing profile) and the queues
 * each can take. {@link #steadyState} reaches the benchmarks' steady state by feeding events through an engine.
 *
 * <p>Queue {@code q} is a voice queue requiring skill {@code q mod skills} at proficiency {@code 1 + q mod 3}, with a
 * service-level threshold of 20–50 s. A routing profile (a team) holds {@code skillsPerAgent} random skills and
 * {@code queuesPerAgent} random queues needing one of them, a third primary. An advisor takes a profile round-robin
 * and holds its skills at random proficiencies 1–10, so some members of a queue are not skilled enough for it.
 */
public final class Workload {
    public static final String VOICE = "voice";
    /** Long enough that a wrap-up timer never falls due in a steady cycle that ends wrap-ups by input. */
    public static final long WRAP_UP_MILLIS = 8 * 3_600_000L;

    private final Shape shape;
    private final String[] queueIds;
    private final int[] queueSkill;
    private final int[] queueMinProficiency;
    private final String[] skillIds;
    private final int[][] profileSkills;
    private final int[][] profileQueues;
    private final String[] agentIds;
    private final int[] agentProfile;
    private final List<List<SkillLevel>> agentSkills = new ArrayList<>();
    private final int[][] agentQueues;
    private final Map<String, Integer> agentIndex = new HashMap<>();
    private final SplittableRandom random;
    private long interactionCounter;

    public Workload(Shape shape, long seed) {
        this.shape = shape;
        this.random = new SplittableRandom(seed);
        skillIds = new String[shape.skills()];
        for (int s = 0; s < skillIds.length; s++) {
            skillIds[s] = String.format("s%03d", s);
        }
        queueIds = new String[shape.queues()];
        queueSkill = new int[shape.queues()];
        queueMinProficiency = new int[shape.queues()];
        for (int q = 0; q < queueIds.length; q++) {
            queueIds[q] = String.format("q%05d", q);
            queueSkill[q] = q % shape.skills();
            queueMinProficiency[q] = 1 + q % 3;
        }
        profileSkills = new int[shape.profiles()][];
        profileQueues = new int[shape.profiles()][];
        for (int p = 0; p < shape.profiles(); p++) {
            int[] skills = sample(shape.skills(), shape.skillsPerAgent());
            boolean[] held = new boolean[shape.skills()];
            for (int s : skills) {
                held[s] = true;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int q = 0; q < shape.queues(); q++) {
                if (held[queueSkill[q]]) {
                    candidates.add(q);
                }
            }
            int n = Math.min(shape.queuesPerAgent(), candidates.size());
            int[] picks = sample(candidates.size(), n);
            int[] queues = new int[n];
            for (int k = 0; k < n; k++) {
                queues[k] = candidates.get(picks[k]);
            }
            profileSkills[p] = skills;
            profileQueues[p] = queues;
        }
        agentIds = new String[shape.agents()];
        agentProfile = new int[shape.agents()];
        agentQueues = new int[shape.agents()][];
        for (int a = 0; a < shape.agents(); a++) {
            agentIds[a] = String.format("a%06d", a);
            agentIndex.put(agentIds[a], a);
            int p = a % shape.profiles();
            agentProfile[a] = p;
            int[] proficiency = new int[shape.skills()];
            for (int s : profileSkills[p]) {
                proficiency[s] = 1 + random.nextInt(10);
            }
            int[] eligible = eligible(p, proficiency);
            if (eligible.length == 0) {
                proficiency[queueSkill[profileQueues[p][0]]] = 10;
                eligible = eligible(p, proficiency);
            }
            agentQueues[a] = eligible;
            List<SkillLevel> skills = new ArrayList<>();
            for (int s : profileSkills[p]) {
                skills.add(new SkillLevel(skillIds[s], proficiency[s]));
            }
            agentSkills.add(List.copyOf(skills));
        }
    }

    private int[] eligible(int profile, int[] proficiency) {
        return java.util.Arrays.stream(profileQueues[profile])
                .filter(q -> proficiency[queueSkill[q]] >= queueMinProficiency[q])
                .toArray();
    }

    /** {@code k} distinct values of {@code [0, n)} in random order. */
    private int[] sample(int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    public Shape shape() {
        return shape;
    }

    public SplittableRandom random() {
        return random;
    }

    public String agentId(int a) {
        return agentIds[a];
    }

    public int agentIndex(String id) {
        return agentIndex.get(id);
    }

    public String queueId(int q) {
        return queueIds[q];
    }

    /** The queues advisor {@code a} is a member of and skilled enough for (never empty). */
    public int[] queuesOf(int a) {
        return agentQueues[a];
    }

    /** The configuration, version 1, without relaxation. */
    public RoutingConfig config() {
        return config(1, 0);
    }

    /**
     * The configuration at a version; with {@code relaxAfterMillis > 0} every queue relaxes its requirement to
     * proficiency 1 after that long (a change that touches every queue and every waiting interaction).
     */
    public RoutingConfig config(long version, long relaxAfterMillis) {
        return config(version, relaxAfterMillis, null);
    }

    /**
     * The configuration at a version, with every queue on {@code strategy} (null: the voice default). Changing the
     * strategy reorders every queue's advisors: the engine re-indexes every advisor, not only the waiting.
     */
    public RoutingConfig config(long version, long relaxAfterMillis, RoutingStrategy strategy) {
        List<QueueConfig> queues = new ArrayList<>();
        for (int q = 0; q < queueIds.length; q++) {
            String skill = skillIds[queueSkill[q]];
            QueueConfig qc = QueueConfig.simple(
                    queueIds[q],
                    VOICE,
                    20_000 + (q % 4) * 10_000L,
                    List.of(Requirement.soft(skill, queueMinProficiency[q])),
                    WRAP_UP_MILLIS);
            if (relaxAfterMillis > 0) {
                qc = qc.withRelaxation(List.of(new RelaxationStep(relaxAfterMillis, skill, 1)));
            }
            if (strategy != null) {
                qc = qc.withStrategy(strategy);
            }
            queues.add(qc);
        }
        List<RoutingProfile> profiles = new ArrayList<>();
        for (int p = 0; p < profileQueues.length; p++) {
            List<QueueMembership> memberships = new ArrayList<>();
            int primary = Math.max(1, profileQueues[p].length / 3);
            for (int k = 0; k < profileQueues[p].length; k++) {
                memberships.add(new QueueMembership(queueIds[profileQueues[p][k]], k < primary ? 1 : 2, 0));
            }
            profiles.add(new RoutingProfile(profileId(p), memberships));
        }
        return new RoutingConfig(
                version,
                List.of(ChannelConfig.of(VOICE, MediaClass.REALTIME_VOICE)),
                List.of(skillIds),
                queues,
                List.of(new UtilisationProfile("voice1", List.of(new ChannelCapacity(VOICE, 1, List.of(), List.of())))),
                profiles,
                List.of(new NotReadyReason("BREAK", false), new NotReadyReason("LUNCH", true)),
                List.of(),
                RoutingPolicy.DEFAULT);
    }

    private static String profileId(int p) {
        return String.format("p%04d", p);
    }

    // ---- commands

    public Command.DefineAgent define(int a) {
        return new Command.DefineAgent(agentIds[a], agentSkills.get(a), "voice1", profileId(agentProfile[a]));
    }

    /** Define a new advisor {@code id} with the skills and routing profile of advisor {@code template}. */
    public Command.DefineAgent defineAs(String id, int template) {
        return new Command.DefineAgent(id, agentSkills.get(template), "voice1", profileId(agentProfile[template]));
    }

    public Command.LogIn logIn(int a) {
        return new Command.LogIn(agentIds[a], true, Actor.agent(agentIds[a]));
    }

    /** A new inbound call into queue {@code q}, with a fresh interaction id. */
    public Command.CreateInteraction arrival(int q) {
        String id = "i" + (++interactionCounter);
        return new Command.CreateInteraction(
                id,
                VOICE,
                Direction.INBOUND,
                "voice:bench:" + id,
                null,
                null,
                Attributes.NONE,
                QueueRequest.to(queueIds[q]));
    }

    /** A queue drawn in proportion to staffing: a random advisor's random queue. */
    public int randomStaffedQueue() {
        int[] qs = agentQueues[random.nextInt(agentIds.length)];
        return qs[random.nextInt(qs.length)];
    }

    // ---- states reached by feeding events

    /** Configure, define every advisor and log them in READY (nothing waits, so nothing is offered). */
    public Feeder loggedIn(RoutingEngine engine) {
        Feeder f = new Feeder(engine);
        check(f.apply(new Command.ConfigureRouting(config())), "configure");
        for (int a = 0; a < agentIds.length; a++) {
            check(f.apply(define(a)), "define");
        }
        for (int a = 0; a < agentIds.length; a++) {
            check(f.apply(logIn(a)), "log in");
        }
        return f;
    }

    /**
     * The steady state, reached by feeding events: every advisor logged in and busy (offer accepted; a share of them
     * then ended the call and are in wrap-up), {@code waiting} interactions queued, every staffed queue holding at
     * least one.
     */
    public SteadyCycle steadyState(RoutingEngine engine) {
        Feeder f = loggedIn(engine);
        SteadyCycle cycle = new SteadyCycle(this, f);
        boolean[] busy = new boolean[agentIds.length];
        int busyCount = 0;
        int cursor = 0;
        while (busyCount < agentIds.length) {
            while (busy[cursor]) {
                cursor++;
            }
            int[] qs = agentQueues[cursor];
            Decision d = f.apply(arrival(qs[random.nextInt(qs.length)]));
            Effect.OfferToAgent o = onlyOffer(d, "an arrival while advisor " + agentIds[cursor] + " is free");
            int a = agentIndex(o.agentId());
            busy[a] = true;
            busyCount++;
            cycle.accepted(f.apply(new Command.AcceptOffer(o.offerId(), Actor.SYSTEM)), o);
        }
        boolean[] staffed = new boolean[queueIds.length];
        for (int[] qs : agentQueues) {
            for (int q : qs) {
                staffed[q] = true;
            }
        }
        int queued = 0;
        for (int q = 0; q < queueIds.length && queued < shape.waiting(); q++) {
            if (staffed[q]) {
                noOffer(f.apply(arrival(q)));
                queued++;
            }
        }
        while (queued < shape.waiting()) {
            noOffer(f.apply(arrival(randomStaffedQueue())));
            queued++;
        }
        int wrapping = (int) Math.round(agentIds.length * shape.wrapUpShare());
        for (int k = 0; k < wrapping; k++) {
            cycle.endOne();
        }
        return cycle;
    }

    static Decision check(Decision d, String what) {
        if (d.refused()) {
            throw new IllegalStateException(what + " was refused: " + d.effects());
        }
        return d;
    }

    static Effect.OfferToAgent onlyOffer(Decision d, String what) {
        check(d, what);
        Effect.OfferToAgent found = null;
        for (Effect e : d.effects()) {
            if (e instanceof Effect.OfferToAgent o) {
                if (found != null) {
                    throw new IllegalStateException(what + " made two offers: " + d.effects());
                }
                found = o;
            }
        }
        if (found == null) {
            throw new IllegalStateException(what + " made no offer: " + d.effects());
        }
        return found;
    }

    static void noOffer(Decision d) {
        check(d, "input");
        for (Effect e : d.effects()) {
            if (e instanceof Effect.OfferToAgent) {
                throw new IllegalStateException("unexpected offer (a free advisor in the steady state): " + e);
            }
        }
    }
}
