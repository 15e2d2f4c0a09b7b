package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.config.AttributeDefinition;
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
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The centre the load runs against, written as the configuration file's {@code routing:} seed.
 *
 * <p>One voice channel (one call per advisor, offer timeout 20 s). {@code queues - 1} <em>front</em> queues, each
 * requiring its own skill (soft, proficiency 1), served by generously staffed teams: a team's profile holds three
 * neighbouring front queues (the first primary, tier 1; the others tier 2), and its advisors hold those skills at
 * proficiency 1–10. One <em>backlog</em> queue is served by a small team of its own that cannot keep up, so work waits
 * there and every advisor of that team who becomes available is offered waiting work at once (the L2 case); callers
 * who wait longer than their patience hang up, which keeps it bounded. Wrap-up is 2 s, ended earlier by the simulated
 * advisors; not-ready reasons BREAK and LUNCH.
 */
public final class Centre {
    public static final String CHANNEL = "voice";
    public static final String BACKLOG = "backlog";
    public static final long WRAP_UP_MILLIS = 2_000;

    private final int frontQueues;
    private final int frontAgents;
    private final int backlogAgents;
    private final long seed;

    public Centre(int queues, int frontAgents, int backlogAgents, long seed) {
        if (queues < 2) {
            throw new IllegalArgumentException("at least 2 queues: one front queue and the backlog queue");
        }
        this.frontQueues = queues - 1;
        this.frontAgents = frontAgents;
        this.backlogAgents = backlogAgents;
        this.seed = seed;
    }

    public int frontQueues() {
        return frontQueues;
    }

    public int agents() {
        return frontAgents + backlogAgents;
    }

    public int frontAgents() {
        return frontAgents;
    }

    public int backlogAgents() {
        return backlogAgents;
    }

    public static String frontQueue(int i) {
        return String.format("q%02d", i);
    }

    /** Advisor {@code i}: front advisors first, then the backlog team. */
    public static String agentId(int i) {
        return String.format("a%05d", i);
    }

    public static int agentIndex(String agentId) {
        return Integer.parseInt(agentId, 1, agentId.length(), 10);
    }

    public boolean isBacklogAgent(int i) {
        return i >= frontAgents;
    }

    public RoutingConfig config() {
        List<String> skills = new ArrayList<>();
        List<QueueConfig> queues = new ArrayList<>();
        for (int q = 0; q < frontQueues; q++) {
            skills.add("s" + frontQueue(q));
            queues.add(QueueConfig.builder(frontQueue(q), CHANNEL)
                    .serviceLevelThreshold(20_000)
                    .requirements(List.of(Requirement.soft("s" + frontQueue(q), 1)))
                    .wrapUp(WRAP_UP_MILLIS, WRAP_UP_MILLIS * 3)
                    .build());
        }
        skills.add("s" + BACKLOG);
        queues.add(QueueConfig.builder(BACKLOG, CHANNEL)
                .serviceLevelThreshold(60_000)
                .requirements(List.of(Requirement.soft("s" + BACKLOG, 1)))
                .wrapUp(WRAP_UP_MILLIS, WRAP_UP_MILLIS * 3)
                .build());
        List<RoutingProfile> profiles = new ArrayList<>();
        for (int q = 0; q < frontQueues; q++) {
            List<QueueMembership> m = new ArrayList<>();
            m.add(new QueueMembership(frontQueue(q), 1, 0));
            for (int k = 1; k < Math.min(3, frontQueues); k++) {
                m.add(new QueueMembership(frontQueue((q + k) % frontQueues), 2, 0));
            }
            profiles.add(new RoutingProfile("team-" + frontQueue(q), m));
        }
        profiles.add(new RoutingProfile("team-" + BACKLOG, List.of(new QueueMembership(BACKLOG, 1, 0))));
        return new RoutingConfig(
                1,
                List.of(voice()),
                skills,
                queues,
                List.of(voiceOnly()),
                profiles,
                reasons(),
                attributes(),
                RoutingPolicy.DEFAULT);
    }

