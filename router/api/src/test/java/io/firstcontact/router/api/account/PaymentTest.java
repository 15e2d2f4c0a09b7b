package io.firstcontact.router.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static Payment payment(String authorisationRef, String lastFour) {
        return new Payment(
                Payment.Kind.PCN, "ha12345678", 6_500, authorisationRef, "VISA", lastFour, Instant.EPOCH, null, null);
    }

    @Test
    void aPaymentKeepsOnlyTheBrandAndLastFourOfTheCard() {
        Payment p = payment("AUTH-77812", "1111");
        assertThat(p.lastFour()).isEqualTo("1111");
        assertThat(p.paidKey()).isEqualTo(AccountKey.pcn("HA12345678"));
    }

    @Test
    void moreThanTheLastFourDigitsIsRefused() {
        assertThatThrownBy(() -> payment("AUTH-77812", "411111111111")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardNumberPassedAsTheAuthorisationReferenceIsRefused() {
        assertThatThrownBy(() -> payment("4111111111111111", "1111"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("4111");
    }

    @Test
    void aCardNumberTypedIntoAFormIsRefused() {
        assertThatThrownBy(() -> new FormAnswers.Answer("notes", "my card is 4111-1111-1111-1111"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
