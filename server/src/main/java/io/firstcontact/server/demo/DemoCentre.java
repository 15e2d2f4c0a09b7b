package io.firstcontact.server.demo;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.AttributeDefinition;
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
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo centre: a small model of a UK council's contact centre (the customer's own, scaled down). Five voice
 * queues — council tax and benefits, parking and PCNs, waste and street care, housing, general enquiries — plus web
 * chat and email, and 24 multi-skilled advisors with different proficiencies. An advisor holds one call, or up to two
 * or three chats, or an email; voice wraps up for 30 s.
 *
 * <p>Every duration in the configuration is divided by {@link #speed()}, so that a demo watched ten times faster
 * behaves like the real centre, only sooner: a service-level threshold of 30 s becomes 3 s at speed 10.
 */
public final class DemoCentre {

    // Channels
    public static final String VOICE = "voice";
    public static final String CHAT = "chat";
    public static final String EMAIL = "email";

    // Queues
    public static final String COUNCIL_TAX = "council-tax";
    public static final String PARKING = "parking";
    public static final String WASTE = "waste";
    public static final String HOUSING = "housing";
    public static final String GENERAL = "general";
    public static final String WEB_CHAT = "web-chat";
    public static final String EMAIL_QUEUE = "email";

    /** The voice queues, in the order the IVR menu offers them. */
    public static final List<String> VOICE_QUEUES = List.of(COUNCIL_TAX, PARKING, WASTE, HOUSING, GENERAL);

    // Skills (proficiency 1–10); each voice queue shares the name of the skill it needs most
    public static final String BENEFITS = "benefits";
    /** Written communication, for chat and email. */
    public static final String WRITTEN = "written";

    private static final List<String> SKILLS = List.of(COUNCIL_TAX, BENEFITS, PARKING, WASTE, HOUSING, WRITTEN);

    // Not-ready reasons advisors choose
    public static final String BREAK = "BREAK";
    public static final String LUNCH = "LUNCH";
    public static final String TRAINING = "TRAINING";

    /** What the voice adapter does at maximum wait and when the chat queue is full. */
    public static final String OFFER_CALLBACK = "OFFER_CALLBACK";

    public static final String CHAT_BUSY_MESSAGE = "CHAT_BUSY_MESSAGE";

    /**
     * The fastest a demo may run. Above about 20× the engine's shortest offer timeout (1 s) is longer than the
     * scaled one, so an offer that rings out holds its advisor for longer than in the real centre.
     */
    public static final double MAX_SPEED = 1_000;

    // Utilisation profiles
    private static final String PHONE_FIRST = "phone-first";
    private static final String DIGITAL = "digital";

    // Routing profiles
    private static final String REVENUES = "revenues";
    private static final String STREETS = "streets";
    private static final String HOUSING_TEAM = "housing-team";
    private static final String GENERALIST = "generalist";
    private static final String DIGITAL_TEAM = "digital-team";

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /** One advisor: an id, a routing profile, and skills written as {@code "skill level, skill level"}. */
    private record Advisor(String id, String routingProfile, String skills) {}

    /**
     * The advisors: revenues (council tax and benefits first), streets (parking and waste), housing, generalists and
     * a digital team on chat and email who help the phones when callers have waited. No real people: ids only.
     */
    private static final List<Advisor> ADVISORS = List.of(
            new Advisor("adv-01", REVENUES, "council-tax 9, benefits 8, parking 5, written 6"),
            new Advisor("adv-02", REVENUES, "council-tax 8, benefits 6, parking 4, waste 3, written 4"),
            new Advisor("adv-03", REVENUES, "council-tax 7, benefits 7, housing 4, written 5"),
            new Advisor("adv-04", REVENUES, "council-tax 6, benefits 4, parking 6, waste 4"),
            new Advisor("adv-05", REVENUES, "council-tax 8, benefits 5, parking 3, housing 5, written 3"),
            new Advisor("adv-06", REVENUES, "council-tax 5, benefits 3, parking 5, waste 5, written 4"),
            new Advisor("adv-07", REVENUES, "council-tax 7, benefits 8, waste 2, written 7"),
            new Advisor("adv-08", STREETS, "parking 9, waste 6, council-tax 3, written 5"),
            new Advisor("adv-09", STREETS, "parking 7, waste 8, written 4"),
            new Advisor("adv-10", STREETS, "parking 6, waste 7, council-tax 4, housing 3, written 6"),
            new Advisor("adv-11", STREETS, "parking 8, waste 5, council-tax 2, written 3"),
            new Advisor("adv-12", STREETS, "parking 4, waste 9, benefits 2, written 5"),
            new Advisor("adv-13", HOUSING_TEAM, "housing 9, benefits 6, council-tax 4, written 5"),
            new Advisor("adv-14", HOUSING_TEAM, "housing 8, benefits 7, written 4"),
            new Advisor("adv-15", HOUSING_TEAM, "housing 7, council-tax 5, benefits 4, waste 3, written 3"),
            new Advisor("adv-16", HOUSING_TEAM, "housing 6, benefits 5, parking 3, written 6"),
            new Advisor("adv-17", GENERALIST, "council-tax 5, benefits 4, parking 5, waste 6, housing 5, written 5"),
            new Advisor("adv-18", GENERALIST, "council-tax 6, benefits 5, parking 4, waste 5, housing 3, written 4"),
            new Advisor("adv-19", GENERALIST, "council-tax 4, benefits 3, parking 6, waste 5, housing 6, written 6"),
            new Advisor("adv-20", GENERALIST, "council-tax 5, benefits 6, parking 3, waste 4, housing 4, written 5"),
            new Advisor("adv-21", DIGITAL_TEAM, "written 9, council-tax 5, benefits 4, waste 3"),
            new Advisor("adv-22", DIGITAL_TEAM, "written 8, parking 5, waste 5"),
            new Advisor("adv-23", DIGITAL_TEAM, "written 7, housing 5, benefits 5, council-tax 3"),
            new Advisor("adv-24", DIGITAL_TEAM, "written 8, council-tax 4, parking 4, waste 4"));

    /**
     * Advisors at the desktop: defined like the others, never simulated, so that a person signed in as one of them
     * ({@link DemoStaff}) works the demo's calls, chats and emails beside the simulated advisors.
     */
    private static final List<Advisor> DESK_ADVISORS = List.of(
            new Advisor("desk-01", GENERALIST, "council-tax 6, benefits 5, parking 6, waste 6, housing 6, written 6"),
            new Advisor("desk-02", DIGITAL_TEAM, "written 8, council-tax 5, parking 5, waste 5"),
            new Advisor("desk-03", STREETS, "parking 8, waste 7, council-tax 4, written 5"),
            new Advisor("desk-04", REVENUES, "council-tax 8, benefits 7, parking 4, written 5"));

    private final double speed;

    /** The demo traffic's attributes and what the IVR hands over with a caller. */
    private static List<AttributeDefinition> attributes() {
        List<AttributeDefinition> all = new ArrayList<>();
        all.add(new AttributeDefinition(DemoTraffic.SERVICE_ATTRIBUTE, AttributeClass.DISPLAY));
        all.add(new AttributeDefinition(DemoTraffic.ENQUIRY_ATTRIBUTE, AttributeClass.DISPLAY));
        all.addAll(io.firstcontact.server.ivr.IvrAttributes.definitions());
        return all;
    }

    /** The demo centre in real time. */
    public DemoCentre() {
        this(1);
    }

    /**
     * The demo centre running {@code speed} times faster than real time.
     *
     * @param speed greater than 0, at most {@link #MAX_SPEED}
     */
    public DemoCentre(double speed) {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("demo speed must be greater than 0 and at most " + MAX_SPEED);
        }
        this.speed = speed;
    }

    /** How many times faster than real time the centre runs. */
    public double speed() {
        return speed;
    }

    /** The routing configuration, version 1, its durations divided by the speed. */
    public RoutingConfig config() {
        return new RoutingConfig(
                1,
                List.of(
                        channel(VOICE, MediaClass.REALTIME_VOICE),
                        channel(CHAT, MediaClass.REALTIME_TEXT),
                        channel(EMAIL, MediaClass.DEFERRED)),
                SKILLS,
                queues(),
                List.of(
                        // The council default: a call is exclusive both ways; chats and emails block only calls.
                        new UtilisationProfile(
                                PHONE_FIRST,
                                List.of(
                                        new ChannelCapacity(VOICE, 1, List.of(CHAT, EMAIL), List.of(CHAT, EMAIL)),
                                        new ChannelCapacity(CHAT, 2, List.of(VOICE), List.of()),
                                        new ChannelCapacity(EMAIL, 1, List.of(VOICE), List.of()))),
                        new UtilisationProfile(
                                DIGITAL,
                                List.of(
                                        new ChannelCapacity(VOICE, 1, List.of(CHAT, EMAIL), List.of(CHAT, EMAIL)),
                                        new ChannelCapacity(CHAT, 3, List.of(VOICE), List.of()),
                                        new ChannelCapacity(EMAIL, 2, List.of(VOICE), List.of())))),
                routingProfiles(),
                List.of(
                        new NotReadyReason(BREAK, false),
                        new NotReadyReason(LUNCH, true),
                        new NotReadyReason(TRAINING, true)),
                attributes(),
                new RoutingPolicy(
                        3,
                        engineMillis(5 * MINUTE),
                        true,
                        2,
                        engineMillis(30 * SECOND),
                        true,
                        engineMillis(MINUTE),
                        10_000));
    }

    /** The advisors, defined with their skills and profiles; none is logged in. */
    public List<Command.DefineAgent> agents() {
        List<Command.DefineAgent> agents = new ArrayList<>(ADVISORS.size());
        for (Advisor a : ADVISORS) {
            String utilisation = a.routingProfile().equals(DIGITAL_TEAM) ? DIGITAL : PHONE_FIRST;
            agents.add(new Command.DefineAgent(a.id(), skills(a.skills()), utilisation, a.routingProfile()));
        }
        return List.copyOf(agents);
    }

    /** The advisors left to people at the desktop, defined like the others; none is logged in. */
    public static List<Command.DefineAgent> deskAdvisors() {
        List<Command.DefineAgent> agents = new ArrayList<>(DESK_ADVISORS.size());
        for (Advisor a : DESK_ADVISORS) {
            String utilisation = a.routingProfile().equals(DIGITAL_TEAM) ? DIGITAL : PHONE_FIRST;
            agents.add(new Command.DefineAgent(a.id(), skills(a.skills()), utilisation, a.routingProfile()));
        }
        return List.copyOf(agents);
    }

    /** What a new routing state needs for the demo: the configuration, then every advisor (desk advisors last). */
    public List<Command> seedCommands() {
        List<Command> seed = new ArrayList<>();
        seed.add(new Command.ConfigureRouting(config()));
        seed.addAll(agents());
        seed.addAll(deskAdvisors());
        return List.copyOf(seed);
    }

    private List<QueueConfig> queues() {
        return List.of(
                voiceQueue(COUNCIL_TAX)
                        .requirements(List.of(Requirement.soft(COUNCIL_TAX, 4)))
                        // benefits callers carry their own requirement (DemoTraffic); both loosen after a minute
                        .relaxation(List.of(
                                new RelaxationStep(engineMillis(MINUTE), COUNCIL_TAX, 2),
                                new RelaxationStep(engineMillis(MINUTE), BENEFITS, 2)))
                        .build(),
                voiceQueue(PARKING)
                        .requirements(List.of(Requirement.soft(PARKING, 3)))
                        .relaxation(List.of(new RelaxationStep(engineMillis(MINUTE), PARKING, 1)))
                        .overflow(List.of(OverflowRule.widen(OverflowTrigger.AFTER, engineMillis(2 * MINUTE), GENERAL)))
                        .build(),
                voiceQueue(WASTE)
                        .requirements(List.of(Requirement.soft(WASTE, 2)))
                        .overflow(
                                List.of(OverflowRule.widen(OverflowTrigger.AFTER, engineMillis(90 * SECOND), GENERAL)))
                        .build(),
                // Housing needs a trained advisor however long the wait: a hard requirement, never relaxed.
                voiceQueue(HOUSING)
                        .requirements(List.of(Requirement.hard(HOUSING, 5)))
                        .overflow(List.of(
                                OverflowRule.widen(OverflowTrigger.UNSTAFFED, 0, GENERAL),
                                OverflowRule.widen(OverflowTrigger.AFTER, engineMillis(2 * MINUTE), GENERAL)))
                        .build(),
                voiceQueue(GENERAL)
                        .overflow(List.of(
                                OverflowRule.widen(OverflowTrigger.AFTER, engineMillis(MINUTE), COUNCIL_TAX, WASTE)))
                        .build(),
                QueueConfig.builder(WEB_CHAT, CHAT)
                        .serviceLevelThreshold(engineMillis(MINUTE))
                        .requirements(List.of(Requirement.soft(WRITTEN, 4)))
                        .relaxation(List.of(new RelaxationStep(engineMillis(MINUTE), WRITTEN, 0)))
                        .maxQueueSize(12, CHAT_BUSY_MESSAGE)
                        .wrapUp(engineMillis(15 * SECOND), engineMillis(MINUTE))
                        .build(),
                // Emails are answered within a working day; no wrap-up.
                QueueConfig.builder(EMAIL_QUEUE, EMAIL)
                        .serviceLevelThreshold(engineMillis(8 * HOUR))
                        .requirements(List.of(Requirement.soft(WRITTEN, 3)))
                        .build());
    }

    private QueueConfig.Builder voiceQueue(String id) {
        return QueueConfig.builder(id, VOICE)
                .serviceLevelThreshold(engineMillis(30 * SECOND))
                .wrapUp(engineMillis(30 * SECOND), engineMillis(2 * MINUTE))
                .maxWait(engineMillis(10 * MINUTE), OFFER_CALLBACK);
    }

    private List<RoutingProfile> routingProfiles() {
        return List.of(
                new RoutingProfile(
                        REVENUES,
                        List.of(
                                take(COUNCIL_TAX, 1),
                                take(PARKING, 2),
                                take(GENERAL, 2),
                                takeAfter(EMAIL_QUEUE, 3, engineMillis(HOUR)))),
                new RoutingProfile(
                        STREETS,
                        List.of(
                                take(PARKING, 1),
                                take(WASTE, 1),
                                take(GENERAL, 2),
                                takeAfter(WEB_CHAT, 3, engineMillis(90 * SECOND)))),
                new RoutingProfile(HOUSING_TEAM, List.of(take(HOUSING, 1), take(GENERAL, 2), take(COUNCIL_TAX, 3))),
                new RoutingProfile(
                        GENERALIST,
                        List.of(
                                take(GENERAL, 1),
                                take(COUNCIL_TAX, 2),
                                take(PARKING, 2),
                                take(WASTE, 2),
                                take(HOUSING, 3))),
                // The digital team helps the phones only with callers who have already waited.
                new RoutingProfile(
                        DIGITAL_TEAM,
                        List.of(
                                take(WEB_CHAT, 1),
                                take(EMAIL_QUEUE, 1),
                                takeAfter(GENERAL, 2, engineMillis(45 * SECOND)),
                                takeAfter(COUNCIL_TAX, 3, engineMillis(MINUTE)))));
    }

    private ChannelConfig channel(String id, MediaClass media) {
        // The engine accepts no offer timeout under a second, whatever the speed.
        long timeout = Math.max(1_000, engineMillis(media.defaultOfferTimeoutMillis()));
        return new ChannelConfig(id, media, timeout, media.defaultAutoAccept());
    }

    private static QueueMembership take(String queue, int tier) {
        return new QueueMembership(queue, tier, 0);
    }

    private static QueueMembership takeAfter(String queue, int tier, long delayMillis) {
        return new QueueMembership(queue, tier, delayMillis);
    }

    /** A duration of the real centre as the demo's engine sees it: divided by the speed, at least 1 ms. */
    long engineMillis(long centreMillis) {
        return Math.max(1, Math.round(centreMillis / speed));
    }

    private static List<SkillLevel> skills(String spec) {
        List<SkillLevel> skills = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] skillAndLevel = part.trim().split(" ");
            if (skillAndLevel.length != 2 || !SKILLS.contains(skillAndLevel[0])) {
                throw new IllegalStateException("bad skill in the demo centre: " + part);
            }
            skills.add(new SkillLevel(skillAndLevel[0], Integer.parseInt(skillAndLevel[1])));
        }
        return skills;
    }
}
