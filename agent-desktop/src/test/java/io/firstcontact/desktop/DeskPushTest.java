package io.firstcontact.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's push connection as a client sees it: whole desks, resumes after the last entry id, nobody else's work. */
class DeskPushTest {
    private TestCentre centre;
    private StaffClient asha;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        asha = new StaffClient(centre.baseUrl());
        asha.signIn("asha", TestCentre.PASSWORD);
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    /** The desk's push connection. */
    final class Desk implements AutoCloseable {
        private final PushClient push;

        Desk(String after) throws Exception {
            push = new PushClient(asha, centre.baseUrl(), "/desk/push", after);
        }

        JsonNode next(String type) throws InterruptedException {
            return push.next(type);
        }

        /** Desks until one satisfies the check. */
        JsonNode deskWhere(java.util.function.Predicate<JsonNode> check) throws InterruptedException {
            return push.next(m -> m.path("type").asText().equals("desk") && check.test(m.path("state")), "such a desk")
                    .path("state");
        }

        java.util.Collection<JsonNode> messages() {
            return push.messages;
        }

        @Override
        public void close() {
            push.close();
        }
    }

    private static String customerOfFirstOffer(JsonNode desk) {
        return desk.path("offers").get(0).path("context").path("customerRef").asText();
    }

    @Test
    void aFreshConnectionGetsTheWholeDeskAndEveryChangeAfter() throws Exception {
        try (Desk desk = new Desk(null)) {
            JsonNode first = desk.next("desk").path("state");
            assertThat(first.path("agent").path("presence").asText()).isEqualTo("LOGGED_OUT");

            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
            centre.call("cust-1", Attributes.of("service", "parking"));

            JsonNode offered = desk.deskWhere(s -> s.path("offers").size() == 1);
            assertThat(customerOfFirstOffer(offered)).isEqualTo("cust-1");
            JsonNode pop = desk.next("screenPop");
            assertThat(pop.path("account").path("name").asText()).isEqualTo("Mrs Amira Okafor");
        }
    }

    @Test
    void aCallerKnownOnlyByTheirNumberGetsTheirAccountOnTheScreen() throws Exception {
        String number = centre.accounts.phoneOf("cust-2");
        try (Desk desk = new Desk(null)) {
            desk.next("desk");
            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));

            // As a call from the telephone network arrives: a number, no customerRef.
            centre.call(null, Attributes.of("callerNumber", number, "service", "waste"));

            JsonNode pop = desk.next("screenPop");
            assertThat(pop.path("accountStatus").asText()).isEqualTo("found");
            assertThat(pop.path("account").path("name").asText()).isEqualTo("Mr Tom Reilly");
        }
    }

    @Test
    void aCallerIdentifiedWhileTheyWaitIsOfferedAsThatCustomerAndTheirAccountPopsUp() throws Exception {
        String number = centre.accounts.phoneOf("cust-2");
        try (Desk desk = new Desk(null)) {
            desk.next("desk");
            String call = centre.call(null, Attributes.of("callerNumber", number, "service", "waste"));
            centre.submit(new Command.IdentifyCustomer(call, "cust-2")); // as the account context does

            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));

            JsonNode offered = desk.deskWhere(s -> s.path("offers").size() == 1);
            assertThat(customerOfFirstOffer(offered)).isEqualTo("cust-2");
            JsonNode pop = desk.next("screenPop");
            assertThat(pop.path("accountStatus").asText()).isEqualTo("found");
            assertThat(pop.path("account").path("name").asText()).isEqualTo("Mr Tom Reilly");
        }
    }

    @Test
    void aCallerWhomNothingIdentifiesIsShownAsNotIdentified() throws Exception {
        try (Desk desk = new Desk(null)) {
            desk.next("desk");
            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));

            centre.call(null, Attributes.of("service", "waste"));

            assertThat(desk.next("screenPop").path("accountStatus").asText()).isEqualTo("none");
        }
    }

    @Test
    void aCallPutOnHoldIsPushedHeldWithSinceWhenAndAConsultWithWhom() throws Exception {
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.submit(new Command.AcceptOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));
        centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
        try (Desk desk = new Desk(null)) {
            desk.next("desk");

            centre.submit(new Command.Park(call));
            JsonNode held = desk.deskWhere(
                            s -> s.path("work").path(0).path("held").asBoolean())
                    .path("work")
                    .get(0);
            assertThat(held.path("heldSince").asText()).isNotEmpty();
            centre.submit(new Command.StartConsult(call, "adv-2"));

            JsonNode consult = desk.deskWhere(
                            s -> !s.path("work").path(0).path("consult").isMissingNode()
                                    && !s.path("work").path(0).path("consult").isNull())
                    .path("work")
                    .get(0)
                    .path("consult");
            assertThat(consult.path("role").asText()).isEqualTo("CONSULTING");
            assertThat(consult.path("colleague").path("name").asText()).isEqualTo("Ben Okoro (adv-2)");
            assertThat(consult.path("answered").asBoolean()).isFalse();
        }
    }

    @Test
    void aConnectionResumingAfterTheLatestEntryIsToldItIsCurrent() throws Exception {
        String last;
        try (Desk desk = new Desk(null)) {
            last = desk.next("desk").path("state").path("entryId").asText();
        }
        try (Desk again = new Desk(last)) {
            assertThat(again.next("current").path("entryId").asText()).isEqualTo(last);
        }
    }

    @Test
    void whatChangedWhileDisconnectedIsOnTheDeskWhenItResumes() throws Exception {
        String last;
        try (Desk desk = new Desk(null)) {
            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
            last = desk.deskWhere(s -> s.path("agent").path("presence").asText().equals("READY"))
                    .path("entryId")
                    .asText();
        }
        centre.call("cust-2", Attributes.of("service", "parking"));

        try (Desk again = new Desk(last)) {
            JsonNode state = again.next("desk").path("state");
            assertThat(state.path("offers").size()).isEqualTo(1);
            assertThat(state.path("entryId").asText()).isNotEqualTo(last);
        }
    }

    @Test
    void anotherAdvisorsOffersNeverReachThisDesk() throws Exception {
        try (Desk desk = new Desk(null)) {
            desk.next("desk");
            centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
            centre.call("cust-1", Attributes.of("service", "parking"));
            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));

            JsonNode mine = desk.deskWhere(
                    s -> s.path("agent").path("presence").asText().equals("READY"));
            assertThat(mine.path("offers").size()).isZero();
            assertThat(desk.messages()).noneMatch(m -> m.path("type").asText().equals("screenPop"));
        }
    }

    @Test
    void aSignedOutPersonCannotOpenAPushConnection() throws Exception {
        asha.post("/auth/signout", "{}");
        var r = asha.get("/desk/push");
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
