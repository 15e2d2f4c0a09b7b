package io.firstcontact.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.view.OfferView;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's call controls refuse what they cannot do with a clear 4xx and change nothing: routing hears no command
 * (no fact follows) and the call stays where it was.
 */
class DeskCallControlTest {
    private TestCentre centre;
    private StaffClient asha;
    private StaffClient ben;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        asha = StaffClient.readyAdvisor(centre, "asha");
        ben = new StaffClient(centre.baseUrl());
        ben.signIn("ben", TestCentre.PASSWORD);
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    /** A call for asha, accepted: its assignment id (the engine names an assignment after its offer). */
    private String ashasCall() {
        String call = centre.call("cust-1", Attributes.of("service", "parking", "keyed", "PCN HA12345678"));
        OfferView o = centre.offerOf(call);
        assertThat(asha.post("/desk/api/offers/" + o.offerId() + "/accept", "{}")
                        .statusCode())
                .isEqualTo(200);
        return o.offerId();
    }

    private String ashasChat() {
        String chat = centre.chat("cust-1", Attributes.of("service", "waste"));
        OfferView o = centre.offerOf(chat);
        assertThat(asha.post("/desk/api/offers/" + o.offerId() + "/accept", "{}")
                        .statusCode())
                .isEqualTo(200);
        return o.offerId();
    }

    /** Asserts the status and that routing heard nothing about it: the facts are as they were before. */
    private void refusedWithNothingChanged(int status, java.util.function.Supplier<HttpResponse<String>> request) {
        int factsBefore = centre.facts.size();
        HttpResponse<String> r = request.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(StaffClient.body(r).path("detail").asText()).isNotBlank();
        assertThat(centre.facts.subList(factsBefore, centre.facts.size())).isEmpty();
    }

    private Phase phase(String work) {
        return centre.read(() -> centre.view
                .interaction(centre.view.assignment(work).orElseThrow().interactionId())
                .orElseThrow()
                .phase());
    }

