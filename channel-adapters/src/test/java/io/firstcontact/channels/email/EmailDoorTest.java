package io.firstcontact.channels.email;

import static io.firstcontact.channels.TestRouting.await;
import static io.firstcontact.channels.TestRouting.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.api.model.CardNumberTripwire;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the email channel lets in, and how: robots unanswered, card numbers masked, files within limits, no markup. */
class EmailDoorTest {
    static final String CARD = "4111 1111 1111 1111";

    @TempDir
    Path dir;

    MailRig rig;

    @BeforeEach
    void start() {
        rig = new MailRig(dir, 1_000);
        rig.start();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Auto-Submitted, auto-replied",
        "Precedence, bulk",
        "X-Autoreply, yes",
        "Return-Path, <>",
        "List-Id, <news.example.org>",
        "X-Loop, contact@council.example",
    })
    void mailAMachineSentIsNeverAnsweredNorRouted(String header, String value) throws Exception {
        MimeMessage m = rig.resident("robot@example.org", "Out of office", "I am away until Monday.");
        m.setHeader(header, value);
        rig.deliver(m);
        MimeMessage person = rig.resident("person@example.org", "A question", "When is the bin day?");
        rig.deliver(person);

        await("the person's email routed", () -> rig.created().size() == 1);
        await("both marked seen", () -> unseen() == 0);
        assertThat(rig.created().getFirst().sourceRef()).isEqualTo("email:contact:person@example.org");
        await("the person acknowledged", () -> rig.sentToResident().size() == 1);
        assertThat(rig.sentToResident().getFirst().getHeader("In-Reply-To", null))
                .isEqualTo("<person@example.org>");
    }

    @Test
    void aCardNumberInAnEmailIsMaskedBeforeItIsKeptShownOrJournaled() throws Exception {
        rig.deliver(rig.resident("card@example.org", "Pay with " + CARD, "My card is " + CARD + ", take £70."));

        await("routed", () -> rig.created().size() == 1);
        Transcript t = join(rig.book.transcript(rig.created().getFirst().interactionId()))
                .orElseThrow();
        Entry e = t.entries().stream()
                .filter(x -> x.subject() != null)
                .findFirst()
                .orElseThrow();
        assertThat(e.text()).doesNotContain(CARD).contains(String.valueOf(CardNumberTripwire.MASK));
        assertThat(e.subject()).doesNotContain(CARD);
        assertThat(rig.routing.journalText()).doesNotContain(CARD).doesNotContain("4111111111111111");
        assertThat(storedText()).doesNotContain(CARD).doesNotContain("4111111111111111");
    }

    @Test
    void filesWithinTheLimitAreKeptForDownloadAndLargerOnesAreNotedAndDropped() throws Exception {
        MimeMessage m = rig.resident("files@example.org", "Photos", "");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Two photos of the fly-tipping.");
        parts.addBodyPart(text);
        parts.addBodyPart(file("../../small.jpg", new byte[500]));
        parts.addBodyPart(file("large.jpg", new byte[5_000]));
        m.setContent(parts);
        rig.deliver(m);

        await("routed", () -> rig.created().size() == 1);
        String id = rig.created().getFirst().interactionId();
        Transcript t = join(rig.book.transcript(id)).orElseThrow();
        Entry e = t.entries().stream()
                .filter(x -> !x.attachments().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(e.text()).isEqualTo("Two photos of the fly-tipping.");
        Attachment kept = e.attachments().getFirst();
        assertThat(e.attachments()).hasSize(1);
        assertThat(kept.filename()).as("no path").isEqualTo("small.jpg");
        assertThat(join(rig.book.attachment(id, kept.id())).orElseThrow().bytes())
                .hasSize(500);
        assertThat(t.entries())
                .extracting(Entry::text)
                .anyMatch(x -> x.contains("large.jpg") && x.contains("not kept"));
    }

    @Test
    void anHtmlOnlyEmailIsReadAsItsTextWithNoMarkupOrScript() throws Exception {
        MimeMessage m = rig.resident("html@example.org", "Noise", "");
        m.setContent(
                "<html><head><style>p{}</style></head><body><p>Loud music<br>every night</p>"
                        + "<script>alert('x')</script><img src=x onerror=alert(1)></body></html>",
                "text/html; charset=UTF-8");
        rig.deliver(m);

        await("routed", () -> rig.created().size() == 1);
        Entry e = join(rig.book.transcript(rig.created().getFirst().interactionId())).orElseThrow().entries().stream()
                .filter(x -> x.subject() != null)
                .findFirst()
                .orElseThrow();
        assertThat(e.text()).isEqualTo("Loud music\nevery night");
    }

    private static MimeBodyPart file(String name, byte[] bytes) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "image/jpeg")));
        p.setFileName(name);
        p.setDisposition(MimeBodyPart.ATTACHMENT);
        return p;
    }

    /** Every byte the transcripts' directory holds, as text. */
    private String storedText() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                b.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return b.toString();
    }

    private int unseen() {
        try {
            return rig.unseen();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
