package io.firstcontact.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.StaffClient;
import io.firstcontact.desktop.TestCentre;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ActorKind;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.AgentView;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a supervisor does to advisors and queues, as routing journals it and the audit trail keeps it. */
class SupervisorActionsTest {
    private TestCentre centre;
    private StaffClient sam;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        sam = new StaffClient(centre.baseUrl());
        sam.signIn("sam", TestCentre.PASSWORD);
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    private AgentView advisor(String id) {
        return centre.read(() -> centre.view.agent(id).orElseThrow());
    }

    /** The audit trail's newest record, once there is one. */
    private JsonNode newestAudit() {
        JsonNode[] found = new JsonNode[1];
        TestCentre.await("an audit record", () -> {
            JsonNode items = StaffClient.body(sam.get("/supervisor/api/audit")).path("items");
            found[0] = items.size() > 0 ? items.get(0) : null;
            return found[0] != null;
        });
        return found[0];
    }

    @Test
    void aSupervisorSendsAnAdvisorOnABreakAndTheJournalNamesThem() {
        HttpResponse<String> r = sam.post(
                "/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"LUNCH\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(advisor("adv-1").presence()).isEqualTo(PresenceState.NOT_READY);
        assertThat(centre.facts)
                .filteredOn(f -> f instanceof Fact.PresenceChanged p && p.to() == PresenceState.NOT_READY)
                .singleElement()
                .satisfies(f -> assertThat(((Fact.PresenceChanged) f).actor())
                        .isEqualTo(new Actor(ActorKind.SUPERVISOR, "sam")));
    }

    @Test
    void everySupervisorActionIsAuditedWithWhoWhenAndItsJournalEntry() {
        long before = System.currentTimeMillis();
        sam.post("/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"LUNCH\"}");

        JsonNode record = newestAudit();
        assertThat(record.path("username").asText()).isEqualTo("sam");
        assertThat(record.path("name").asText()).isEqualTo("Sam Reid");
        assertThat(record.path("action").asText()).isEqualTo("presence");
        assertThat(record.path("subject").asText()).isEqualTo("adv-1");
        assertThat(record.path("detail").asText()).isEqualTo("NOT_READY (LUNCH)");
        assertThat(record.path("outcome").asText()).isEqualTo("done");
        assertThat(record.path("entryId").asText()).isEqualTo(centre.read(() -> centre.view.lastEntryId()));
        assertThat(java.time.Instant.parse(record.path("doneAt").asText()).toEpochMilli())
                .isBetween(before, System.currentTimeMillis());
    }

    @Test
    void aSupervisorLogsAnAdvisorOutAtOnceDuringACall() {
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.submit(new Command.AcceptOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));

        sam.post("/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"LOGGED_OUT\",\"force\":true}");

        assertThat(advisor("adv-1").presence()).isEqualTo(PresenceState.LOGGED_OUT);
        assertThat(newestAudit().path("detail").asText()).isEqualTo("LOGGED_OUT, forced");
    }

