package io.firstcontact.router.engine;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.VisitOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A council contact centre's demo morning, 08:00–12:00 engine time, generated from a fixed seed and played through a
 * {@link Driver} the way the adapters and desktops would: thirty multi-skilled advisors logging in over the first
 * hour, calls into five voice queues after a short IVR (some self-served there), web chats and a backlog of emails;
 * advisors answer after a few rings, now and then let one ring out or reject it, take breaks and lunch, and some
 * callers give up waiting. Everything random comes from one {@link SplittableRandom}, drawn in a fixed order, so the
 * same seed always gives the same inputs and, from a deterministic engine, the same decisions.
 */
public final class DemoMorning {
    public static final long SEED = 20_250_303L;
    /** Monday 3 March 2025, 08:00 in London (GMT). */
    public static final long START = Instant.parse("2025-03-03T08:00:00Z").toEpochMilli();

    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    public static final long END = START + 4 * HOUR;

    static final long VOICE_SL = 30 * SECOND;

    static final List<String> VOICE_QUEUES = List.of("council-tax", "parking", "waste", "housing", "general");
    /** Share of calls per voice queue, in percent, in the order of {@link #VOICE_QUEUES}. */
    static final int[] VOICE_MIX = {35, 20, 20, 10, 15};

    /**
     * Calls per hour for each quarter hour from 08:00: the shape of a council's ~600 calls an hour at the morning
     * peak, scaled to thirty advisors.
     */
    static final int[] CALLS_PER_HOUR = {140, 190, 230, 225, 215, 205, 200, 195, 190, 185, 180, 175, 170, 165, 160, 150
    };

    static final int CHATS_PER_HOUR = 40;
    static final int EMAILS_PER_HOUR = 20;
    static final int OVERNIGHT_EMAILS = 25;
    static final int ADVISORS = 30;

    /** What the morning came to: the trace hash and the figures a supervisor would look at. */
    public record Result(
            String hash,
            int decisions,
            int calls,
            int selfServed,
            int voiceAnswered,
            int voiceAnsweredWithinSl,
            int voiceAbandoned,
            int chatsAnswered,
            int emailsAnswered,
            int offers,
            int ronas,
            int rejects,
            int refused) {}

    private record Action(long at, long order, Runnable run) {}

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final Driver driver = new Driver(RoutingEngine.create(), START);
    private final PriorityQueue<Action> actions =
            new PriorityQueue<>(Comparator.comparingLong(Action::at).thenComparingLong(Action::order));
    private long actionOrder;
    private int processed;

    // What the adapters and desktops know, learnt from the decisions.
    private final TreeMap<String, PresenceState> presence = new TreeMap<>();
    private final TreeMap<String, String> reason = new TreeMap<>();
    private final TreeSet<String> liveOffers = new TreeSet<>();
    private final TreeSet<String> activeAssignments = new TreeSet<>();
    private final TreeSet<String> extended = new TreeSet<>();
    private final TreeSet<String> alive = new TreeSet<>();
    private final TreeSet<String> everConnected = new TreeSet<>();
    private final TreeMap<String, String> channelOf = new TreeMap<>();

    private int calls;
    private int selfServed;
    private int voiceAnswered;
    private int voiceAnsweredWithinSl;
    private int voiceAbandoned;
    private int chatsAnswered;
    private int emailsAnswered;
    private int offers;
    private int ronas;
    private int rejects;
    private int refused;

    /** Play the morning and summarise it. */
    public static Result run() {
        return new DemoMorning().play();
    }

    /** Play the morning and hand back the driver, with every input and decision, for a closer look. */
    public static Driver played() {
        DemoMorning morning = new DemoMorning();
        morning.play();
        return morning.driver;
    }

    // ------------------------------------------------------------------ the centre