    /**
     * What an IVR hands over with each call ({@code Simulation} sends all three): the menu choice, shown on the
     * screen pop; the caller's name, personal; and the property's UPRN, left undefined, so personal too. The journal
     * seals the two personal values, so their cost is in the figures.
     */
    static List<AttributeDefinition> attributes() {
        return List.of(
                new AttributeDefinition("ivrChoice", AttributeClass.DISPLAY),
                new AttributeDefinition("callerName", AttributeClass.PERSONAL));
    }

    static ChannelConfig voice() {
        return new ChannelConfig(CHANNEL, MediaClass.REALTIME_VOICE, 20_000, false);
    }

    static UtilisationProfile voiceOnly() {
        return new UtilisationProfile("voice-only", List.of(new ChannelCapacity(CHANNEL, 1, List.of(), List.of())));
    }

    static List<NotReadyReason> reasons() {
        return List.of(new NotReadyReason("BREAK", false), new NotReadyReason("LUNCH", true));
    }

    /** The {@code routing:} section: {@code {config, agents}}. */
    public JsonNode seed() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode routing = json.createObjectNode();
        routing.set("config", toTree(json, config()));
        ArrayNode agents = routing.putArray("agents");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < agents(); i++) {
            ObjectNode a = agents.addObject();
            a.put("agentId", agentId(i));
            ArrayNode skills = a.putArray("skills");
            String profile;
            if (isBacklogAgent(i)) {
                profile = "team-" + BACKLOG;
                skills.addObject().put("skill", "s" + BACKLOG).put("proficiency", 1 + random.nextInt(10));
            } else {
                int team = i % frontQueues;
                profile = "team-" + frontQueue(team);
                for (int k = 0; k < Math.min(3, frontQueues); k++) {
                    skills.addObject()
                            .put("skill", "s" + frontQueue((team + k) % frontQueues))
                            .put("proficiency", 1 + random.nextInt(10));
                }
            }
            a.put("utilisationProfile", "voice-only");
            a.put("routingProfile", profile);
        }
        return routing;
    }

    static JsonNode toTree(ObjectMapper json, Object engineValue) {
        try {
            return json.readTree(new JournalCodec().encodeValue(engineValue));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The idle proof's centre: one queue {@code idle} requiring skill {@code sidle} at proficiency 5, relaxed to 1
     * after {@code relaxAfterMillis}, with a max-wait action after {@code maxWaitMillis}: two deadlines per waiting
     * interaction. {@code agents} advisors are defined; none logs in.
     */
    public static JsonNode idleSeed(int agents, long relaxAfterMillis, long maxWaitMillis) {
        ObjectMapper json = new ObjectMapper();
        RoutingConfig config = new RoutingConfig(
                1,
                List.of(voice()),
                List.of("sidle"),
                List.of(QueueConfig.builder("idle", CHANNEL)
                        .serviceLevelThreshold(20_000)
                        .requirements(List.of(Requirement.soft("sidle", 5)))
                        .relaxation(List.of(new RelaxationStep(relaxAfterMillis, "sidle", 1)))
                        .maxWait(maxWaitMillis, "voicemail")
                        .wrapUp(WRAP_UP_MILLIS, WRAP_UP_MILLIS * 3)
                        .build()),
                List.of(voiceOnly()),
                List.of(new RoutingProfile("team-idle", List.of(new QueueMembership("idle", 1, 0)))),
                reasons(),
                List.of(),
                RoutingPolicy.DEFAULT);
        ObjectNode routing = json.createObjectNode();
        routing.set("config", toTree(json, config));
        ArrayNode list = routing.putArray("agents");
        for (int i = 0; i < agents; i++) {
            ObjectNode a = list.addObject();
            a.put("agentId", agentId(i));
            a.putArray("skills").addObject().put("skill", "sidle").put("proficiency", 5);
            a.put("utilisationProfile", "voice-only");
            a.put("routingProfile", "team-idle");
        }
        return routing;
    }
}
