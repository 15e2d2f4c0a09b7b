package io.firstcontact.router.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a chat stores and shows when a resident types a card number: the same text with the card's digits masked. */
class CardNumberMaskTest {

    @Test
    void aCardNumberInASentenceLosesEveryDigitButKeepsItsShape() {
        assertThat(CardNumberTripwire.mask("my card is 4111 1111 1111 1111 thanks"))
                .isEqualTo("my card is •••• •••• •••• •••• thanks");
    }

    @Test
    void expiryAndSecurityCodeTypedAfterTheNumberAreMaskedWithIt() {
        String masked = CardNumberTripwire.mask("4111-1111-1111-1111 12/27 123");

        assertThat(masked).doesNotContainPattern("[0-9]");
        assertThat(CardNumberTripwire.containsCardNumber(masked)).isFalse();
    }

    @Test
    void textWithoutACardNumberComesBackUnchanged() {
        String text = "PCN HW12345678, call me on 020 7946 0000 after 5";

        assertThat(CardNumberTripwire.mask(text)).isSameAs(text.toString()).isEqualTo(text);
    }

    @Test
    void numbersBesideTheCardAreKept() {
        assertThat(CardNumberTripwire.mask("ref 123456: 5555555555554444, flat 2"))
                .isEqualTo("ref 123456: ••••••••••••••••, flat 2");
    }

    @Test
    void everyCardOfSeveralIsMasked() {
        String masked = CardNumberTripwire.mask("4111111111111111 or 378282246310005?");

        assertThat(masked).isEqualTo("•••••••••••••••• or •••••••••••••••?");
    }

    @Test
    void digitsOfOtherScriptsAreMaskedWhole() {
        String fullwidth = CardNumberTripwireTest.inScript("4111111111111111", '０');
        String mathematical = CardNumberTripwireTest.inScript("4111111111111111", 0x1D7CE);

        assertThat(CardNumberTripwire.mask("a " + fullwidth + " b")).isEqualTo("a " + "•".repeat(16) + " b");
        assertThat(CardNumberTripwire.mask(mathematical)).isEqualTo("•".repeat(16));
    }

    @Test
    void noMaskedTextEverStillHoldsACardNumber() {
        SplittableRandom random = new SplittableRandom(24);
        for (int i = 0; i < 2_000; i++) {
            String card = CardNumberTripwireTest.randomCard(random, 13 + random.nextInt(7));
            String text = "x " + random.nextInt(1000) + " " + CardNumberTripwireTest.grouped(card, " ") + " y";

            assertThat(CardNumberTripwire.containsCardNumber(CardNumberTripwire.mask(text)))
                    .as(text)
                    .isFalse();
        }
    }
}