    public static RoutingConfig config() {
        List<QueueConfig> queues = new ArrayList<>();
        queues.add(voiceQueue("council-tax", Requirement.soft("council-tax", 4))
                .withRelaxation(List.of(new RelaxationStep(45 * SECOND, "council-tax", 2))));
        queues.add(voiceQueue("parking", Requirement.soft("parking", 3)));
        queues.add(voiceQueue("waste", Requirement.soft("waste", 2)));
        queues.add(voiceQueue("housing", Requirement.hard("housing", 5))
                .withOverflow(List.of(OverflowRule.widen(OverflowTrigger.AFTER, 2 * MINUTE, "general"))));
        queues.add(voiceQueue("general"));
        queues.add(QueueConfig.simple("chat", "chat", MINUTE, List.of(), 10 * SECOND)
                .withLimits(0, null, 15, "CHAT_BUSY_MESSAGE"));
        queues.add(QueueConfig.simple("email", "email", 24 * HOUR, List.of(), 0));
        UtilisationProfile council = new UtilisationProfile(
                "council",
                List.of(
                        new ChannelCapacity("voice", 1, List.of("chat", "email"), List.of("chat", "email")),
                        new ChannelCapacity("chat", 3, List.of("voice"), List.of()),
                        new ChannelCapacity("email", 1, List.of("voice"), List.of())));
        List<RoutingProfile> profiles = List.of(
                new RoutingProfile(
                        "revenues",
                        List.of(
                                new QueueMembership("council-tax", 1, 0),
                                new QueueMembership("parking", 2, 0),
                                new QueueMembership("general", 2, 0),
                                new QueueMembership("email", 3, 0))),
                new RoutingProfile(
                        "streets",
                        List.of(
                                new QueueMembership("parking", 1, 0),
                                new QueueMembership("waste", 1, 0),
                                new QueueMembership("general", 2, 0),
                                new QueueMembership("chat", 2, 0))),
                new RoutingProfile(
                        "housing",
                        List.of(
                                new QueueMembership("housing", 1, 0),
                                new QueueMembership("general", 2, 0),
                                new QueueMembership("email", 2, 0))),
                new RoutingProfile(
                        "generalist",
                        List.of(
                                new QueueMembership("general", 1, 0),
                                new QueueMembership("council-tax", 2, 0),
                                new QueueMembership("waste", 2, 0),
                                new QueueMembership("chat", 2, 0))),
                new RoutingProfile(
                        "digital",
                        List.of(
                                new QueueMembership("chat", 1, 0),
                                new QueueMembership("email", 1, 0),
                                new QueueMembership("general", 3, MINUTE))));
        return new RoutingConfig(
                1,
                List.of(Centres.VOICE, Centres.CHAT, Centres.EMAIL),
                List.of("council-tax", "parking", "waste", "housing"),
                queues,
                List.of(council),
                profiles,
                List.of(
                        new NotReadyReason("BREAK", false),
                        new NotReadyReason("LUNCH", true),
                        new NotReadyReason("TRAINING", true)),
                List.of(),
                RoutingPolicy.DEFAULT);
    }

    private static QueueConfig voiceQueue(String id, Requirement... requirements) {
        return QueueConfig.simple(id, "voice", VOICE_SL, List.of(requirements), 30 * SECOND)
                .withLimits(8 * MINUTE, "OFFER_CALLBACK", 0, null);
    }

    /** The advisor's routing profile and primary skill by number (1–30). */
    private static String profileOf(int n) {
        if (n <= 8) return "revenues";
        if (n <= 14) return "streets";
        if (n <= 19) return "housing";
        if (n <= 25) return "generalist";
        return "digital";
    }

    private static String primarySkill(String profile) {
        return switch (profile) {
            case "revenues" -> "council-tax";
            case "streets" -> "parking";
            case "housing" -> "housing";
            default -> "waste";
        };
    }

    // ------------------------------------------------------------------ the schedule

    private Result play() {
        driver.configure(config());
        planAdvisors();
        planEmails();
        planCalls();
        planChats();
        drain();
        while (true) {
            Action next = actions.peek();
            long hostAt = next == null ? Long.MAX_VALUE : next.at();
            long deadline = driver.engine().nextDeadline();
            long at = Math.min(hostAt, deadline);
            if (at > END) {
                break;
            }
            driver.advance(at - driver.now());
            drain();
            if (hostAt == at && deadline > at) {
                actions.poll().run().run();
                drain();
            } else if (hostAt == at) {
                // the deadline fired above; the host action runs on the next turn at the same instant
                continue;
            }
        }
        driver.advance(END - driver.now());
        drain();
        return new Result(
                hash(driver.decisions()),
                driver.decisions().size(),
                calls,
                selfServed,
                voiceAnswered,
                voiceAnsweredWithinSl,
                voiceAbandoned,
                chatsAnswered,
                emailsAnswered,
                offers,
                ronas,
                rejects,
                refused);
    }

