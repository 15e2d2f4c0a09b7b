package io.firstcontact.router.engine;

import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.engine.internal.EngineCore;
import io.firstcontact.router.engine.internal.LiveState;
import io.firstcontact.router.engine.internal.LiveState.LiveInteraction;
import io.firstcontact.router.engine.internal.LiveState.OpenAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of random, mostly meaningful input sequences covering every input type: random centres
 * (channels, queues with requirements, relaxation, every overflow trigger and action, limits, strategies, agent
 * tiers and delays), then advisors and customers doing everything they can do, and deadlines fired at their instants.
 * It reads the engine under test only to pick ids that exist (live offers, assignments), never to decide outcomes; it
 * is part of the engine's test kit, so it reads them through the package's own access, not a public door.
 */
public final class RandomInputs {
    private final SplittableRandom rnd;
    private final List<String> channels = List.of("voice", "chat", "email");
    private final List<String> skills = List.of("s0", "s1", "s2", "s3", "s4");
    private final List<String> reasons = List.of("BREAK", "LUNCH");
    private RoutingConfig config;
    private long version = 1;
    private int nextInteraction;
    private int agentCount;
    private long seq;
    private long now = 1_700_000_000_000L;
    private final List<String> createdIds = new ArrayList<>();
    private final List<String> idempotencyKeys = new ArrayList<>();

