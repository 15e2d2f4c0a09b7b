package io.firstcontact.ivr.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.rig.SteppedClock;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The sandbox's documented test cards, its idempotency and the card checks it rests on. */
class SandboxGatewayTest {
    private final SandboxGateway sandbox = new SandboxGateway(SteppedClock.londonAt("2026-05-05T11:00"));

    private static CardDetails card(String number, String expiry, String code) {
        return new CardDetails(number.toCharArray(), expiry.toCharArray(), code.toCharArray());
    }

    private Authorisation pay(String key, TestCard card) {
        String code = card == TestCard.AMEX_APPROVED ? "1234" : "123";
        return sandbox.authorise(
                        new AuthorisationRequest(key, 6_500, "PCN HW12345679", card(card.number(), "1229", code)))
                .toCompletableFuture()
                .join();
    }

    @Test
    void everyTestCardIsLuhnValidAndOfABrandTakenHere() {
        for (TestCard c : TestCard.values()) {
            assertThat(Luhn.valid(c.number().toCharArray())).as(c.name()).isTrue();
            assertThat(CardBrand.of(c.number().toCharArray())).as(c.name()).isPresent();
        }
    }

    @Test
    void theApprovingCardsAreApprovedWithTheirBrandAndLastFour() {
        assertThat(pay("k1", TestCard.VISA_APPROVED)).isInstanceOfSatisfying(Authorisation.Approved.class, a -> {
            assertThat(a.brand()).isEqualTo(CardBrand.VISA);
            assertThat(a.lastFour()).isEqualTo("1111");
            assertThat(a.authorisationRef()).matches("[A-Z2-9]{6}");
        });
        assertThat(pay("k2", TestCard.MASTERCARD_APPROVED)).isInstanceOf(Authorisation.Approved.class);
        assertThat(pay("k3", TestCard.AMEX_APPROVED)).isInstanceOf(Authorisation.Approved.class);
    }

    @Test
    void theDecliningCardsSayWhy() {
        assertThat(pay("k1", TestCard.VISA_DECLINED))
                .isEqualTo(new Authorisation.Declined(Authorisation.DeclineReason.DECLINED));
        assertThat(pay("k2", TestCard.VISA_INSUFFICIENT_FUNDS))
                .isEqualTo(new Authorisation.Declined(Authorisation.DeclineReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void theTimeoutCardLosesItsFirstAnswerAndChargesOnceWhenAskedAgain() {
        Assertions.assertThatThrownBy(() -> pay("k1", TestCard.VISA_GATEWAY_TIMEOUT))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(GatewayTimeoutException.class);

        assertThat(pay("k1", TestCard.VISA_GATEWAY_TIMEOUT)).isInstanceOf(Authorisation.Approved.class);
        assertThat(sandbox.chargesTaken()).isEqualTo(1);
    }

    @Test
    void aRepeatUnderTheSameKeyNeverChargesTwice() {
        Authorisation first = pay("k1", TestCard.VISA_APPROVED);

        assertThat(pay("k1", TestCard.VISA_APPROVED)).isEqualTo(first);
        assertThat(sandbox.chargesTaken()).isEqualTo(1);
    }

    @Test
    void aCardTheSandboxDoesNotKnowIsDeclined() {
        assertThat(sandbox.authorise(new AuthorisationRequest("k1", 100, "x", card("4242424242424242", "1229", "123")))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(Authorisation.Declined.class);
    }

    @Test
    void clearedCardDetailsHoldNoDigitAndSayOnlyTheirLastFour() {
        char[] number = TestCard.VISA_APPROVED.number().toCharArray();
        CardDetails card = new CardDetails(number, "1229".toCharArray(), "123".toCharArray());

        assertThat(card.toString()).isEqualTo("CardDetails[VISA ending 1111]");
        card.clear();

        assertThat(number).containsOnly('\0');
        Assertions.assertThatThrownBy(card::number).isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.toString(number)).doesNotContain("4");
    }

    @Test
    void brandsAreToldByTheirNumbers() {
        assertThat(CardBrand.of("5105105105105100".toCharArray())).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2221000000000009".toCharArray())).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("6759649826438453".toCharArray())).contains(CardBrand.MAESTRO);
        assertThat(CardBrand.of("36227206271667".toCharArray())).isEmpty();
    }
}