    /** SHA-256 over every decision's text, in order, one per line. */
    public static String hash(List<Decision> decisions) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Decision d : decisions) {
                sha.update(d.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void at(long at, Runnable run) {
        if (at <= END) {
            actions.add(new Action(Math.max(at, driver.now()), ++actionOrder, run));
        }
    }

    private long uniform(long from, long to) {
        return from + random.nextLong(to - from + 1);
    }

    private long exponential(double mean) {
        // StrictMath: the same bits on every JVM and CPU, so the trace is the same everywhere
        return (long) (-mean * StrictMath.log(1 - random.nextDouble()));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private void planAdvisors() {
        for (int n = 1; n <= ADVISORS; n++) {
            String id = String.format("adv%02d", n);
            String profile = profileOf(n);
            String primary = primarySkill(profile);
            List<SkillLevel> skills = new ArrayList<>();
            for (String skill : List.of("council-tax", "parking", "waste", "housing")) {
                if (skill.equals(primary)) {
                    skills.add(new SkillLevel(skill, (int) uniform(5, 9)));
                } else if (chance(0.7)) {
                    skills.add(new SkillLevel(skill, (int) uniform(1, 7)));
                }
            }
            driver.apply(new Command.DefineAgent(id, skills, "council", profile));
            presence.put(id, PresenceState.LOGGED_OUT);
            long login = START + uniform(0, HOUR);
            boolean readyAtOnce = chance(0.85);
            at(login, () -> driver.apply(new Command.LogIn(id, readyAtOnce, Actor.agent(id))));
            if (!readyAtOnce) {
                at(login + uniform(MINUTE, 3 * MINUTE), () -> readyIf(id, "LOGIN"));
            }
            long breakAt = START + uniform(105 * MINUTE, 180 * MINUTE);
            at(breakAt, () -> pause(id, "BREAK"));
            if (n % 3 == 0) {
                at(START + uniform(195 * MINUTE, 225 * MINUTE), () -> pause(id, "LUNCH"));
            } else if (n % 10 == 1) {
                at(START + uniform(210 * MINUTE, 230 * MINUTE), () -> logout(id));
            }
            if (n % 11 == 4) {
                // a desktop blip: back within the grace period
                at(START + uniform(75 * MINUTE, 90 * MINUTE), () -> sessionBlip(id, uniform(3 * SECOND, 20 * SECOND)));
            }
            if (n == 17) {
                // a laptop that drops off the network for longer than the grace period
                at(START + 100 * MINUTE, () -> sessionBlip(id, 45 * SECOND));
            }
        }
    }

    private void readyIf(String id, String whenReason) {
        if (presence.get(id) == PresenceState.NOT_READY && whenReason.equals(reason.get(id))) {
            driver.ready(id);
        }
    }

    private void pause(String id, String why) {
        if (presence.get(id) != PresenceState.LOGGED_OUT) {
            driver.notReady(id, why);
        }
    }

    private void logout(String id) {
        if (presence.get(id) != PresenceState.LOGGED_OUT) {
            driver.logout(id);
        }
    }

    private void sessionBlip(String id, long gone) {
        if (presence.get(id) == PresenceState.LOGGED_OUT) {
            return;
        }
        driver.apply(new Command.SessionLost(id));
        at(driver.now() + gone, () -> {
            if (presence.get(id) != PresenceState.LOGGED_OUT) {
                driver.apply(new Command.SessionRestored(id));
                at(driver.now() + 15 * SECOND, () -> readyIf(id, "DISCONNECTED"));
            }
        });
    }

    private void planEmails() {
        int k = 0;
        for (; k < OVERNIGHT_EMAILS; k++) {
            String id = "e" + k;
            at(START, () -> create(id, "email", QueueRequest.to("email")));
        }
        long t = START;
        while (true) {
            t += exponential(HOUR / (double) EMAILS_PER_HOUR);
            if (t >= END) {
                break;
            }
            String id = "e" + k++;
            at(t, () -> create(id, "email", QueueRequest.to("email")));
        }
    }

    private void planChats() {
        long t = START;
        int k = 0;
        while (true) {
            t += exponential(HOUR / (double) CHATS_PER_HOUR);
            if (t >= END) {
                break;
            }
            String id = "k" + k++;
            long patience = 30 * SECOND + exponential(8 * MINUTE);
            long arrival = t;
            at(t, () -> {
                create(id, "chat", QueueRequest.to("chat"));
                at(arrival + patience, () -> abandonIfWaiting(id));
            });
        }
    }

    private void planCalls() {
        int k = 0;
        for (int slot = 0; slot < CALLS_PER_HOUR.length; slot++) {
            long slotStart = START + slot * 15 * MINUTE;
            long slotEnd = slotStart + 15 * MINUTE;
            long t = slotStart;
            while (true) {
                t += exponential(HOUR / (double) CALLS_PER_HOUR[slot]);
                if (t >= slotEnd) {
                    break;
                }
                planCall("v" + k++, t);
            }
        }
    }

    private void planCall(String id, long arrival) {
        int pick = random.nextInt(100);
        int q = 0;
        int share = VOICE_MIX[0];
        while (pick >= share) {
            share += VOICE_MIX[++q];
        }
        String queue = VOICE_QUEUES.get(q);
        long ivr = uniform(20 * SECOND, 60 * SECOND);
        boolean selfServes = chance(0.08);
        long patience = 20 * SECOND + exponential(5 * MINUTE);
        int tier = chance(0.01) ? 5 : 0;
        at(arrival, () -> {
            calls++;
            driver.apply(new Command.CreateInteraction(
                    id,
                    "voice",
                    Direction.INBOUND,
                    "voice:pbx1:" + id,
                    null,
                    null,
                    Attributes.of("ivr-choice", queue, "uprn", String.valueOf(100_000_000_000L + arrival % 1_000_000)),
                    null));
            at(arrival + ivr, () -> {
                if (!alive.contains(id)) {
                    return;
                }
                if (selfServes) {
                    driver.apply(new Command.EndInteraction(id, EndReason.SELF_SERVED));
                } else {
                    driver.apply(new Command.QueueInteraction(
                            id, QueueRequest.to(queue).withTier(tier)));
                    at(arrival + ivr + patience, () -> abandonIfWaiting(id));
                }
            });
        });
    }

    private void create(String id, String channel, QueueRequest queue) {
        driver.apply(new Command.CreateInteraction(
                id, channel, Direction.INBOUND, channel + ":" + id, null, null, Attributes.NONE, queue));
    }

    private void abandonIfWaiting(String id) {
        if (alive.contains(id) && !everConnected.contains(id)) {
            driver.hangUp(id);
        }
    }

    // ------------------------------------------------------------------ reacting to decisions

    private void drain() {
        List<Decision> all = driver.decisions();
        while (processed < all.size()) {
            Decision d = all.get(processed++);
            for (Fact f : d.facts()) {
                onFact(f);
            }
            for (Effect e : d.effects()) {
                onEffect(e);
            }
        }
    }

    private void onFact(Fact f) {
        long now = driver.now();
        switch (f) {
            case Fact.PresenceChanged p -> {
                presence.put(p.agentId(), p.to());
                reason.put(p.agentId(), p.reason());
                if (p.to() == PresenceState.NOT_READY && p.reason() != null) {
                    String id = p.agentId();
                    String why = p.reason();
                    switch (why) {
                        case "RONA" -> at(now + uniform(20 * SECOND, MINUTE), () -> readyIf(id, why));
                        case "REJECTS" -> at(now + 2 * MINUTE, () -> readyIf(id, why));
                        case "BREAK" -> at(now + 15 * MINUTE, () -> readyIf(id, why));
                        default -> {}
                    }
                }
            }
            case Fact.InteractionCreated c -> {
                alive.add(c.interactionId());
                channelOf.put(c.interactionId(), c.channel());
            }
            case Fact.InteractionEnded e -> {
                alive.remove(e.interactionId());
                if (e.reason() == EndReason.SELF_SERVED) {
                    selfServed++;
                }
            }
            case Fact.OfferStatusChanged s -> {
                if (s.status() != OfferStatus.ALERTING) {
                    liveOffers.remove(s.offerId());
                }
                if (s.status() == OfferStatus.TIMED_OUT) {
                    ronas++;
                } else if (s.status() == OfferStatus.REJECTED) {
                    rejects++;
                }
            }
            case Fact.AssignmentStarted a -> {
                activeAssignments.add(a.assignmentId());
                everConnected.add(a.interactionId());
                long handle = switch (a.channel()) {
                    case "voice" -> 60 * SECOND + exponential(3 * MINUTE);
                    case "chat" -> 2 * MINUTE + exponential(5 * MINUTE);
                    default -> 3 * MINUTE + exponential(6 * MINUTE);
                };
                String assignment = a.assignmentId();
                String interaction = a.interactionId();
                at(now + Math.min(handle, 25 * MINUTE), () -> {
                    if (activeAssignments.contains(assignment) && alive.contains(interaction)) {
                        driver.end(interaction);
                    }
                });
            }
            case Fact.WrapUpStarted w -> {
                activeAssignments.remove(w.assignmentId());
                if (!extended.contains(w.assignmentId()) && chance(0.1)) {
                    extended.add(w.assignmentId());
                    String assignment = w.assignmentId();
                    at(now + 5 * SECOND, () -> driver.apply(new Command.ExtendWrapUp(assignment, 30 * SECOND)));
                }
            }
            case Fact.AssignmentEnded e -> activeAssignments.remove(e.assignmentId());
            case Fact.VisitEnded v -> {
                if (VOICE_QUEUES.contains(v.queue())) {
                    if (v.outcome() == VisitOutcome.ANSWERED) {
                        voiceAnswered++;
                        if (now - v.enteredAt() <= VOICE_SL) {
                            voiceAnsweredWithinSl++;
                        }
                    } else if (v.outcome() == VisitOutcome.ABANDONED
                            || v.outcome() == VisitOutcome.ABANDONED_WHILE_ALERTING) {
                        voiceAbandoned++;
                    }
                } else if (v.outcome() == VisitOutcome.ANSWERED) {
                    if (v.queue().equals("chat")) {
                        chatsAnswered++;
                    } else {
                        emailsAnswered++;
                    }
                }
            }
            default -> {}
        }
    }

    private void onEffect(Effect e) {
        long now = driver.now();
        switch (e) {
            case Effect.OfferToAgent o -> {
                offers++;
                if (o.autoAccepted()) {
                    return;
                }
                liveOffers.add(o.offerId());
                String offer = o.offerId();
                at(now + 300, () -> {
                    if (liveOffers.contains(offer)) {
                        driver.apply(new Command.OfferDelivered(offer));
                    }
                });
                double roll = random.nextDouble();
                if (roll < 0.03) {
                    return; // rings out: the engine's timeout makes it a RONA
                }
                if (roll < 0.05) {
                    at(now + uniform(2 * SECOND, 6 * SECOND), () -> {
                        if (liveOffers.contains(offer)) {
                            driver.apply(new Command.RejectOffer(offer, Actor.agent(o.agentId())));
                        }
                    });
                    return;
                }
                long answerAfter = "voice".equals(o.channel())
                        ? uniform(2 * SECOND, 9 * SECOND)
                        : uniform(3 * SECOND, 15 * SECOND);
                at(now + answerAfter, () -> {
                    if (liveOffers.contains(offer)) {
                        driver.apply(new Command.AcceptOffer(offer, Actor.agent(o.agentId())));
                    }
                });
            }
            case Effect.MaxWaitAction m -> {
                if (chance(0.5)) {
                    // took the callback offer and hung up; the callback itself is a later capability
                    String id = m.interactionId();
                    at(now + 10 * SECOND, () -> abandonIfWaiting(id));
                }
            }
            case Effect.QueueFullAction f -> {
                String id = f.interactionId();
                at(now + SECOND, () -> {
                    if (alive.contains(id)) {
                        driver.hangUp(id);
                    }
                });
            }
            case Effect.Refused r -> refused++;
            default -> {}
        }
    }

    private DemoMorning() {}
}
