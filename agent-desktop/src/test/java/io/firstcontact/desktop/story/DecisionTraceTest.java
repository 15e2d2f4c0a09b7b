package io.firstcontact.desktop.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.StaffClient;
import io.firstcontact.desktop.TestCentre;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contact's decision trace in words, as a supervisor reads it: why its advisor, and why not the others. */
class DecisionTraceTest {
    private static final String ASHA = "Asha Patel (adv-1)";
    private static final String BEN = "Ben Okoro (adv-2)";

    private TestCentre centre;
    private StaffClient sam;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        sam = new StaffClient(centre.baseUrl());
        sam.signIn("sam", TestCentre.PASSWORD);
        // Asha is ready first, so she has been idle longest.
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    private List<String> steps(String interactionId) {
        JsonNode body = StaffClient.body(sam.get("/supervisor/api/contacts/" + interactionId + "/story"));
        List<String> out = new ArrayList<>();
        body.path("steps").forEach(s -> out.add(s.path("text").asText()));
        return out;
    }

    private String offerStep(String interactionId) {
        return steps(interactionId).stream()
                .filter(s -> s.startsWith("Offered to"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no offer in " + steps(interactionId)));
    }

    private void answer(String interactionId) {
        centre.submit(new Command.AcceptOffer(centre.offerOf(interactionId).offerId(), Actor.agent("adv-1")));
    }

    @Test
    void theLongestIdleAdvisorOfThePrimaryQueueIsOfferedItAndTheOtherRanksAfter() {
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.offerOf(call);

        assertThat(offerStep(call))
                .isEqualTo("Offered to " + ASHA + ": primary queue, longest idle; " + BEN
                        + " was free too, ranked after by longest idle");
    }

    @Test
    void anAdvisorOnACallIsNamedAsBusy() {
        String first = centre.call("cust-1", Attributes.of("service", "parking"));
        answer(first);

        String second = centre.call("cust-2", Attributes.of("service", "parking"));
        centre.offerOf(second);

        assertThat(offerStep(second))
                .isEqualTo("Offered to " + BEN + ": primary queue, the only advisor free for it; " + ASHA
                        + " was busy (on a call)");
    }

    @Test
    void anAdvisorOnABreakIsNamedWithTheirReason() {
        centre.submit(
                new Command.ChangePresence("adv-1", PresenceState.NOT_READY, "BREAK", Actor.agent("adv-1"), false));

        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.offerOf(call);

        assertThat(offerStep(call)).endsWith("; " + ASHA + " was not ready (BREAK)");
    }

    @Test
    void anAdvisorWhoRejectedItIsNotOfferedItAgainAndTheTraceSaysSo() {
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.submit(new Command.RejectOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));
        centre.offerOf(call);

        assertThat(steps(call)).contains(ASHA + " rejected it");
        assertThat(offerStep(call)).startsWith("Offered to " + BEN).endsWith(ASHA + " had rejected it");
    }

    @Test
    void anAdvisorWithoutTheSkillItNeedsIsNamedWithWhatTheyLack() {
        centre.submit(
                new Command.ChangeSkills("adv-2", List.of(new SkillLevel("parking", 5), new SkillLevel("written", 8))));
        String id = "int-written";
        centre.submit(new Command.CreateInteraction(
                id,
                "voice",
                Direction.INBOUND,
                "test:" + id,
                null,
                "cust-1",
                Attributes.of("service", "parking"),
                new QueueRequest(
                        TestCentre.VOICE_QUEUE, List.of(Requirement.hard("written", 7)), 0, 0, List.of(), -1, -1)));
        centre.offerOf(id);

        assertThat(offerStep(id)).startsWith("Offered to " + BEN).endsWith(ASHA + " has written 5, 7 needed");
    }

    @Test
    void theWholeStoryOfAnAnsweredCallReadsInOrder() {
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        answer(call);
        centre.submit(new Command.EndInteraction(call, EndReason.COMPLETED));

        List<String> steps = steps(call);

        assertThat(steps.getFirst()).isEqualTo("Arrived by voice");
        assertThat(steps.get(1)).isEqualTo("Queued in " + TestCentre.VOICE_QUEUE);
        assertThat(steps.get(2)).startsWith("Offered to " + ASHA);
        assertThat(steps.get(3)).isEqualTo(ASHA + " answered");
        assertThat(steps.get(4)).matches("Answered after \\d+ s in " + TestCentre.VOICE_QUEUE);
        assertThat(steps.getLast()).isEqualTo("Ended: completed");
    }

    @Test
    void aContactNobodyKnowsIsNotFound() {
        assertThat(sam.get("/supervisor/api/contacts/nobody/story").statusCode())
                .isEqualTo(404);
    }
}
