package io.firstcontact.desktop.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An offer's reasons over a large pool: the first {@link OfferReasons#MAX_NAMED} others named by why they were not
 * offered it, then by id, the rest counted — the same story a small centre's offer tells, with the counts grown.
 */
class LargePoolStoryTest {
    private static final String QUEUE = "parking";

    private final RoutingEngine engine = RoutingEngine.create();
    private final LiveView view = new LiveView(ViewOptions.DEFAULT, engine::position);
    private final ContactStories stories = new ContactStories(view, Function.identity(), 100);
    private long seq;

    @Test
    void theFirstEightOthersOfTwoThousandAreNamedAndTheRestCounted() {
        configure();
        define(2_000, "a%04d", "front");
        define(10, "b%02d", "backup");
        define(50, "e%02d", "elsewhere");
        logIn("a0000"); // ready first: the longest idle
        IntStream.range(0, 10).forEach(i -> logIn("b%02d".formatted(i)));
        IntStream.range(0, 50).forEach(i -> logIn("e%02d".formatted(i)));
        logIn("a1999");
        for (int i = 100; i < 120; i++) {
            String id = "a%04d".formatted(i);
            logIn(id);
            feed(new Command.ChangePresence(id, PresenceState.NOT_READY, "BREAK", Actor.agent(id), false));
        }

        feed(new Command.CreateInteraction(
                "call-1",
                "voice",
                Direction.INBOUND,
                "test:call-1",
                null,
                "cust-1",
                Attributes.of(),
                QueueRequest.to(QUEUE)));

        String lowerTier = IntStream.range(0, 7)
                .mapToObj(i -> "b%02d has this queue at tier 2".formatted(i))
                .collect(Collectors.joining(", "));
        assertThat(offerStep("call-1"))
                .isEqualTo("Offered to a0000: primary queue, longest idle; a1999 was free too, ranked after by longest"
                        + " idle, " + lowerTier + ", 23 more were not free, 1978 others were logged out");
    }

    @Test
    void anAdvisorWhoGainsTheSkillIsNoLongerSaidToLackIt() {
        configure();
        List<SkillLevel> welsh = List.of(new SkillLevel("welsh", 5));
        feed(new Command.DefineAgent("a0", welsh, "voice-only", "front"));
        feed(new Command.DefineAgent("a1", List.of(), "voice-only", "front"));
        feed(new Command.DefineAgent("a2", List.of(), "voice-only", "front"));
        feed(new Command.DefineAgent("a3", welsh, "voice-only", "front"));
        logIn("a0");
        logIn("a3");
        logIn("a1");
        logIn("a2");
        List<Requirement> needsWelsh = List.of(new Requirement("welsh", 3, Strictness.HARD));
        call("call-1", needsWelsh);
        assertThat(offerStep("call-1")).contains("a1 lacks the skill welsh");

        feed(new Command.ChangeSkills("a1", welsh));
        call("call-2", needsWelsh);

        assertThat(offerStep("call-2"))
                .isEqualTo("Offered to a3: primary queue, longest idle; a1 was free too, ranked after by longest idle,"
                        + " a0 was busy (being offered another call), a2 lacks the skill welsh");
    }

    private void call(String id, List<Requirement> requirements) {
        feed(new Command.CreateInteraction(
                id,
                "voice",
                Direction.INBOUND,
                "test:" + id,
                null,
                "cust-" + id,
                Attributes.of(),
                QueueRequest.to(QUEUE).withRequirements(requirements)));
    }

    private String offerStep(String interactionId) {
        return stories.story(interactionId).orElseThrow().steps().stream()
                .map(Step::text)
                .filter(s -> s.startsWith("Offered to"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private void configure() {
        UtilisationProfile voiceOnly =
                new UtilisationProfile("voice-only", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())));
        feed(new Command.ConfigureRouting(new RoutingConfig(
                1,
                List.of(new ChannelConfig("voice", MediaClass.REALTIME_VOICE, 20_000, false)),
                List.of("welsh"),
                List.of(
                        QueueConfig.builder(QUEUE, "voice").build(),
                        QueueConfig.builder("billing", "voice").build()),
                List.of(voiceOnly),
                List.of(
                        new RoutingProfile("front", List.of(new QueueMembership(QUEUE, 1, 0))),
                        new RoutingProfile("backup", List.of(new QueueMembership(QUEUE, 2, 0))),
                        new RoutingProfile("elsewhere", List.of(new QueueMembership("billing", 1, 0)))),
                List.of(new NotReadyReason("BREAK", false)),
                List.of(),
                RoutingPolicy.DEFAULT)));
    }

    private void define(int count, String idFormat, String routingProfile) {
        for (int i = 0; i < count; i++) {
            feed(new Command.DefineAgent(idFormat.formatted(i), List.of(), "voice-only", routingProfile));
        }
    }

    private void logIn(String agentId) {
        feed(new Command.LogIn(agentId, true, Actor.agent(agentId)));
    }

    private void feed(Command command) {
        seq++;
        EngineInput input = new EngineInput(1, seq, 1_700_000_000_000L + seq * 1_000, "test", null, command);
        Decision d = engine.apply(input);
        assertThat(d.refused()).as("%s refused: %s", command, d).isFalse();
        view.committed(input, d);
        stories.committed(input, d);
    }
}