    @Test
    void aTransferNamingNothingOrTwoPlacesIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{}"));
        refusedWithNothingChanged(
                422,
                () -> asha.post(
                        "/desk/api/work/" + work + "/transfer",
                        "{\"queue\":\"" + TestCentre.SECOND_VOICE_QUEUE + "\",\"number\":\"+442087366711\"}"));
        assertThat(phase(work)).isEqualTo(Phase.CONNECTED);
    }

    @Test
    void aTransferToAnUnknownQueueOrAQueueOfAnotherChannelIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"queue\":\"no-such-queue\"}"));
        refusedWithNothingChanged(
                422,
                () -> asha.post(
                        "/desk/api/work/" + work + "/transfer", "{\"queue\":\"" + TestCentre.CHAT_QUEUE + "\"}"));
    }

    @Test
    void aTransferToSomethingThatIsNotATelephoneNumberOrIsACardNumberIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"number\":\"the town hall\"}"));
        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"number\":\"4111 1111 1111 1111\"}"));
    }

    @Test
    void aChatIsNotTransferredToANumber() {
        String work = ashasChat();

        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"number\":\"+442087366711\"}"));
    }

    @Test
    void aTransferOrConsultToAnAdvisorWhoIsNotLoggedInUnknownOrOneselfIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(
                409, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"agentId\":\"adv-2\"}"));
        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/transfer", "{\"agentId\":\"adv-404\"}"));
        refusedWithNothingChanged(
                422, () -> asha.post("/desk/api/work/" + work + "/consult", "{\"agentId\":\"adv-1\"}"));
        refusedWithNothingChanged(
                409, () -> asha.post("/desk/api/work/" + work + "/consult", "{\"agentId\":\"adv-2\"}"));
    }

    @Test
    void aConsultWithoutAColleagueOrWithAFieldTheDeskDoesNotKnowIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(422, () -> asha.post("/desk/api/work/" + work + "/consult", "{}"));
        refusedWithNothingChanged(
                400, () -> asha.post("/desk/api/work/" + work + "/consult", "{\"agentId\":\"adv-2\",\"x\":1}"));
    }

    @Test
    void endingAConsultThatIsNotThereOrWithAnUnknownOutcomeIsRefused() {
        String work = ashasCall();

        refusedWithNothingChanged(
                409, () -> asha.post("/desk/api/work/" + work + "/consult/end", "{\"outcome\":\"COMPLETED\"}"));
        refusedWithNothingChanged(
                400, () -> asha.post("/desk/api/work/" + work + "/consult/end", "{\"outcome\":\"LATER\"}"));
        refusedWithNothingChanged(422, () -> asha.post("/desk/api/work/" + work + "/consult/end", "{}"));
    }

    @Test
    void anAdvisorCannotHoldAnotherAdvisorsCallNorWorkThatDoesNotExist() {
        String work = ashasCall();

        refusedWithNothingChanged(403, () -> ben.post("/desk/api/work/" + work + "/hold", "{}"));
        refusedWithNothingChanged(
                403, () -> ben.post("/desk/api/work/" + work + "/transfer", "{\"queue\":\"parking\"}"));
        refusedWithNothingChanged(404, () -> asha.post("/desk/api/work/no-such-work/hold", "{}"));
        assertThat(phase(work)).isEqualTo(Phase.CONNECTED);
    }

    @Test
    void aChatIsNotHeld() {
        String chat = ashasChat();

        refusedWithNothingChanged(422, () -> asha.post("/desk/api/work/" + chat + "/hold", "{}"));
    }

    @Test
    void aHeldCallIsNotTransferredUntilItIsResumed() {
        String call = ashasCall();
        assertThat(asha.post("/desk/api/work/" + call + "/hold", "{}").statusCode())
                .isEqualTo(200);

        refusedWithNothingChanged(
                409,
                () -> asha.post(
                        "/desk/api/work/" + call + "/transfer",
                        "{\"queue\":\"" + TestCentre.SECOND_VOICE_QUEUE + "\"}"));
        assertThat(phase(call)).isEqualTo(Phase.PARKED);
    }

    @Test
    void holdAndResumeAreRoutingsParkAndResume() {
        String work = ashasCall();

        assertThat(asha.post("/desk/api/work/" + work + "/hold", "{}").statusCode())
                .isEqualTo(200);
        assertThat(phase(work)).isEqualTo(Phase.PARKED);
        assertThat(asha.post("/desk/api/work/" + work + "/resume", "{}").statusCode())
                .isEqualTo(200);

        assertThat(phase(work)).isEqualTo(Phase.CONNECTED);
        assertThat(centre.facts)
                .filteredOn(f -> f instanceof Fact.InteractionParked || f instanceof Fact.InteractionResumed)
                .hasSize(2);
    }

    @Test
    void theColleaguesListNamesTheAdvisorsLoggedInButTheOneAsking() {
        assertThat(ben.post("/desk/api/login", "{\"ready\":false}").statusCode())
                .isEqualTo(200);

        var r = asha.get("/desk/api/colleagues");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(StaffClient.body(r).path("colleagues").findValuesAsText("name"))
                .isEqualTo(List.of("Ben Okoro (adv-2)"));
        assertThat(StaffClient.body(r).path("colleagues").findValuesAsText("presence"))
                .isEqualTo(List.of("NOT_READY"));
    }

    @Test
    void aConsultedColleagueCanGiveTheCallBackButNeitherEndItNorCompleteTheTransfer() {
        String work = ashasCall();
        assertThat(ben.post("/desk/api/login", "{\"ready\":true}").statusCode()).isEqualTo(200);
        assertThat(asha.post("/desk/api/work/" + work + "/consult", "{\"agentId\":\"adv-2\"}")
                        .statusCode())
                .isEqualTo(200);
        String consultOffer = centre.read(() -> centre.view
                .consultOffer(centre.view.assignment(work).orElseThrow().interactionId())
                .orElseThrow()
                .offerId());
        assertThat(ben.post("/desk/api/offers/" + consultOffer + "/accept", "{}")
                        .statusCode())
                .isEqualTo(200);

        refusedWithNothingChanged(409, () -> ben.post("/desk/api/work/" + consultOffer + "/end", "{}"));
        refusedWithNothingChanged(
                409, () -> ben.post("/desk/api/work/" + consultOffer + "/consult/end", "{\"outcome\":\"COMPLETED\"}"));
        refusedWithNothingChanged(409, () -> ben.post("/desk/api/work/" + consultOffer + "/hold", "{}"));

        assertThat(ben.post("/desk/api/work/" + consultOffer + "/consult/end", "{\"outcome\":\"CANCELLED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(phase(work)).isEqualTo(Phase.CONNECTED);
        assertThat(centre.read(() -> centre.view.agent("adv-2").orElseThrow().assignmentIds()))
                .isEmpty();
    }
}
