package io.firstcontact.router.api.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Ids;
import org.junit.jupiter.api.Test;

class InteractionIdsTest {
    @Test
    void aMintedIdCanAlwaysBeNamedInARequest() {
        // A UUID's digit groups read as a card number about once in ten thousand draws (int-a5daee74-0964-4892-9920-…:
        // 0964 4892 9920 8 is Luhn-valid); an id the server mints must never be one the path screen refuses.
        for (int i = 0; i < 100_000; i++) {
            String id = InteractionIds.random("int-");
            assertThat(id).startsWith("int-");
            assertThat(CardNumberTripwire.containsCardNumber(id)).as(id).isFalse();
            assertThat(Ids.valid(id)).isTrue();
        }
    }

    @Test
    void aUuidCanLookLikeACardNumber() {
        assertThat(CardNumberTripwire.containsCardNumber("int-a5daee74-0964-4892-9920-8e1c4fb71578"))
                .isTrue();
    }
}
