package io.firstcontact.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.OfferView;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's API for the work itself: scripts, cross-sell, wrap-up, callbacks and calls. */
class DeskWorkTest {
    private TestCentre centre;
    private StaffClient asha;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        asha = StaffClient.readyAdvisor(centre, "asha");
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    /** A call for asha, accepted: its assignment id. */
    private String acceptedCall(String reason) {
        String call = centre.call("cust-1", Attributes.of("service", reason));
        OfferView o = centre.offerOf(call);
        assertThat(asha.post("/desk/api/offers/" + o.offerId() + "/accept", "{}")
                        .statusCode())
                .isEqualTo(200);
        return o.offerId(); // the engine names an assignment after its offer
    }

    @Test
    void aScriptsAnswersGoToTheBackOfficeWithTheCustomer() {
        String work = acceptedCall("waste");

        var r = asha.post(
                "/desk/api/work/" + work + "/script",
                "{\"scriptId\":\"missed-bin\",\"answers\":{\"bin\":\"Recycling\",\"out-by-7\":\"yes\"}}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(centre.accounts.forms).singleElement().satisfies(f -> {
            assertThat(f.formId()).isEqualTo("missed-bin");
            assertThat(f.customerRef()).isEqualTo("cust-1");
            assertThat(f.advisorId()).isEqualTo("adv-1");
            assertThat(f.answers()).extracting(a -> a.question()).containsExactly("bin", "out-by-7");
        });
    }

    @Test
    void thePhoneGivenAtLoginIsPartOfTheLoginRoutingJournalsForTheVoiceAdapter() {
        assertThat(asha.post("/desk/api/presence", "{\"presence\":\"LOGGED_OUT\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(asha.post("/desk/api/login", "{\"ready\":true,\"device\":\"1001\"}")
                        .statusCode())
                .as("a device names its technology, as the voice adapter dials it")
                .isEqualTo(422);

        assertThat(asha.post("/desk/api/login", "{\"ready\":true,\"device\":\"PJSIP/1001\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(centre.read(() -> centre.view.agent("adv-1").orElseThrow().phone()))
                .isEqualTo("PJSIP/1001");
    }

    @Test
    void aScriptMissingARequiredAnswerIsRefusedAndNothingIsRecorded() {
        String work = acceptedCall("waste");

        var r = asha.post("/desk/api/work/" + work + "/script", "{\"scriptId\":\"missed-bin\",\"answers\":{}}");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(centre.accounts.forms).isEmpty();
    }

    @Test
    void aCrossSellOutcomeIsRecordedAsAFactOfTheAdvisor() {
        String work = acceptedCall("parking");

        var r = asha.post(
                "/desk/api/work/" + work + "/cross-sell", "{\"service\":\"pay-online\",\"outcome\":\"DECLINED\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(centre.facts)
                .filteredOn(f -> f instanceof Fact.CrossSellRecorded)
                .singleElement()
                .isEqualTo(new Fact.CrossSellRecorded(
                        work,
                        centre.read(
                                () -> centre.view.assignment(work).orElseThrow().interactionId()),
                        "adv-1",
                        "pay-online",
                        CrossSellOutcome.DECLINED));
    }

    @Test
    void wrapUpRefusesAnUnknownCodeAndNotesHoldingACardNumber() {
        String work = acceptedCall("parking");

        assertThat(asha.post("/desk/api/work/" + work + "/wrap-up", "{\"codes\":[\"made-up\"]}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(asha.post(
                                "/desk/api/work/" + work + "/wrap-up",
                                "{\"codes\":[\"resolved\"],\"notes\":\"card 4111 1111 1111 1111\"}")
                        .statusCode())
                .isEqualTo(422);

        assertThat(centre.facts).noneMatch(f -> f instanceof Fact.WrapUpRecorded);
    }

    @Test
    void aPromisedCallbackWaitsUntilItsTimeThenRingsForItsAdvisor() {
        String work = acceptedCall("parking");
        Instant due = Instant.now().plusMillis(1_500);

        var r = asha.post(
                "/desk/api/work/" + work + "/callback",
                "{\"at\":\"" + due + "\",\"to\":\"ME\",\"number\":\"020 8736 6711\",\"note\":\"about the appeal\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String callback = StaffClient.body(r).path("interactionId").asText();
        InteractionView promised =
                centre.read(() -> centre.view.interaction(callback).orElseThrow());
        assertThat(promised.direction()).isEqualTo(Direction.CALLBACK);
        assertThat(promised.phase()).isEqualTo(Phase.SELF_SERVICE);

        // Asha finishes her call; the callback rings for her when it is due, not before.
        asha.post("/desk/api/work/" + work + "/end", "{}");
        asha.post("/desk/api/work/" + work + "/done", "{}");
        OfferView offer = centre.offerOf(callback);

        assertThat(offer.agentId()).isEqualTo("adv-1");
        assertThat(offer.createdAt()).isGreaterThanOrEqualTo(due.toEpochMilli());
    }

    @Test
    void clickToCallOffersTheOutboundCallToTheAdvisorAtOnce() {
        var r = asha.post("/desk/api/calls", "{\"number\":\"+442087366711\",\"customerRef\":\"cust-1\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String call = StaffClient.body(r).path("interactionId").asText();
        OfferView offer = centre.offerOf(call);
        assertThat(offer.agentId()).isEqualTo("adv-1");
        assertThat(centre.read(() -> centre.view.interaction(call).orElseThrow().direction()))
                .isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void clickToCallOnAnotherCallIsRefused() {
        acceptedCall("parking");

        var r = asha.post("/desk/api/calls", "{\"number\":\"+442087366711\"}");

        assertThat(r.statusCode()).isEqualTo(409);
    }
}
