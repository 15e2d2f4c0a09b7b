package io.firstcontact.channels.chat;

import static io.firstcontact.channels.TestRouting.await;
import static io.firstcontact.channels.TestRouting.join;
import static io.firstcontact.channels.chat.Resident.entryWith;
import static io.firstcontact.channels.chat.Resident.phase;
import static io.firstcontact.channels.chat.Resident.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.TestRouting;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.OfferView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resident and an advisor in one chat: queued, connected, talking, dropped and back, ended and carried on. */
class ChatWithAdvisorTest {
    @TempDir
    Path dir;

    private ChatRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private ChatRig rig(ChatOptions options) {
        rig = new ChatRig(dir, options);
        return rig;
    }

    private String interactionOf(Resident r) {
        await(
                "the chat's interaction",
                () -> rig.routing.facts.stream()
                        .anyMatch(f -> f instanceof Fact.InteractionCreated c
                                && c.sourceRef().equals("chat:" + r.sessionId)));
        return rig.routing.facts.stream()
                .filter(f ->
                        f instanceof Fact.InteractionCreated c && c.sourceRef().equals("chat:" + r.sessionId))
                .map(f -> ((Fact.InteractionCreated) f).interactionId())
                .findFirst()
                .orElseThrow();
    }

    /** The resident's chat is offered to adv-1 and accepted: they are talking. */
    private String connect(Resident r) {
        String id = interactionOf(r);
        OfferView offer = rig.routing.offerOf(id);
        rig.routing.accept(offer);
        r.await("connected", phase("CONNECTED"));
        return id;
    }

    @Test
    void residentAndAdvisorTalkThroughOneConversation() {
        rig(ChatOptions.DEFAULTS);
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = connect(r);
        List<Entry> heard = new CopyOnWriteArrayList<>();
        rig.book.follow(id, heard::add);

        join(rig.book.write(id, Author.advisor("adv-1", "Asha"), "c1", "Hello Ada, how can I help?"));
        r.await("the advisor's message", entryWith("how can I help"));
        r.say("m1", "My bin was not collected.");
        await(
                "the resident's message on the desk",
                () -> heard.stream()
                        .anyMatch(e -> e.text().equals("My bin was not collected.")
                                && e.author().role() == Author.Role.RESIDENT));

        assertThat(r.await("the advisor's entry", entryWith("how can I help"))
                        .path("name")
                        .asText())
                .isEqualTo("Asha");
        assertThat(r.await("the ack", type("ack")).path("id").asText()).isEqualTo("m1");
    }

    @Test
    void aDroppedConnectionComesBackWithEverythingSentMeanwhileAndNothingTwice() {
        rig(ChatOptions.DEFAULTS);
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = connect(r);
        r.say("m1", "First.");
        r.await(
                "m1 acknowledged",
                f -> type("ack").test(f) && f.path("id").asText().equals("m1"));
        long seen = r.lastSeq();

        r.drop();
        join(rig.book.write(id, Author.advisor("adv-1", "Asha"), "c1", "Written while you were away."));
        r.connect(seen);
        r.say("m1", "First."); // the page resends what it is not sure of: the same id is the same message
        r.say("m2", "Second.");
        r.await(
                "m2 acknowledged",
                f -> type("ack").test(f) && f.path("id").asText().equals("m2"));

        List<String> texts = join(rig.book.transcript(id)).orElseThrow().entries().stream()
                .map(Entry::text)
                .toList();
        assertThat(texts).containsSubsequence("First.", "Written while you were away.", "Second.");
        assertThat(texts.stream().filter("First."::equals)).hasSize(1);
        assertThat(r.texts().stream().filter("Written while you were away."::equals))
                .hasSize(1);
    }

    @Test
    void cardNumbersTypedIntoTheChatAreMaskedBeforeTheyAreKeptShownOrJournaled() throws Exception {
        rig(ChatOptions.DEFAULTS);
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "council-tax");
        String id = connect(r);
        r.say("m1", "can I pay with 4111 1111 1111 1111 exp 12/29");
        r.await("the masked message", entryWith("can I pay with"));