    @Test
    void aSupervisorMovesAnAdvisorToOtherQueuesForTheAfternoon() {
        HttpResponse<String> r = sam.post(
                "/supervisor/api/advisors/adv-1/routing-profile",
                "{\"routingProfile\":\"" + TestCentre.CHATS_ONLY + "\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(advisor("adv-1").routingProfile()).isEqualTo(TestCentre.CHATS_ONLY);
        assertThat(centre.facts)
                .anySatisfy(f -> assertThat(f)
                        .isEqualTo(new Fact.RoutingProfileAssigned(
                                "adv-1", TestCentre.CHATS_ONLY, new Actor(ActorKind.SUPERVISOR, "sam"))));
        JsonNode record = newestAudit();
        assertThat(record.path("action").asText()).isEqualTo("routing-profile");
        assertThat(record.path("detail").asText()).isEqualTo("everything → " + TestCentre.CHATS_ONLY);
    }

    @Test
    void aSupervisorClosesAQueueAndOpensItAgain() {
        sam.post("/supervisor/api/queues/" + TestCentre.VOICE_QUEUE + "/close", "{}");
        assertThat(centre.read(() ->
                        centre.view.queue(TestCentre.VOICE_QUEUE).orElseThrow().open()))
                .isFalse();
        assertThat(newestAudit().path("action").asText()).isEqualTo("close-queue");

        sam.post("/supervisor/api/queues/" + TestCentre.VOICE_QUEUE + "/open", "{}");

        assertThat(centre.read(() ->
                        centre.view.queue(TestCentre.VOICE_QUEUE).orElseThrow().open()))
                .isTrue();
        TestCentre.await(
                "the opening audited",
                () -> newestAudit().path("action").asText().equals("open-queue"));
    }

    @Test
    void whatRoutingRefusesIsAuditedAsRefusedAndChangesNothing() {
        sam.post("/supervisor/api/advisors/adv-2/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"LUNCH\"}");

        JsonNode record = newestAudit();
        assertThat(record.path("subject").asText()).isEqualTo("adv-2");
        assertThat(record.path("outcome").asText()).startsWith("refused: ");
        assertThat(advisor("adv-2").presence()).isEqualTo(PresenceState.LOGGED_OUT);
    }

    @Test
    void anUnknownAdvisorOrQueueIsNotFoundAndNothingIsAudited() {
        assertThat(sam.post("/supervisor/api/advisors/nobody/presence", "{\"presence\":\"READY\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(sam.post("/supervisor/api/queues/nowhere/close", "{}").statusCode())
                .isEqualTo(404);
        assertThat(StaffClient.body(sam.get("/supervisor/api/audit"))
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void badBodiesAreRefusedWithAClearMessage() {
        HttpResponse<String> noReason =
                sam.post("/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"NOT_READY\"}");
        HttpResponse<String> unknownReason =
                sam.post("/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"NAP\"}");
        HttpResponse<String> unknownField =
                sam.post("/supervisor/api/advisors/adv-1/presence", "{\"presence\":\"READY\",\"colour\":1}");
        HttpResponse<String> unknownProfile =
                sam.post("/supervisor/api/advisors/adv-1/routing-profile", "{\"routingProfile\":\"nope\"}");

        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(unknownReason.statusCode()).isEqualTo(422);
        assertThat(StaffClient.body(unknownReason).path("detail").asText()).contains("not-ready reason");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownProfile.statusCode()).isEqualTo(422);
    }

    @Test
    void listeningToACallSaysItNeedsTheVoiceChannelAndIsAudited() {
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.submit(new Command.AcceptOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));

        HttpResponse<String> r = sam.post(
                "/supervisor/api/contacts/" + call + "/supervise", "{\"mode\":\"LISTEN\",\"device\":\"PJSIP/2001\"}");

        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(StaffClient.body(r).path("detail").asText()).contains("Asterisk");
        JsonNode record = newestAudit();
        assertThat(record.path("action").asText()).isEqualTo("supervise-call");
        assertThat(record.path("outcome").asText()).startsWith("failed: ");
    }

    @Test
    void anAdvisorCannotUseTheSupervisorsApiOrFeed() {
        StaffClient asha = new StaffClient(centre.baseUrl());
        asha.signIn("asha", TestCentre.PASSWORD);

        assertThat(asha.get("/supervisor/api/setup").statusCode()).isEqualTo(403);
        assertThat(asha.get("/supervisor/api/audit").statusCode()).isEqualTo(403);
        assertThat(asha.post("/supervisor/api/queues/parking/close", "{}").statusCode())
                .isEqualTo(403);
        assertThat(asha.get("/supervisor/push").statusCode()).isEqualTo(403);
        assertThat(asha.get("/supervisor/wallboard").statusCode()).isEqualTo(403);
        assertThat(centre.read(() ->
                        centre.view.queue(TestCentre.VOICE_QUEUE).orElseThrow().open()))
                .isTrue();
    }

    @Test
    void withoutTheCsrfTokenNothingHappens() {
        sam.csrf = "forged";
        HttpResponse<String> r = sam.post("/supervisor/api/queues/" + TestCentre.VOICE_QUEUE + "/close", "{}");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(centre.read(() ->
                        centre.view.queue(TestCentre.VOICE_QUEUE).orElseThrow().open()))
                .isTrue();
    }
}