    public RandomInputs(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public RoutingConfig config() {
        return config;
    }

    /** The first inputs: a configuration and the advisors. */
    public List<EngineInput> start() {
        List<EngineInput> out = new ArrayList<>();
        config = randomConfig();
        out.add(stamp(new Command.ConfigureRouting(config)));
        agentCount = 4 + rnd.nextInt(12);
        for (int a = 0; a < agentCount; a++) {
            out.add(stamp(defineAgent("a" + a)));
        }
        return out;
    }

    private EngineInput stamp(Command c) {
        String key = null;
        if (rnd.nextInt(10) == 0) {
            if (!idempotencyKeys.isEmpty() && rnd.nextInt(4) == 0) {
                key = idempotencyKeys.get(rnd.nextInt(idempotencyKeys.size()));
            } else {
                key = "k" + seq;
                idempotencyKeys.add(key);
            }
        }
        return new EngineInput(1, ++seq, now, "random", key, c);
    }

    private RoutingConfig randomConfig() {
        List<ChannelConfig> chans = List.of(
                new ChannelConfig("voice", MediaClass.REALTIME_VOICE, 5_000 + rnd.nextInt(20_000), false),
                new ChannelConfig(
                        "chat",
                        MediaClass.REALTIME_TEXT,
                        5_000 + rnd.nextInt(20_000),
                        rnd.nextInt(4) == 0,
                        rnd.nextInt(3) == 0 ? 0 : 2_000 + rnd.nextInt(30_000)),
                new ChannelConfig("email", MediaClass.DEFERRED, 10_000 + rnd.nextInt(60_000), rnd.nextBoolean()));
        int nq = 2 + rnd.nextInt(5);
        List<String> queueIds = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            queueIds.add("q" + q);
        }
        List<String> queueChannels = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            queueChannels.add(q < 2 ? "voice" : channels.get(rnd.nextInt(3)));
        }
        List<QueueConfig> queues = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            List<Requirement> reqs = new ArrayList<>();
            List<String> pool = new ArrayList<>(skills);
            int nr = rnd.nextInt(3);
            for (int r = 0; r < nr; r++) {
                String s = pool.remove(rnd.nextInt(pool.size()));
                reqs.add(new Requirement(
                        s, 1 + rnd.nextInt(8), rnd.nextInt(4) == 0 ? Strictness.HARD : Strictness.SOFT));
            }
            List<RelaxationStep> steps = new ArrayList<>();
            long t = 0;
            for (int k = rnd.nextInt(3); k > 0; k--) {
                t += 2_000 + rnd.nextInt(30_000);
                steps.add(new RelaxationStep(t, skills.get(rnd.nextInt(skills.size())), rnd.nextInt(4)));
            }
            List<OverflowRule> rules = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                rules.add(randomRule(q, queueIds, queueChannels));
            }
            boolean maxWait = rnd.nextInt(3) == 0;
            boolean maxSize = rnd.nextInt(4) == 0;
            long wrap = rnd.nextInt(3) == 0 ? 0 : 1_000 + rnd.nextInt(20_000);
            RoutingStrategy strategy = rnd.nextInt(3) == 0 ? null : RoutingStrategy.values()[rnd.nextInt(3)];
            queues.add(new QueueConfig(
                    "q" + q,
                    queueChannels.get(q),
                    strategy,
                    5_000 + rnd.nextInt(60_000),
                    reqs,
                    steps,
                    rules,
                    maxWait ? 10_000 + rnd.nextInt(60_000) : 0,
                    maxWait ? "CALLBACK" : null,
                    maxSize ? 1 + rnd.nextInt(6) : 0,
                    maxSize ? "BUSY_MESSAGE" : null,
                    wrap,
                    wrap * 2,
                    rnd.nextInt(10) != 0,
                    1 + rnd.nextInt(3),
                    1_000 + rnd.nextInt(20_000)));
        }
        List<UtilisationProfile> utils = List.of(
                new UtilisationProfile(
                        "council",
                        List.of(
                                new ChannelCapacity("voice", 1, List.of("chat", "email"), List.of("chat", "email")),
                                new ChannelCapacity("chat", 3, List.of("voice"), List.of()),
                                new ChannelCapacity("email", 1, List.of("voice"), List.of()))),
                new UtilisationProfile(
                        "blended",
                        List.of(
                                new ChannelCapacity("voice", 1, List.of(), List.of()),
                                new ChannelCapacity("chat", 2, List.of(), List.of("voice")),
                                new ChannelCapacity("email", 2, List.of(), List.of()))),
                new UtilisationProfile("voiceOnly", List.of(new ChannelCapacity("voice", 1, List.of(), List.of()))));
        List<RoutingProfile> profiles = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<QueueMembership> ms = new ArrayList<>();
            for (String q : queueIds) {
                if (rnd.nextInt(3) != 0) {
                    long delay = rnd.nextInt(4) == 0 ? 1_000 * (1 + rnd.nextInt(3)) * 5 : 0;
                    ms.add(new QueueMembership(q, 1 + rnd.nextInt(3), delay));
                }
            }
            profiles.add(new RoutingProfile("p" + p, ms));
        }
        return new RoutingConfig(
                version,
                chans,
                skills,
                queues,
                utils,
                profiles,
                List.of(new NotReadyReason("BREAK", false), new NotReadyReason("LUNCH", true)),
                List.of(),
                new RoutingPolicy(
                        1 + rnd.nextInt(3),
                        60_000 + rnd.nextInt(300_000),
                        rnd.nextInt(4) != 0,
                        1 + rnd.nextInt(3),
                        rnd.nextInt(3) * 5_000L,
                        rnd.nextInt(4) != 0,
                        5_000 + rnd.nextInt(30_000),
                        64));
    }

    private OverflowRule randomRule(int q, List<String> queueIds, List<String> queueChannels) {
        OverflowTrigger trigger = OverflowTrigger.values()[rnd.nextInt(OverflowTrigger.values().length)];
        long threshold = switch (trigger) {
            case AFTER -> 3_000 + rnd.nextInt(40_000);
            case QUEUE_SIZE -> 1 + rnd.nextInt(4);
            case EXPECTED_WAIT -> 10_000 + rnd.nextInt(60_000);
            case UNSTAFFED, CLOSED -> 0;
        };
        List<String> sameChannel = new ArrayList<>();
        for (int o = 0; o < queueIds.size(); o++) {
            if (o != q && queueChannels.get(o).equals(queueChannels.get(q))) {
                sameChannel.add(queueIds.get(o));
            }
        }
        List<String> others = new ArrayList<>(queueIds);
        others.remove(queueIds.get(q));
        int kind = rnd.nextInt(5);
        if (kind <= 1) {
            return OverflowRule.widen(trigger, threshold, others.get(rnd.nextInt(others.size())));
        } else if (kind <= 3 && !sameChannel.isEmpty()) {
            return OverflowRule.move(trigger, threshold, sameChannel.get(rnd.nextInt(sameChannel.size())));
        }
        return OverflowRule.external(trigger, threshold, "out-of-hours");
    }

    private Command.DefineAgent defineAgent(String id) {
        List<SkillLevel> ss = new ArrayList<>();
        for (String s : skills) {
            if (rnd.nextInt(3) != 0) {
                ss.add(new SkillLevel(s, 1 + rnd.nextInt(10)));
            }
        }
        String util = config.utilisationProfiles()
                .get(rnd.nextInt(config.utilisationProfiles().size()))
                .id();
        return new Command.DefineAgent(id, ss, util, "p" + rnd.nextInt(4));
    }

    /** The next input, chosen with the engine's current state in view so that most inputs mean something. */
    public EngineInput next(RoutingEngine engine) {
        EngineCore state = engine.core();
        now += rnd.nextInt(10) < 6 ? rnd.nextInt(3_000) : 0;
        if (state.nextDeadline() <= now && rnd.nextInt(3) != 0) {
            return stamp(new Command.DeadlinesDue());
        }
        int roll = rnd.nextInt(100);
        String agent = "a" + rnd.nextInt(agentCount + 1);
        Actor who = rnd.nextInt(5) == 0 ? Actor.supervisor("sup") : Actor.agent(agent);
        if (roll < 18) {
            return stamp(arrival(state));
        } else if (roll < 26) {
            // every other advisor logs in at a phone (chosen without a draw, so the seeds' sequences stay as they were)
            String phone = agent.hashCode() % 2 == 0 ? "PJSIP/" + agent : null;
            return stamp(new Command.LogIn(agent, rnd.nextInt(5) != 0, who, phone));
        } else if (roll < 36) {
            PresenceState p = PresenceState.values()[rnd.nextInt(3)];
            if (p == PresenceState.READY || rnd.nextInt(3) != 0) {
                p = p == PresenceState.LOGGED_OUT && rnd.nextInt(2) == 0 ? PresenceState.READY : p;
            }
            String reason = p == PresenceState.NOT_READY ? reasons.get(rnd.nextInt(reasons.size())) : null;
            if (p == PresenceState.NOT_READY && rnd.nextInt(10) == 0) {
                reason = "NOPE";
            }
            return stamp(new Command.ChangePresence(agent, p, reason, who, rnd.nextInt(5) == 0));
        } else if (roll < 52) {
            String o = pick(LiveState.offerIds(state));
            String id = o != null ? o : "o-missing";
            if (o == null && !createdIds.isEmpty() && rnd.nextBoolean()) {
                id = "o1-" + (1 + rnd.nextInt((int) seq)) + "-1";
            }
            return stamp(
                    switch (rnd.nextInt(10)) {
                        case 0, 1, 2, 3 -> new Command.AcceptOffer(id, Actor.SYSTEM);
                        case 4 -> new Command.RejectOffer(id, Actor.SYSTEM);
                        case 5 -> new Command.OfferFailed(id, FailureCause.values()[rnd.nextInt(2)]);
                        case 6 ->
                            new Command.CancelOffer(
                                    id,
                                    CancelCause.values()[rnd.nextInt(CancelCause.values().length)],
                                    Actor.supervisor("sup"));
                        default -> new Command.OfferDelivered(id);
                    });
        } else if (roll < 64) {
            String i = pickInteraction(state);
            String id = i != null ? i : "i-missing";
            EndReason reason = EndReason.values()[rnd.nextInt(EndReason.values().length)];
            return stamp(new Command.EndInteraction(id, reason));
        } else if (roll < 70) {
            OpenAssignment as = pick(LiveState.assignments(state));
            String id = as != null ? as.id() : "missing";
            if (as != null && as.inWrapUp() && rnd.nextBoolean()) {
                return stamp(new Command.ExtendWrapUp(id, 1 + rnd.nextInt(20_000)));
            }
            return stamp(new Command.EndWrapUp(id));
        } else if (roll < 74) {
            String i = pickInteraction(state);
            String id = i != null ? i : "i-missing";
            return stamp(new Command.QueueInteraction(id, queueRequest()));
        } else if (roll < 78) {
            String i = pickInteraction(state);
            String id = i != null ? i : "i-missing";
            return stamp(
                    switch (rnd.nextInt(4)) {
                        case 0 -> new Command.TransferToQueue(id, randomQueue(), rnd.nextBoolean(), who);
                        case 1 -> new Command.TransferToAgent(id, agent, rnd.nextBoolean() ? null : randomQueue(), who);
                        case 2 -> new Command.TransferExternal(id, "ext", who);
                        default ->
                            new Command.UpdateRouting(
                                    id,
                                    rnd.nextInt(4) == 0 ? null : rnd.nextInt(3),
                                    rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(20_000),
                                    rnd.nextInt(4) == 0 ? null : targets());
                    });
        } else if (roll < 81) {
            return stamp(rnd.nextBoolean() ? new Command.SessionLost(agent) : new Command.SessionRestored(agent));
        } else if (roll < 84) {
            String q = randomQueue();
            return stamp(rnd.nextInt(4) != 0 ? new Command.OpenQueue(q) : new Command.CloseQueue(q));
        } else if (roll < 87) {
            return stamp(
                    switch (rnd.nextInt(3)) {
                        case 0 -> defineAgent(rnd.nextInt(6) == 0 ? "a" + (agentCount++) : agent);
                        case 1 ->
                            new Command.ChangeSkills(agent, defineAgent(agent).skills());
                        default -> new Command.AssignRoutingProfile(agent, "p" + rnd.nextInt(5), who);
                    });
        } else if (roll < 88) {
            String i = pickInteraction(state);
            return stamp(new Command.UpdateAttributes(
                    i != null ? i : "i-missing", Attributes.of("uprn", "100021" + rnd.nextInt(999999))));
        } else if (roll < 96) {
            return stamp(channelEdge(state, agent, who));
        } else if (roll < 97) {
            version += rnd.nextInt(5) == 0 ? 0 : 1;
            RoutingConfig next = rnd.nextInt(3) == 0 ? randomConfig() : mutate(config);
            if (rnd.nextInt(4) != 0) {
                config = next.withVersion(version);
            }
            return stamp(new Command.ConfigureRouting(next.withVersion(Math.max(1, version))));
        } else if (roll < 99) {
            String i = pickInteraction(state);
            OpenAssignment as = pick(LiveState.assignments(state));
            String assignment = as != null ? as.id() : "missing";
            return stamp(
                    switch (rnd.nextInt(4)) {
                        case 0 ->
                            new Command.RecordSelfService(
                                    i != null ? i : "i-missing",
                                    "pay-pcn",
                                    SelfServiceOutcome.values()[rnd.nextInt(SelfServiceOutcome.values().length)]);
                        case 1 ->
                            new Command.RecordCrossSell(
                                    assignment,
                                    "bin-alerts",
                                    CrossSellOutcome.values()[rnd.nextInt(CrossSellOutcome.values().length)],
                                    who);
                        case 2 -> new Command.RecordWrapUp(assignment, List.of("resolved"), who);
                        default -> {
                            // every other one identifies a customer instead (chosen without a draw, so the seeds'
                            // sequences stay as they were): mostly one of those who arrive unknown, now and then one
                            // known already by that reference or by another
                            int customer = rnd.nextInt(50);
                            yield seq % 2 == 0
                                    ? new Command.ReportOnlineActivity("c" + customer, "registered")
                                    : new Command.IdentifyCustomer(i != null ? i : "i-missing", "cust" + customer % 20);
                        }
                    });
        }
        return stamp(new Command.DeadlinesDue());
    }

    /** What the channels' edges report: phones, callbacks, holds, customers' connections, consults, inventories. */
    private Command channelEdge(EngineCore state, String agent, Actor who) {
        List<LiveInteraction> live = LiveState.interactions(state);
        return switch (rnd.nextInt(12)) {
            case 0 -> new Command.DeviceStateChanged(agent, deviceState());
            case 1 -> new Command.RequestCallback(idOf(pickWhere(live, i -> i.phase() == Phase.QUEUED)), number());
            case 2 -> new Command.CallbackDialOutcome(idOf(pickWhere(live, LiveInteraction::dialling)), dialOutcome());
            case 3 ->
                new Command.ScheduleCallback(
                        "i" + (nextInteraction++),
                        "cust" + rnd.nextInt(20),
                        number(),
                        randomQueue(),
                        now + rnd.nextInt(60_000) - 2_000,
                        rnd.nextBoolean() ? null : "a" + rnd.nextInt(agentCount + 1),
                        who);
            case 4 -> new Command.Park(idOf(pickWhere(live, i -> i.phase() == Phase.CONNECTED)));
            case 5 -> new Command.Resume(idOf(pickWhere(live, i -> i.phase() == Phase.PARKED)));
            case 6 -> new Command.CustomerDisconnected(idOf(pick(live)));
            case 7 -> new Command.CustomerReconnected(idOf(pick(live)));
            case 8 -> {
                String colleague = rnd.nextInt(4) == 0 ? agent : pick(LiveState.readyAgentIds(state));
                yield new Command.StartConsult(
                        idOf(pickWhere(live, i -> i.phase() == Phase.CONNECTED || i.phase() == Phase.PARKED)),
                        colleague == null ? agent : colleague);
            }
            case 9 -> {
                LiveInteraction i = pickWhere(live, x -> x.consultAgent() != null);
                yield new Command.EndConsult(
                        idOf(i),
                        i == null || i.consultAgent() == null ? agent : i.consultAgent(),
                        ConsultOutcome.values()[rnd.nextInt(ConsultOutcome.values().length)]);
            }
            case 10 -> inventory(live);
            default -> new Command.RefusedAsNotSupported("Park");
        };
    }

    /** The random source's inventory: most of its live objects, now and then one it lost or one unknown here. */
    private Command inventory(List<LiveInteraction> live) {
        List<String> refs = new ArrayList<>();
        for (LiveInteraction i : live) {
            if (i.sourceRef().startsWith("src:") && rnd.nextInt(8) != 0) {
                refs.add(i.sourceRef());
            }
        }
        if (rnd.nextInt(3) == 0) {
            refs.add("src:gone" + rnd.nextInt(1_000));
        }
        return new Command.SourceInventory(rnd.nextInt(20) == 0 ? "voice" : "src", refs);
    }

    private DeviceState deviceState() {
        return rnd.nextBoolean()
                ? DeviceState.NOT_INUSE
                : DeviceState.values()[rnd.nextInt(DeviceState.values().length)];
    }

    private DialOutcome dialOutcome() {
        return rnd.nextBoolean()
                ? DialOutcome.ANSWERED
                : DialOutcome.values()[rnd.nextInt(DialOutcome.values().length)];
    }

    private String number() {
        return "07700900" + (100 + rnd.nextInt(900));
    }

    private LiveInteraction pickWhere(List<LiveInteraction> live, java.util.function.Predicate<LiveInteraction> p) {
        List<LiveInteraction> some = new ArrayList<>();
        for (LiveInteraction i : live) {
            if (p.test(i)) {
                some.add(i);
            }
        }
        // Now and then any interaction at all, so that refusals are exercised too.
        return some.isEmpty() || rnd.nextInt(10) == 0 ? pick(live) : pick(some);
    }

    private static String idOf(LiveInteraction i) {
        return i == null ? "i-missing" : i.id();
    }

    private RoutingConfig mutate(RoutingConfig c) {
        List<QueueConfig> qs = new ArrayList<>();
        for (QueueConfig q : c.queues()) {
            switch (rnd.nextInt(4)) {
                case 0 -> qs.add(q);
                case 1 ->
                    qs.add(q.withOverflow(List.of())
                            .withRelaxation(List.of(
                                    new RelaxationStep(1_000 + rnd.nextInt(10_000), skills.get(rnd.nextInt(5)), 0))));
                case 2 ->
                    qs.add(q.withRelaxation(
                            List.of(new RelaxationStep(1_000 + rnd.nextInt(10_000), skills.get(rnd.nextInt(5)), 1))));
                default -> // new default requirements only: a change that does not re-index advisors
                    qs.add(q.toBuilder()
                            .requirements(List.of(Requirement.soft(skills.get(rnd.nextInt(5)), 1 + rnd.nextInt(8))))
                            .build());
            }
        }
        return new RoutingConfig(
                c.version(),
                c.channels(),
                c.skills(),
                qs,
                c.utilisationProfiles(),
                c.routingProfiles(),
                c.notReadyReasons(),
                c.attributes(),
                c.policy());
    }

    private Command arrival(EngineCore state) {
        if (!createdIds.isEmpty() && rnd.nextInt(25) == 0) {
            String dup = createdIds.get(rnd.nextInt(createdIds.size()));
            return new Command.CreateInteraction(
                    "i" + (nextInteraction++),
                    "voice",
                    Direction.INBOUND,
                    "src:" + dup,
                    null,
                    null,
                    Attributes.NONE,
                    null);
        }
        String id = "i" + (nextInteraction++);
        createdIds.add(id);
        QueueRequest req = rnd.nextInt(6) == 0 ? null : queueRequest();
        String channel = req == null ? channels.get(rnd.nextInt(3)) : channelOf(req.queue());
        if (rnd.nextInt(30) == 0) {
            channel = "voice";
        }
        Direction direction = Direction.INBOUND;
        int d = rnd.nextInt(25);
        if (d == 0) {
            direction = Direction.CALLBACK;
        } else if (d == 1 && req != null) {
            direction = Direction.OUTBOUND; // an advisor's click to call: waits for them only
            req = req.withTargets(List.of(new Target("a" + rnd.nextInt(agentCount), now + 30_000, TargetMode.ONLY)));
        }
        String customer = "cust" + rnd.nextInt(20);
        // every third arrives unknown, as a call does (chosen without a draw, so the seeds' sequences stay as they
        // were)
        return new Command.CreateInteraction(
                id,
                channel,
                direction,
                "src:" + id,
                null,
                nextInteraction % 3 == 0 ? null : customer,
                Attributes.NONE,
                req);
    }

    private String channelOf(String queue) {
        QueueConfig q = config.queue(queue);
        return q == null ? "voice" : q.channel();
    }

    private QueueRequest queueRequest() {
        QueueRequest r = QueueRequest.to(randomQueue());
        if (rnd.nextInt(6) == 0) {
            r = r.withTier(rnd.nextInt(3));
        }
        if (rnd.nextInt(6) == 0) {
            r = r.withAgeBonus(rnd.nextInt(20_000));
        }
        if (rnd.nextInt(5) == 0) {
            r = r.withTargets(targets());
        }
        if (rnd.nextInt(8) == 0) {
            r = r.withRequirements(List.of(Requirement.soft(skills.get(rnd.nextInt(5)), 1 + rnd.nextInt(6))));
        }
        if (rnd.nextInt(6) == 0) {
            r = r.withExpectedWaitHint(rnd.nextInt(100_000));
        }
        if (rnd.nextInt(10) == 0) {
            r = r.withWaitStartedAt(now - rnd.nextInt(60_000));
        }
        return r;
    }

    private List<Target> targets() {
        List<Target> ts = new ArrayList<>();
        for (int k = rnd.nextInt(3); k > 0; k--) {
            ts.add(new Target(
                    "a" + rnd.nextInt(agentCount),
                    now + rnd.nextInt(60_000) - 2_000,
                    rnd.nextBoolean() ? TargetMode.ONLY : TargetMode.PREFER));
        }
        ts.removeIf(t -> t.untilMillis() < 0);
        return ts;
    }

    private String randomQueue() {
        List<QueueConfig> qs = config.queues();
        return rnd.nextInt(30) == 0 ? "nowhere" : qs.get(rnd.nextInt(qs.size())).id();
    }

    private String pickInteraction(EngineCore state) {
        return pick(LiveState.interactionIds(state));
    }

    private <T> T pick(List<T> list) {
        return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
    }
}
