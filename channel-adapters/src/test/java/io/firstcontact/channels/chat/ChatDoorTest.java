package io.firstcontact.channels.chat;

import static io.firstcontact.channels.TestRouting.join;
import static io.firstcontact.channels.chat.Resident.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.event.Fact;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat is the one public door of the server: only the council's sites may use it, each client only so fast, every
 * message and file within its size, and a card number in the form never gets in.
 */
class ChatDoorTest {
    private static final String COUNCIL = "https://www.council.example";

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
        rig = new ChatRig(dir, options.withAllowedOrigins(List.of(COUNCIL)));
        return rig;
    }

    @Test
    void aPageOfAnotherSiteCannotOpenAChat() {
        rig(ChatOptions.DEFAULTS);
        Resident evil = new Resident(rig.vertx, rig.port(), "https://evil.example");

        assertThat(evil.open("Eve", "eve@example.org", "waste").status()).isEqualTo(403);
        assertThatThrownBy(() -> evil.connect(0)).hasMessageContaining("403");
        assertThat(rig.routing.facts).noneMatch(f -> f instanceof Fact.InteractionCreated);
    }

    @Test
    void theCouncilsSiteOpensAChatAndReadsTheTopics() {
        rig(ChatOptions.DEFAULTS);
        Resident resident = new Resident(rig.vertx, rig.port(), COUNCIL);

        assertThat(resident.open("Ada", "020 7946 0000", "parking").status()).isEqualTo(201);
    }

    @Test
    void tooManyChatsFromOneAddressAreRefusedWithWhenToTryAgain() {
        rig(ChatOptions.DEFAULTS.withLimits(2, 60));
        Resident r = rig.resident();

        assertThat(r.open("Ada", "ada@example.org", "waste").status()).isEqualTo(201);
        assertThat(r.open("Ada", "ada@example.org", "waste").status()).isEqualTo(201);
        Resident.Reply third = r.open("Ada", "ada@example.org", "waste");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().path("type").asText()).isEqualTo("/problems/rate-limited");
    }

    @Test
    void messagesFasterThanTheLimitAreRefusedOneByOneAndNotKept() {
        rig(ChatOptions.DEFAULTS.withLimits(6, 5)); // bursts of five
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        for (int i = 0; i < 8; i++) {
            r.say("m" + i, "message " + i);
        }

        r.await(
                "a refusal",
                f -> type("error").test(f) && f.path("code").asText().equals("rate-limited"));
        TestAwait.acks(r, 5);
        assertThat(r.frames.stream().filter(type("ack"))).hasSize(5);
    }

    @Test
    void anOverlongMessageIsRefusedAndNotKept() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");

        r.say("m1", "x".repeat(ChatOptions.DEFAULT_MAX_MESSAGE_CHARS + 1));

        assertThat(r.await("refused", type("error")).path("code").asText()).isEqualTo("too-long");
        assertThat(r.texts()).noneMatch(t -> t.startsWith("xxx"));
    }

    @Test
    void aFormWithACardNumberIsRefusedAndNothingIsCreated() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident();

        Resident.Reply reply = r.open("4111 1111 1111 1111", "ada@example.org", "waste");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().toString()).doesNotContain("4111");
        assertThat(rig.routing.facts).noneMatch(f -> f instanceof Fact.InteractionCreated);
    }

    @Test
    void aFormWithoutAContactOrTopicSaysWhatIsMissing() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident();

        assertThat(r.open("Ada", "not a contact", "waste").body().path("detail").asText())
                .startsWith("contact");
        assertThat(r.open("Ada", "ada@example.org", "lottery")
                        .body()
                        .path("detail")
                        .asText())
                .startsWith("topic");
    }

    @Test
    void aWrongTokenCannotAttachToSomeoneElsesChat() {
        rig(ChatOptions.DEFAULTS);
        Resident ada = rig.resident().start("Ada", "ada@example.org", "waste");
        Resident eve = rig.resident();
        eve.sessionId = ada.sessionId;
        eve.token = "A".repeat(43);

        eve.hello(0);

        eve.await("refused", f -> f.path("code").asText().equals("unknown"));
        assertThat(eve.frames).noneMatch(type("welcome"));
    }

    @Test
    void aFileWithinTheLimitsReachesTheAdvisorAsADownload() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

        Resident.Reply reply = r.post(
                "/chat/api/files",
                "image/png",
                Buffer.buffer(png),
                Map.of("X-Chat-Session", r.sessionId, "X-Chat-Token", r.token, "X-Filename", "..%2F..%2Fbin.png"));

        assertThat(reply.status()).isEqualTo(201);
        String id = rig.book.get("chat-" + r.sessionId).interactionId();
        Attachment a = join(rig.book.transcript(id))
                .orElseThrow()
                .entries()
                .getLast()
                .attachments()
                .getFirst();
        assertThat(a.filename()).isEqualTo("bin.png");
        assertThat(join(rig.book.attachment(id, a.id())).orElseThrow().bytes()).isEqualTo(png);
    }

    @Test
    void aFileOverTheLimitOrOfAnotherKindIsRefused() {
        rig(ChatOptions.DEFAULTS);
        Resident r = rig.resident().start("Ada", "ada@example.org", "waste");
        Map<String, String> headers = Map.of("X-Chat-Session", r.sessionId, "X-Chat-Token", r.token);

        assertThat(r.post(
                                "/chat/api/files",
                                "image/png",
                                Buffer.buffer(new byte[ChatOptions.DEFAULT_MAX_UPLOAD_BYTES + 1]),
                                headers)
                        .status())
                .isEqualTo(413);
        assertThat(r.post("/chat/api/files", "text/html", Buffer.buffer("<script>"), headers)
                        .status())
                .isEqualTo(415);
    }

    /** Waits for acknowledgements. */
    private static final class TestAwait {
        static void acks(Resident r, int n) {
            io.firstcontact.channels.TestRouting.await(
                    n + " acks", () -> r.frames.stream().filter(type("ack")).count() >= n);
        }
    }
}
