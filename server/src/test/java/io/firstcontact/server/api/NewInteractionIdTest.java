package io.firstcontact.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.model.CardNumberTripwire;
import org.junit.jupiter.api.Test;

/** The ids the API mints can always be named in a path again: none reads as a card number to the request screen. */
class NewInteractionIdTest {

    @Test
    void aMintedIdNeverHoldsWhatTheRequestScreenTakesForACardNumber() {
        // drawn once by the voice benchmark: its end request was refused as carrying a card number
        assertThat(CardNumberTripwire.containsCardNumber("int-a5daee74-0964-4892-9920-8e1c4fb71578"))
                .isTrue();
        for (int i = 0; i < 200_000; i++) {
            String id = CommandRoutes.newInteractionId();
            assertThat(CardNumberTripwire.containsCardNumber(id)).as(id).isFalse();
        }
    }
}
