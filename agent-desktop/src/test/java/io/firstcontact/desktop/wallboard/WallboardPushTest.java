package io.firstcontact.desktop.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.PushClient;
import io.firstcontact.desktop.StaffClient;
import io.firstcontact.desktop.TestCentre;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wallboard's push as a client sees it: the whole board first, then only what changed. */
class WallboardPushTest {
    private TestCentre centre;
    private StaffClient sam;

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
        sam = new StaffClient(centre.baseUrl());
        sam.signIn("sam", TestCentre.PASSWORD);
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    private PushClient board(String after) throws Exception {
        return new PushClient(sam, centre.baseUrl(), "/supervisor/push", after);
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (r.path(field).asText().equals(value)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void aNewWallboardGetsEveryQueueAndAdvisor() throws Exception {
        try (PushClient b = board(null)) {
            JsonNode m = b.next("board");

            assertThat(m.path("queues").findValuesAsText("queue"))
                    .containsExactly(TestCentre.VOICE_QUEUE, TestCentre.SECOND_VOICE_QUEUE, TestCentre.CHAT_QUEUE);
            JsonNode asha = find(m.path("advisors"), "agentId", "adv-1");
            assertThat(asha.path("name").asText()).isEqualTo("Asha Patel (adv-1)");
            assertThat(asha.path("state").asText()).isEqualTo("LOGGED_OUT");
            assertThat(m.path("now").asText()).isNotEmpty();
        }
    }

    @Test
    void aCallArrivingIsPushedAsTheQueueTileThatChanged() throws Exception {
        try (PushClient b = board(null)) {
            b.next("board");

            centre.call("cust-1", Attributes.of("service", "parking"));

            JsonNode patch = b.next(
                    m -> m.path("type").asText().equals("patch")
                            && find(m.path("queues"), "queue", TestCentre.VOICE_QUEUE) != null,
                    "a patch of the voice queue");
            JsonNode tile = find(patch.path("queues"), "queue", TestCentre.VOICE_QUEUE);
            assertThat(tile.path("waiting").asInt()).isEqualTo(1);
            assertThat(tile.path("oldestWaitingSince").asText()).isNotEmpty();
            assertThat(patch.path("queues").size()).isEqualTo(1); // the chat queue did not change
        }
    }

    @Test
    void anAdvisorChangingStateIsPushedWithTheInstantItBegan() throws Exception {
        try (PushClient b = board(null)) {
            b.next("board");

            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
            centre.submit(
                    new Command.ChangePresence("adv-1", PresenceState.NOT_READY, "LUNCH", Actor.agent("adv-1"), false));

            JsonNode row = b.next(
                            m -> m.path("type").asText().equals("patch")
                                    && find(m.path("advisors"), "state", "NOT_READY") != null,
                            "adv-1 not ready")
                    .path("advisors")
                    .get(0);
            assertThat(row.path("agentId").asText()).isEqualTo("adv-1");
            assertThat(row.path("reason").asText()).isEqualTo("LUNCH");
            assertThat(row.path("stateSince").asText()).isNotEmpty();
        }
    }

    @Test
    void anAdvisorWhoHoldsTheirCallStaysBusyAndTheBoardSaysTheCallIsOnHold() throws Exception {
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.submit(new Command.AcceptOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));
        try (PushClient b = board(null)) {
            b.next("board");

            centre.submit(new Command.Park(call));

            JsonNode row = find(
                    b.next(
                                    m -> m.path("type").asText().equals("patch")
                                            && find(m.path("advisors"), "agentId", "adv-1") != null,
                                    "adv-1's row")
                            .path("advisors"),
                    "agentId",
                    "adv-1");
            assertThat(row.path("state").asText()).isEqualTo("BUSY");
            assertThat(row.path("work").asText()).isEqualTo("voice, on hold · " + TestCentre.VOICE_QUEUE);
        }
    }

    @Test
    void aWallboardResumingAtTheLatestEntryIsToldItIsCurrent() throws Exception {
        String last;
        try (PushClient b = board(null)) {
            last = b.next("board").path("entryId").asText();
        }
        try (PushClient again = board(last)) {
            assertThat(again.next("current").path("entryId").asText()).isEqualTo(last);
        }
    }

    @Test
    void aWallboardResumingAfterChangesGetsTheWholeBoardAsItIsNow() throws Exception {
        String last;
        try (PushClient b = board(null)) {
            last = b.next("board").path("entryId").asText();
        }
        centre.call("cust-1", Attributes.of("service", "parking"));

        try (PushClient again = board(last)) {
            JsonNode m = again.next("board");
            assertThat(find(m.path("queues"), "queue", TestCentre.VOICE_QUEUE)
                            .path("waiting")
                            .asInt())
                    .isEqualTo(1);
        }
    }
}
