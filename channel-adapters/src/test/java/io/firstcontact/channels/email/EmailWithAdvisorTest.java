package io.firstcontact.channels.email;

import static io.firstcontact.channels.TestRouting.await;
import static io.firstcontact.channels.TestRouting.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.TestRouting;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resident emails the centre and an advisor answers from the desktop: real IMAP and SMTP (GreenMail), real routing. */
class EmailWithAdvisorTest {
    @TempDir
    Path dir;

    MailRig rig;

    @BeforeEach
    void start() {
        rig = new MailRig(dir);
        rig.start();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aNewEmailIsRoutedToTheEmailQueueAsOneInteractionAndMarkedSeen() throws Exception {
        rig.deliver(rig.resident("first@example.org", "Bin not collected", "My bin was missed on Tuesday."));

        await("the email routed", () -> rig.created().size() == 1);
        Fact.InteractionCreated c = rig.created().getFirst();
        assertThat(c.sourceRef()).isEqualTo("email:contact:first@example.org");
        assertThat(c.conversationId()).isEqualTo(MessageIds.keyOf("first@example.org"));
        await("queued", () -> rig.routing.interaction(c.interactionId()).phase() == Phase.QUEUED);
        assertThat(rig.routing.interaction(c.interactionId()).queue()).isEqualTo(TestRouting.EMAIL_QUEUE);
        await("marked seen", () -> unseen() == 0);
        assertThat(rig.adapter.idling()).as("the mailbox is followed with IDLE").isTrue();
    }

    @Test
    void aNewEmailIsAcknowledgedOnceInItsThreadAsAnAutomaticReply() throws Exception {
        rig.deliver(rig.resident("first@example.org", "Bin not collected", "My bin was missed on Tuesday."));

        await("the acknowledgement", () -> rig.sentToResident().size() == 1);
        MimeMessage ack = rig.sentToResident().getFirst();
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<first@example.org>");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getSubject()).isEqualTo("Re: Bin not collected");
        assertThat(ack.getMessageID()).startsWith("<" + MessageIds.keyOf("first@example.org") + ".");
    }

    @Test
    void theAdvisorsReplyGoesOutOverSmtpInTheSameThread() throws Exception {
        String id = routedToAnAdvisor("first@example.org");

        Entry reply = join(rig.book.write(id, Author.advisor("adv-1", "Sam"), "r-1", "We will collect it tomorrow."));

        assertThat(reply.text()).isEqualTo("We will collect it tomorrow.");
        await("the reply", () -> rig.sentToResident().size() == 2);
        MimeMessage out = rig.sentToResident().get(1);
        assertThat(out.getHeader("In-Reply-To", null)).isEqualTo("<first@example.org>");
        assertThat(out.getHeader("References", null)).startsWith("<first@example.org>");
        assertThat(out.getHeader("Auto-Submitted", null)).isNull();
        assertThat(out.getSubject()).isEqualTo("Re: Bin not collected");
        assertThat(((String) out.getContent()))
                .contains("We will collect it tomorrow.")
                .contains("Sam");
        Transcript t = join(rig.book.transcript(id)).orElseThrow();
        assertThat(t.entries()).extracting(Entry::text).contains("My bin was missed on Tuesday.", reply.text());
    }

    @Test
    void aResidentsAnswerWhileTheThreadIsWithItsAdvisorJoinsItsConversationWithoutANewInteraction() throws Exception {
        String id = routedToAnAdvisor("first@example.org");
        join(rig.book.write(id, Author.advisor("adv-1", "Sam"), "r-1", "Which street?"));
        await("the reply", () -> rig.sentToResident().size() == 2);

        rig.deliver(answerTo(rig.sentToResident().get(1), "second@example.org", "Mill Lane."));

        await("the answer in the conversation", () -> texts(id).contains("Mill Lane."));
        assertThat(rig.created()).hasSize(1);
        assertThat(rig.sentToResident()).as("no second acknowledgement").hasSize(2);
    }

    @Test
    void anAnswerAfterTheThreadEndedIsRoutedAgainInTheSameConversationPreferringItsAdvisor() throws Exception {
        String first = routedToAnAdvisor("first@example.org", "adv-2");
        join(rig.book.write(first, Author.advisor("adv-1", "Sam"), "r-1", "Which street?"));
        await("the reply", () -> rig.sentToResident().size() == 2);
        rig.routing.submitOk(new Command.EndInteraction(first, EndReason.COMPLETED));
        rig.routing.logIn("adv-1"); // free too, and first in line: only the preference sends it to adv-2

        rig.deliver(answerTo(rig.sentToResident().get(1), "second@example.org", "Mill Lane."));

        await("routed again", () -> rig.created().size() == 2);
        Fact.InteractionCreated again = rig.created().get(1);
        assertThat(again.conversationId()).isEqualTo(rig.created().getFirst().conversationId());
        assertThat(again.sourceRef()).isEqualTo("email:contact:second@example.org");
        await(
                "with an advisor",
                () -> rig.routing.interaction(again.interactionId()).phase() == Phase.CONNECTED);
        assertThat(rig.routing.interaction(again.interactionId()).agentId())
                .as("its advisor is preferred")
                .isEqualTo("adv-2");
        Transcript t = join(rig.book.transcript(again.interactionId())).orElseThrow();
        assertThat(t.entries())
                .extracting(Entry::text)
                .contains("My bin was missed on Tuesday.", "Which street?", "Mill Lane.");
    }

    // ------------------------------------------------------------------ the story's steps

    /**
     * The email is routed to one of two advisors (email offers are accepted as they are made: the desktop takes email
     * into its list). @return its interaction
     */
    private String routedToAnAdvisor(String messageId, String... advisors) throws Exception {
        for (String a : advisors.length == 0 ? new String[] {"adv-1", "adv-2"} : advisors) {
            rig.routing.logIn(a);
        }
        rig.deliver(rig.resident(messageId, "Bin not collected", "My bin was missed on Tuesday."));
        await("the email routed", () -> rig.created().size() == 1);
        String id = rig.created().getFirst().interactionId();
        await("connected", () -> rig.routing.interaction(id).phase() == Phase.CONNECTED);
        await("the acknowledgement", () -> rig.sentToResident().size() == 1);
        return id;
    }

    /** The resident answers one of the centre's mails, as a mail program would thread it. */
    private MimeMessage answerTo(MimeMessage centres, String messageId, String text) throws Exception {
        MimeMessage m = rig.resident(messageId, "Re: " + centres.getSubject().replaceFirst("^Re: ", ""), text);
        String references = centres.getHeader("References", null);
        m.setHeader("In-Reply-To", centres.getMessageID());
        m.setHeader("References", (references == null ? "" : references + " ") + centres.getMessageID());
        return m;
    }

    private java.util.List<String> texts(String interactionId) {
        return join(rig.book.transcript(interactionId)).orElseThrow().entries().stream()
                .map(Entry::text)
                .toList();
    }

    private int unseen() {
        try {
            return rig.unseen();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
