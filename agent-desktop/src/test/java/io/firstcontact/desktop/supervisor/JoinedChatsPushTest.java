package io.firstcontact.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.PushClient;
import io.firstcontact.desktop.StaffClient;
import io.firstcontact.desktop.TestCentre;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.staff.StaffUser;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat a supervisor joined, pushed to their supervisor view as it goes on: to them alone, from their join to the
 * chat's end, never to a wallboard nor to an advisor.
 */
class JoinedChatsPushTest {
    private final ChatsInMemory chats = new ChatsInMemory();
    private TestCentre centre;
    private StaffClient sam;
    private StaffClient ria;

    @BeforeEach
    void open() throws Exception {
        List<StaffUser> users = new ArrayList<>(TestCentre.users());
        StaffUser samUser = users.getLast();
        users.add(new StaffUser("ria", "Ria Shah", samUser.passwordHash(), List.of(StaffRole.SUPERVISOR), null));
        DesktopOptions options = DesktopOptions.defaults();
        centre = new TestCentre(
                options.withStaff(options.staff().withUsers(users)),
                0,
                SupervisorPorts.defaults().withChats(chats));
        sam = supervisor("sam");
        ria = supervisor("ria");
    }

    @AfterEach
    void shut() {
        centre.close();
    }

    private StaffClient supervisor(String username) {
        StaffClient c = new StaffClient(centre.baseUrl());
        c.signIn(username, TestCentre.PASSWORD);
        return c;
    }

    /** A resident's chat, live in routing and in the chat channel. */
    private String chat() {
        String id = centre.chat("cust-" + System.nanoTime(), Attributes.of("service", "parking"));
        chats.open(id);
        return id;
    }

    private void join(StaffClient who, String interactionId) {
        assertThat(who.post("/supervisor/api/contacts/" + interactionId + "/chat/join", "{}")
                        .statusCode())
                .isEqualTo(204);
    }

    private PushClient view(StaffClient who) throws Exception {
        PushClient p = new PushClient(who, centre.baseUrl(), "/supervisor/push?chats=joined", null);
        p.next("board");
        return p;
    }

    private static JsonNode nextEntry(PushClient p) throws InterruptedException {
        return p.next("conversation");
    }

    @Test
    void whatTheResidentWritesAfterTheJoinReachesTheSupervisorsViewAtOnce() throws Exception {
        String id = chat();
        join(sam, id);
        try (PushClient view = view(sam)) {
            chats.add(id, Author.resident("Priya"), "Is anyone there?");

            JsonNode m = nextEntry(view);
            assertThat(m.path("interactionId").asText()).isEqualTo(id);
            assertThat(m.path("entry").path("role").asText()).isEqualTo("RESIDENT");
            assertThat(m.path("entry").path("text").asText()).isEqualTo("Is anyone there?");
            assertThat(m.path("entry").path("seq").asLong()).isEqualTo(2); // after the notice of the join
        }
    }

    @Test
    void theAdvisorsAndOtherSupervisorsMessagesArePushedTooInTheirOrder() throws Exception {
        String id = chat();
        join(sam, id);
        join(ria, id);
        try (PushClient view = view(sam)) {
            chats.add(id, Author.advisor("adv-1", "Asha"), "Let me check that");
            ria.post("/supervisor/api/contacts/" + id + "/chat/messages", "{\"clientId\":\"r1\",\"text\":\"Hello\"}");

            JsonNode advisor = nextEntry(view);
            JsonNode supervisor = nextEntry(view);
            assertThat(advisor.path("entry").path("name").asText()).isEqualTo("Asha");
            assertThat(supervisor.path("entry").path("role").asText()).isEqualTo("SUPERVISOR");
            assertThat(supervisor.path("entry").path("name").asText()).isEqualTo("Ria");
            assertThat(supervisor.path("entry").path("seq").asLong())
                    .isEqualTo(advisor.path("entry").path("seq").asLong() + 1);
        }
    }

    @Test
    void aSupervisorWhoHasNotJoinedTheChatGetsNothingOfIt() throws Exception {
        String priyas = chat();
        String toms = chat();
        join(sam, priyas);
        join(ria, toms);
        try (PushClient rias = view(ria)) {
            chats.add(priyas, Author.resident("Priya"), "Only for Sam");
            chats.add(toms, Author.resident("Tom"), "For Ria");

            JsonNode first = nextEntry(rias);
            assertThat(first.path("interactionId").asText()).isEqualTo(toms);
            assertThat(first.path("entry").path("text").asText()).isEqualTo("For Ria");
        }
    }

    @Test
    void aWallboardHeldBySupervisorWhoJoinedGetsNoConversation() throws Exception {
        String id = chat();
        join(sam, id);
        try (PushClient wallboard = new PushClient(sam, centre.baseUrl(), "/supervisor/push", null)) {
            wallboard.next("board");
            chats.add(id, Author.resident("Priya"), "Not for the wall");
            centre.submit(new Command.LogIn("adv-1", false, Actor.agent("adv-1")));
            centre.submit(
                    new Command.ChangePresence("adv-1", PresenceState.NOT_READY, "LUNCH", Actor.agent("adv-1"), false));

            JsonNode m = wallboard.next(
                    x -> x.path("type").asText().equals("conversation")
                            || x.path("advisors").findValuesAsText("reason").contains("LUNCH"),
                    "the patch of the advisor gone to lunch");
            assertThat(m.path("type").asText()).isEqualTo("patch");
        }
    }

    @Test
    void theChatsEndIsPushedAndNothingIsFollowedAfterIt() throws Exception {
        String id = chat();
        join(sam, id);
        try (PushClient view = view(sam)) {
            chats.end(id);

            assertThat(nextEntry(view).path("entry").path("text").asText()).isEqualTo("The chat has ended.");
            assertThat(view.next("conversation-ended").path("interactionId").asText())
                    .isEqualTo(id);
            assertThat(chats.followers(id)).isZero();
        }
    }

    @Test
    void joiningTwiceFollowsTheChatOnce() throws Exception {
        String id = chat();
        join(sam, id);
        join(sam, id);

        assertThat(chats.followers(id)).isEqualTo(1);
    }

    @Test
    void aCardNumberTypedInTheChatIsPushedMasked() throws Exception {
        String id = chat();
        join(sam, id);
        try (PushClient view = view(sam)) {
            chats.add(id, Author.resident("Priya"), "my card is 4111 1111 1111 1111 ok");

            String text = nextEntry(view).path("entry").path("text").asText();
            assertThat(text).doesNotContain("4111 1111 1111 1111").endsWith("ok");
        }
    }

    @Test
    void anAdvisorCannotOpenTheSupervisorsChatsAndABadAskIsRefused() {
        StaffClient asha = new StaffClient(centre.baseUrl());
        asha.signIn("asha", TestCentre.PASSWORD);

        assertThat(asha.get("/supervisor/push?chats=joined").statusCode()).isEqualTo(403);
        assertThat(sam.get("/supervisor/push?chats=everyone").statusCode()).isEqualTo(422);
    }
}