        String shown = r.await("the masked message", entryWith("can I pay with"))
                .path("text")
                .asText();
        String kept =
                join(rig.book.transcript(id)).orElseThrow().entries().getLast().text();
        assertThat(shown)
                .isEqualTo("can I pay with •••• •••• •••• •••• exp 12/29")
                .isEqualTo(kept); // an expiry alone is no card number
        rig.io.submit(() -> {}).get(); // the store has written it
        assertThat(String.join(
                        "\n",
                        rig.book.store().records("chat-" + r.sessionId).stream()
                                .map(Object::toString)
                                .toList()))
                .doesNotContainPattern(TestRouting.CARD_START)
                .contains("•••• •••• •••• ••••");
        assertThat(rig.routing.journalText())
                .doesNotContainPattern(TestRouting.CARD_START)
                .doesNotContain("can I pay");
    }

    @Test
    void theRecordsOnDiskAreSealed() throws Exception {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident().start("Ada Lovelace", "ada@example.org", "waste");
        r.say("m1", "a private matter");
        r.await("kept", f -> type("ack").test(f));
        rig.io.submit(() -> {}).get();

        String onDisk = java.nio.file.Files.readString(dir.resolve("chat-" + r.sessionId + ".log"));
        assertThat(onDisk).doesNotContain("Ada").doesNotContain("private").doesNotContain("example.org");
    }

    @Test
    void anAdvisorWhoStopsAnsweringHasTheChatOfferedToAnotherWithItsTranscript() {
        rig(ChatOptions.DEFAULTS.withNoResponseTimeout(Duration.ofMillis(300)));
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = connect(r);
        rig.routing.logIn("adv-2");
        r.say("m1", "Hello? Anyone there?");

        OfferView second = rig.routing.offerOf(id);
        assertThat(second.agentId()).isEqualTo("adv-2");
        assertThat(rig.routing.read(() -> rig.routing.view.agent("adv-1").orElseThrow()))
                .satisfies(a -> assertThat(a.pendingPresence() == PresenceState.NOT_READY
                                || a.presence() == PresenceState.NOT_READY)
                        .isTrue());
        r.await("told", entryWith("passing your conversation to another advisor"));
        rig.routing.accept(second);
        await(
                "connected to adv-2",
                () -> rig.routing.interaction(id).phase() == Phase.CONNECTED
                        && "adv-2".equals(rig.routing.interaction(id).agentId()));
        assertThat(join(rig.book.transcript(id)).orElseThrow().entries())
                .extracting(Entry::text)
                .contains("Hello? Anyone there?");
    }

    @Test
    void anAnsweredMessageKeepsTheAdvisor() {
        rig(ChatOptions.DEFAULTS.withNoResponseTimeout(Duration.ofMillis(400)));
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = connect(r);
        r.say("m1", "Hello?");
        r.await("m1 kept", type("ack"));
        join(rig.book.write(id, Author.advisor("adv-1", "Asha"), "c1", "Hello!"));
        rig.routing.logIn("adv-2");
        r.say("m2", "Thanks.");
        join(rig.book.write(id, Author.advisor("adv-1", "Asha"), "c2", "You're welcome."));
        // A question of the resident's answered within the time keeps the chat where it is; the deadline is gone.
        await(
                "a later entry",
                () -> join(rig.book.transcript(id)).orElseThrow().entries().size() >= 6);

        assertThat(rig.routing.interaction(id).agentId()).isEqualTo("adv-1");
        assertThat(r.texts()).noneMatch(t -> t.contains("another advisor"));
    }

    @Test
    void aWaitingResidentIsToldTheirPlaceAsItMoves() {
        rig(ChatOptions.DEFAULTS);
        Resident first = rig.resident().start("Ada", "ada@example.org", "waste");
        first.await("queued", phase("QUEUED"));
        Resident second = rig.resident().start("Bob", "bob@example.org", "waste");
        second.await(
                "second in line",
                f -> type("standing").test(f) && f.path("position").asInt() == 2);

        first.send(Resident.JSON.createObjectNode().put("type", "leave"));

        second.await( // it was second from the start: a first place comes only after the first leaves
                "first in line",
                f -> type("standing").test(f) && f.path("position").asInt() == 1);
    }

    @Test
    void theResidentLeavingAfterTalkingEndsTheChatAndMayCarryOnWithinTheWindow() {
        rig(ChatOptions.DEFAULTS);
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String first = connect(r);
        r.send(Resident.JSON.createObjectNode().put("type", "leave"));
        r.await("ended", f -> phase("ENDED").test(f) && f.path("canContinue").asBoolean());
        await("the first chat ended", () -> rig.routing.interaction(first).phase() == Phase.ENDED);

        int mark = r.mark();
        r.send(Resident.JSON.createObjectNode().put("type", "continue"));

        r.awaitSince(mark, "queued again", phase("QUEUED"));
        String next = rig.routing.facts.stream()
                .filter(f ->
                        f instanceof Fact.InteractionCreated c && c.sourceRef().equals("chat:" + r.sessionId + ":2"))
                .map(f -> ((Fact.InteractionCreated) f).interactionId())
                .findFirst()
                .orElseThrow();
        assertThat(rig.routing.interaction(next).conversationId())
                .isEqualTo(rig.routing.interaction(first).conversationId());
        OfferView again = rig.routing.offerOf(next);
        assertThat(again.agentId()).isEqualTo("adv-1"); // the advisor it was with is preferred
        assertThat(join(rig.book.transcript(next)).orElseThrow().entries().size())
                .isGreaterThan(3); // the earlier conversation comes with it
    }

    @Test
    void theResidentAsksForTheTranscriptByEmail() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        r.say("m1", "Please write this down.");
        r.await("kept", type("ack"));

        r.send(Resident.JSON.createObjectNode().put("type", "email-transcript"));

        r.await("sent", entryWith("We have emailed this conversation to ada@example.org"));
        assertThat(rig.mails).singleElement().satisfies(m -> {
            assertThat(m[0]).isEqualTo("ada@example.org");
            assertThat(m[2]).contains("Please write this down.");
        });
    }

    @Test
    void staffFollowingAConversationHearTheResidentType() {
        rig(ChatOptions.DEFAULTS);
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = connect(r);
        List<Boolean> typing = new CopyOnWriteArrayList<>();
        rig.book.follow(id, new Conversations.Listener() {
            @Override
            public void added(Entry entry) {}

            @Override
            public void typing(Author author, boolean on) {
                if (author.role() == Author.Role.RESIDENT) {
                    typing.add(on);
                }
            }
        });

        r.send(Resident.JSON.createObjectNode().put("type", "typing").put("on", true));
        rig.book.typing(id, Author.advisor("adv-1", "Asha"), true);

        await("the desk hears typing", () -> typing.contains(true));
        r.await(
                "the page hears typing",
                f -> type("typing").test(f) && f.path("name").asText().equals("Asha"));
    }

    @Test
    void aChatKeptForNamedAdvisorsIsOfferedToThemAndNotToAnotherWhoIsFree() {
        rig(ChatOptions.DEFAULTS.withAdvisors(List.of("adv-2")));
        rig.routing.logIn("adv-1");
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        String id = interactionOf(r);
        r.await("queued", phase("QUEUED"));

        rig.routing.logIn("adv-2");

        assertThat(rig.routing.offerOf(id).agentId()).isEqualTo("adv-2");
    }
}
