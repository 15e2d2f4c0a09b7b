package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.router.api.account.Payment;
import org.junit.jupiter.api.Test;

/** Paying council tax by keypad: all of the balance, or part of it. */
class CouncilTaxPaymentTest {
    private final Rig rig = new Rig();

    private Conversation atBalance() {
        return rig.call(Residents.MOBILE).key("2").key(Residents.CTAX);
    }

    @Test
    void callerHearsTheBalanceAndTheChoiceOfPayingAllOrPart() {
        assertThat(atBalance().lastSaid())
                .contains("Council tax account " + Residents.CTAX + ". The balance is £1327.04.")
                .contains("To pay part of it, press 2.");
    }

    @Test
    void theWholeBalanceIsPaid() {
        atBalance().key("1").card(TestCard.VISA_APPROVED.number()).card("1229").card("123");

        assertThat(rig.residents.payments).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Payment.Kind.COUNCIL_TAX);
            assertThat(p.reference()).isEqualTo(Residents.CTAX);
            assertThat(p.amountPence()).isEqualTo(Residents.CTAX_BALANCE);
        });
        assertThat(rig.recorded.outcomes()).containsExactly("pay-council-tax COMPLETED");
    }

    @Test
    void partOfTheBalanceIsPaidInWholePounds() {
        Conversation c = atBalance().key("2").key("200");
        assertThat(c.lastSaid()).contains("You are paying £200.00.");

        c.key("1").card(TestCard.VISA_APPROVED.number()).card("1229").card("123");

        assertThat(c.lastSaid()).contains("Your payment of £200.00 has been taken.");
        assertThat(rig.residents.payments)
                .singleElement()
                .satisfies(p -> assertThat(p.amountPence()).isEqualTo(20_000));
    }

    @Test
    void anAmountAboveTheBalanceIsRefusedWithTheRangeSaid() {
        Conversation c = atBalance().key("2").key("5000");

        assertThat(c.lastSaid()).contains("you can pay from one pound up to £1327.04");
        assertThat(c.question().kind()).isEqualTo(Question.Kind.AMOUNT);
    }

    @Test
    void anAmountOfNothingIsRefused() {
        assertThat(atBalance().key("2").key("0").lastSaid()).isNotEmpty();
        // "0" alone is the advisor key: the caller is put through instead
        assertThat(rig.recorded.outcomes()).containsExactly("pay-council-tax OPTED_OUT");
    }

    @Test
    void anAccountWithNothingOwedHasNothingToPay() {
        Conversation c = rig.call(Residents.LANDLINE).key("2").key(Residents.CTAX_SETTLED);

        assertThat(c.lastSaid()).contains("There is nothing to pay on it now.");
        assertThat(rig.recording.asked).isEmpty();
    }

    @Test
    void anUnknownAccountGoesToACouncilTaxAdvisor() {
        Conversation c = rig.call(Residents.MOBILE).key("2").key("11111111");

        assertThat(c.lastSaid()).contains("we cannot find that council tax account");
        assertThat(((Ending.HandOver) c.ending()).request().queue()).isEqualTo("council-tax");
        assertThat(((Ending.HandOver) c.ending()).attributes().get("councilTaxReference"))
                .isEqualTo("11111111");
    }
}
