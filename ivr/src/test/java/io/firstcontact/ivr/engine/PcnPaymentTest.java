package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.notify.Medium;
import org.junit.jupiter.api.Test;

/** Paying a parking fine by keypad, as the demo flows do it, from the menu to the receipt. */
class PcnPaymentTest {
    private final Rig rig = new Rig();

    /** Menu 1, the PCN's eight digits, confirm: the card number is asked next. */
    static Conversation atCardNumber(Rig rig, String caller) {
        return rig.call(caller)
                .key("1")
                .key(Residents.keyed(Residents.PCN_OPEN))
                .key("1");
    }

    static Conversation paid(Rig rig, String caller, TestCard card) {
        return atCardNumber(rig, caller).card(card.number()).card("1229").card("123");
    }

    @Test
    void callerHearsTheNoticeAndItsAmountBeforeAnythingIsTaken() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_OPEN));

        assertThat(c.lastSaid())
                .contains("Penalty charge notice " + Residents.PCN_OPEN + ". The amount due is £65.00.")
                .contains("press 1");
        assertThat(rig.recording.asked).isEmpty();
    }

    @Test
    void approvedPaymentIsTakenOnceRecordedInTheBackOfficeAndReadBack() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED);

        assertThat(c.heard()).anySatisfy(l -> assertThat(l).isEqualTo("Card ending 1111."));
        assertThat(c.lastSaid()).contains("Your payment of £65.00 has been taken. Your authorisation code is ");
        assertThat(rig.sandbox.chargesTaken()).isEqualTo(1);
        assertThat(rig.residents.payments).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Payment.Kind.PCN);
            assertThat(p.reference()).isEqualTo(Residents.PCN_OPEN);
            assertThat(p.amountPence()).isEqualTo(Residents.PCN_OPEN_DUE);
            assertThat(p.cardBrand()).isEqualTo("VISA");
            assertThat(p.lastFour()).isEqualTo("1111");
            assertThat(p.interactionId()).isEqualTo(c.interactionId());
        });
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn COMPLETED");
    }

    @Test
    void recordingIsMutedFromTheCardNumberToTheSecurityCodeAndUnmutedBeforeTheGateway() {
        Conversation c = atCardNumber(rig, Residents.MOBILE);
        assertThat(rig.recording.paused()).isTrue();

        c.card(TestCard.VISA_APPROVED.number()).card("1229").card("123");

        assertThat(rig.recording.asked).containsExactly("pause", "resume");
        assertThat(c.portWork()).containsSubsequence("PauseRecording", "ResumeRecording", "Authorise", "RecordPayment");
    }

    @Test
    void everyCardDigitIsOverwrittenOnceTheGatewayAnswered() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED);

        assertThat(c.cardArrays)
                .hasSize(3)
                .allSatisfy(a -> assertThat(new String(a)).matches("\0+"));
    }

    @Test
    void receiptGoesBySmsToTheCallersMobileWithOnlyTheLastFour() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED);
        assertThat(c.lastSaid()).contains("For a receipt by text message, press 1. For a receipt by email, press 2.");

        c.key("1");

        assertThat(rig.outbox.sent).singleElement().satisfies(m -> {
            assertThat(m.medium()).isEqualTo(Medium.SMS);
            assertThat(m.to()).isEqualTo(Residents.MOBILE);
            assertThat(m.text())
                    .contains("£65.00 paid for PCN " + Residents.PCN_OPEN)
                    .contains("Visa card ending 1111")
                    .doesNotContain(TestCard.VISA_APPROVED.number());
        });
        assertThat(c.lastSaid()).contains("Your receipt is on its way.");
    }

    @Test
    void receiptGoesByEmailToTheAddressTheBackOfficeHolds() {
        paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED).key("2");

        assertThat(rig.outbox.sent).singleElement().satisfies(m -> {
            assertThat(m.medium()).isEqualTo(Medium.EMAIL);
            assertThat(m.to()).isEqualTo(Residents.EMAIL);
            assertThat(m.subject()).isEqualTo("Your payment to Harrow Council");
        });
    }

    @Test
    void aReceiptThatCannotBeSentIsSaidSoAndThePaymentStands() {
        rig.outbox.failing(true);

        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED).key("1");

        assertThat(c.lastSaid()).contains("the receipt could not be sent. Your payment has been taken.");
        assertThat(rig.residents.payments).hasSize(1);
    }

    @Test
    void callerWhoHasFinishedHearsGoodbyeAndIsSelfServed() {
        Conversation c =
                paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED).key("3").key("2");

        assertThat(c.lastSaid()).contains("Goodbye.");
        assertThat(c.ending()).isEqualTo(new Ending.SelfServed(java.util.List.of("pay-pcn")));
    }

    @Test
    void declinedCardOffersAnotherCardWithANewIdempotencyKey() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_DECLINED);
        assertThat(c.lastSaid()).contains("Sorry, the card was declined. To try another card, press 1.");

        c.key("1").card(TestCard.MASTERCARD_APPROVED.number()).card("0130").card("999");

        assertThat(c.lastSaid()).contains("Your payment of £65.00 has been taken.");
        assertThat(rig.sandbox.charge(c.interactionId() + "-pay-1").outcome())
                .isInstanceOf(io.firstcontact.ivr.payment.Authorisation.Declined.class);
        assertThat(rig.sandbox.charge(c.interactionId() + "-pay-2").outcome())
                .isInstanceOf(io.firstcontact.ivr.payment.Authorisation.Approved.class);
        assertThat(rig.recording.asked).containsExactly("pause", "resume", "pause", "resume");
    }

    @Test
    void insufficientFundsIsToldAsSuch() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_INSUFFICIENT_FUNDS);

        assertThat(c.lastSaid()).contains("there are not enough funds");
    }

    @Test
    void afterTheLastCardIsDeclinedTheCallerGoesToAParkingAdvisorAndTheAttemptFailed() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_DECLINED);
        c.key("1").card(TestCard.VISA_DECLINED.number()).card("1229").card("123");
        c.key("1").card(TestCard.VISA_DECLINED.number()).card("1229").card("123");

        assertThat(c.lastSaid()).contains("the payment could not be taken").contains("Putting you through");
        Ending.HandOver h = (Ending.HandOver) c.ending();
        assertThat(h.request().queue()).isEqualTo("parking");
        assertThat(h.attributes().get(IvrSession.OUTCOME)).isEqualTo("FAILED");
        assertThat(h.attributes().get("pcnReference")).isEqualTo(Residents.PCN_OPEN);
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn FAILED");
        assertThat(rig.sandbox.chargesTaken()).isZero();
    }

    @Test
    void aGatewayTimeoutIsAskedAgainUnderTheSameKeyAndChargesOnce() {
        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_GATEWAY_TIMEOUT);

        assertThat(c.lastSaid()).contains("Your payment of £65.00 has been taken.");
        assertThat(c.portWork()).containsSubsequence("Authorise", "Authorise", "RecordPayment");
        assertThat(rig.sandbox.chargesTaken()).isEqualTo(1);
        assertThat(rig.residents.payments).hasSize(1);
    }

    @Test
    void aGatewayThatNeverAnswersLeavesThePaymentUnconfirmedForAnAdvisorNeverChargedTwice() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<String> keys = new java.util.HashSet<>();
        rig.gateway = request -> {
            asked.incrementAndGet();
            keys.add(request.idempotencyKey());
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new io.firstcontact.ivr.payment.GatewayTimeoutException("test: no answer"));
        };

        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED);

        assertThat(asked).hasValue(2);
        assertThat(keys).hasSize(1);
        assertThat(c.lastSaid()).contains("You will not be charged twice. An advisor will check it with you.");
        Ending.HandOver h = (Ending.HandOver) c.ending();
        assertThat(h.attributes().get(IvrSession.PAYMENT_STATUS)).isEqualTo("unconfirmed");
        assertThat(h.attributes().get(IvrSession.PAYMENT_KEY))
                .isEqualTo(keys.iterator().next());
        assertThat(c.cardArrays).allSatisfy(a -> assertThat(new String(a)).matches("\0+"));
    }

    @Test
    void aGatewayThatCannotBeReachedSendsTheCallerToAnAdvisor() {
        rig.gateway = request -> java.util.concurrent.CompletableFuture.failedFuture(
                new io.firstcontact.ivr.payment.GatewayUnavailableException("test: refused"));

        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED);

        assertThat(c.lastSaid()).contains("card payments cannot be taken by keypad at the moment");
        assertThat(((Ending.HandOver) c.ending()).request().queue()).isEqualTo("parking");
    }

    @Test
    void whenTheRecordingCannotBeMutedNoCardIsAskedFor() {
        rig.recording.failingPause(true);

        Conversation c = atCardNumber(rig, Residents.MOBILE);

        assertThat(c.lastSaid()).doesNotContain("card number").contains("cannot be taken by keypad");
        assertThat(c.ending()).isInstanceOf(Ending.HandOver.class);
        assertThat(c.portWork()).doesNotContain("Authorise");
    }

    @Test
    void callerWhoHangsUpDuringCardEntryLeavesNoCardDataAndAnUnmutedRecording() {
        Conversation c = atCardNumber(rig, Residents.MOBILE).card(TestCard.VISA_APPROVED.number());

        c.hangUp();

        assertThat(rig.recording.asked).containsExactly("pause", "resume");
        assertThat(c.cardArrays)
                .singleElement()
                .satisfies(a -> assertThat(new String(a)).matches("\0+"));
        assertThat(c.ending()).isInstanceOf(Ending.CallerLeft.class);
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn ABANDONED");
        assertThat(rig.sandbox.chargesTaken()).isZero();
    }

    @Test
    void callerWhoAsksForAnAdvisorDuringCardEntryIsPutThroughWithTheRecordingUnmuted() {
        Conversation c = atCardNumber(rig, Residents.MOBILE).card(TestCard.VISA_APPROVED.number());

        c.key("0");

        assertThat(rig.recording.asked).containsExactly("pause", "resume");
        assertThat(((Ending.HandOver) c.ending()).attributes().get(IvrSession.OUTCOME))
                .isEqualTo("OPTED_OUT");
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn OPTED_OUT");
    }

    @Test
    void aCardNumberFailingTheLuhnCheckIsAskedAgain() {
        Conversation c = atCardNumber(rig, Residents.MOBILE).card("4111111111111112");

        assertThat(c.lastSaid()).contains("that card number is not valid").contains("Please key your card number");
        assertThat(c.question().kind()).isEqualTo(Question.Kind.CARD_NUMBER);
    }

    @Test
    void aCardOfABrandNotTakenIsRefusedByName() {
        Conversation c = atCardNumber(rig, Residents.MOBILE).card("36227206271667");

        assertThat(c.lastSaid()).contains("We take Visa, Mastercard, American Express and Maestro.");
    }

    @Test
    void anExpiredCardIsRefusedBeforeTheGatewayIsAsked() {
        Conversation c = atCardNumber(rig, Residents.MOBILE)
                .card(TestCard.VISA_APPROVED.number())
                .card("0426");

        assertThat(c.lastSaid()).contains("the card has expired");
        assertThat(c.question().kind()).isEqualTo(Question.Kind.EXPIRY);
    }

    @Test
    void anExpiryWithoutAMonthIsRefused() {
        Conversation c = atCardNumber(rig, Residents.MOBILE)
                .card(TestCard.VISA_APPROVED.number())
                .card("1330");

        assertThat(c.lastSaid()).contains("that expiry date is not valid");
    }

    @Test
    void anAmericanExpressCardAsksForAFourDigitSecurityCode() {
        Conversation c = atCardNumber(rig, Residents.MOBILE)
                .card(TestCard.AMEX_APPROVED.number())
                .card("1229");

        assertThat(c.question().minDigits()).isEqualTo(4);
        c.card("123");
        assertThat(c.lastSaid()).contains("that security code is not valid");
        c.card("1234");
        assertThat(c.lastSaid()).contains("has been taken");
    }

    @Test
    void cardQuestionsAreMarkedSensitiveAndWaitLonger() {
        Conversation c = atCardNumber(rig, Residents.MOBILE);

        assertThat(c.question().sensitive()).isTrue();
        assertThat(c.question().timeout()).hasSeconds(20);
    }

    @Test
    void aNoticeAlreadyPaidIsToldAsSuch() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_PAID));

        assertThat(c.lastSaid()).contains("has already been paid");
        assertThat(rig.recording.asked).isEmpty();
    }

    @Test
    void aCancelledNoticeIsToldAsSuch() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_CANCELLED));

        assertThat(c.lastSaid()).contains("has been cancelled. There is nothing to pay.");
    }

    @Test
    void aNoticeUnderAppealCannotBePaid() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_APPEALED));

        assertThat(c.lastSaid()).contains("under appeal");
    }

    @Test
    void aReferenceWithAWrongCheckDigitIsRefusedWithoutAskingTheBackOffice() {
        String wrong = Residents.keyed(Residents.PCN_OPEN).substring(0, 7) + "0";

        Conversation c = rig.call(Residents.MOBILE).key("1").key(wrong);

        assertThat(c.lastSaid()).contains("not a valid penalty charge notice number");
        assertThat(rig.residents.lookups).isEmpty();
    }

    @Test
    void anUnknownNoticeGoesToAParkingAdvisorWithTheReferenceKeyed() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_UNKNOWN));

        assertThat(c.lastSaid()).contains("we cannot find that penalty charge notice");
        Ending.HandOver h = (Ending.HandOver) c.ending();
        assertThat(h.request().queue()).isEqualTo("parking");
        assertThat(h.request().requirements()).extracting(r -> r.skill()).containsExactly("parking");
        assertThat(h.attributes().get("pcnReference")).isEqualTo(Residents.PCN_UNKNOWN);
        assertThat(h.attributes().get(IvrSession.REASON)).isEqualTo("parking-fine");
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn FAILED");
    }

    @Test
    void aBackOfficeThatDoesNotAnswerSendsTheCallerToAParkingAdvisor() {
        rig.residents.unavailable(true);

        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_OPEN));

        assertThat(((Ending.HandOver) c.ending()).request().queue()).isEqualTo("parking");
    }

    @Test
    void aPaymentTheBackOfficeRefusesToRecordIsStillTakenAndFlaggedForTheAdvisor() {
        rig.residents.refusingPayments(true);

        Conversation c = paid(rig, Residents.MOBILE, TestCard.VISA_APPROVED).key("0");

        assertThat(c.heard()).anySatisfy(l -> assertThat(l).contains("has been taken"));
        assertThat(((Ending.HandOver) c.ending()).attributes().get(IvrSession.PAYMENT_STATUS))
                .isEqualTo("paid, not yet recorded in the back office");
    }

    @Test
    void aCardNumberKeyedWhereTheReferenceBelongsIsDroppedUnread() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(TestCard.VISA_APPROVED.number());

        assertThat(c.lastSaid()).startsWith("Please do not enter card details here.");
        assertThat(rig.residents.lookups).isEmpty();
    }

    @Test
    void aCallerWithoutAMobileOrEmailGetsNoReceiptOffered() {
        Conversation c = paid(rig, null, TestCard.VISA_APPROVED);

        // The notice's owner has a mobile on file: the receipt goes there.
        assertThat(c.lastSaid()).contains("For a receipt by text message");
    }
}
