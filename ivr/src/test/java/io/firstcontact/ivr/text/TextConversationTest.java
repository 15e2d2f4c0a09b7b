package io.firstcontact.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.engine.Question;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The same flows over text: what a chat shows, masked card entry, and what it must never keep. */
class TextConversationTest {
    private final Rig rig = new Rig();
    private final TextIvr text = new TextIvr(rig.ivr());

    private TextConversation chat() {
        return text.open(new Call("chat-1", "chat", null, Residents.EMAIL, null));
    }

    private static TextTurn join(java.util.concurrent.CompletionStage<TextTurn> t) {
        return t.toCompletableFuture().join();
    }

    @Test
    void theChatShowsTheChatWordingOfTheMenu() {
        TextTurn t = join(chat().begin());

        assertThat(t.messages())
                .containsExactly(
                        "Welcome to Harrow Council.",
                        "Type 1 to pay a parking fine, 2 to pay your council tax, 3 to hear where your report or request"
                                + " stands, 4 for our opening hours, or 0 to talk to an advisor.");
        assertThat(t.question().kind()).isEqualTo(Question.Kind.MENU);
        assertThat(t.question().options()).containsExactly("1", "2", "3", "4", "0");
        assertThat(t.question().sensitive()).isFalse();
    }

    @Test
    void aReferenceMayBeTypedWithItsLettersAndSpaces() {
        TextConversation c = chat();
        join(c.begin());
        join(c.reply("1"));

        TextTurn t = join(c.reply("hw " + Residents.keyed(Residents.PCN_OPEN).replaceAll("(....)", "$1 ")));

        assertThat(t.messages()).singleElement().asString().contains("the amount due is £65.00. Type 1 to pay");
    }

    @Test
    void cardEntryIsMaskedAndThePaymentTaken() {
        TextConversation c = chat();
        join(c.begin());
        join(c.reply("1"));
        join(c.reply(Residents.PCN_OPEN));
        TextTurn asked = join(c.reply("1"));
        assertThat(asked.question().sensitive()).isTrue();
        assertThat(asked.question().kind()).isEqualTo(Question.Kind.CARD_NUMBER);

        char[] number = "4111 1111 1111 1111".toCharArray();
        TextTurn expiry = join(c.reply(number));
        assertThat(expiry.echo()).isEqualTo("•••• 1111");
        assertThat(number).containsOnly('\0');
        assertThat(expiry.messages()).containsExactly("Card ending 1111. Please type the expiry date as MM/YY.");

        TextTurn code = join(c.reply("12/29".toCharArray()));
        assertThat(code.echo()).isEqualTo("••/••");
        TextTurn paid = join(c.reply("123".toCharArray()));
        assertThat(paid.echo()).isEqualTo("•••");

        assertThat(String.join(" ", paid.messages()))
                .contains("Your payment of £65.00 has been taken.")
                .contains("Type 1 for a receipt by text message, 2 for a receipt by email, or 3 for no receipt.");
        assertThat(rig.sandbox.chargesTaken()).isEqualTo(1);
        assertThat(rig.recording.asked).as("a chat is not recorded").isEmpty();
    }

    @Test
    void aCardNumberTypedWhereNoneIsAskedIsRemovedFromTheTranscriptAndDroppedUnread() {
        TextConversation c = chat();
        join(c.begin());

        TextTurn t = join(c.reply("my card is " + TestCard.VISA_APPROVED.number()));

        assertThat(t.echo()).isEqualTo("(card details removed)");
        assertThat(t.messages().getFirst()).startsWith("Please do not type card details here");
        assertThat(t.question().kind()).isEqualTo(Question.Kind.MENU);
    }

    @Test
    void aResidentWhoAsksForAPersonIsHandedOver() {
        TextConversation c = chat();
        join(c.begin());

        TextTurn t = join(c.reply("Can I talk to an advisor please"));

        assertThat(t.ended()).isTrue();
        assertThat(t.ending()).isInstanceOf(Ending.HandOver.class);
    }

    @Test
    void aResidentWhoLeavesDuringCardEntryLeavesNoCardDataBehind() {
        TextConversation c = chat();
        join(c.begin());
        join(c.reply("1"));
        join(c.reply(Residents.PCN_OPEN));
        join(c.reply("1"));
        join(c.reply(TestCard.VISA_APPROVED.number().toCharArray()));

        TextTurn t = join(c.left());

        assertThat(t.ending()).isInstanceOf(Ending.CallerLeft.class);
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn ABANDONED");
        assertThat(rig.sandbox.chargesTaken()).isZero();
    }

    @Test
    void aQuestionLeftUnansweredIsAskedAgain() {
        TextConversation c = chat();
        join(c.begin());

        TextTurn t = join(c.noReply());

        assertThat(t.messages().getFirst()).startsWith("Sorry, I did not hear anything.");
    }

    @Test
    void theConversationRefusesRepliesOnceItEnded() {
        TextConversation c = chat();
        join(c.begin());
        join(c.reply("0"));

        char[] late = "4111111111111111".toCharArray();
        assertThatThrownBy(() -> c.reply(late)).isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.toString(late)).doesNotContain("4");
    }
}
