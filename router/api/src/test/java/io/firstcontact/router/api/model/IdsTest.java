package io.firstcontact.router.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void aRandomIdCanAlwaysBeNamedInARequest() {
        // A UUID's digits, read across its dashes, look like a card number about once in ten thousand draws: an id
        // the server mints must never be one that the card tripwire would refuse in a path.
        for (int i = 0; i < 100_000; i++) {
            String id = Ids.random("int-");
            assertThat(id).startsWith("int-");
            assertThat(CardNumberTripwire.containsCardNumber(id)).as(id).isFalse();
            assertThat(Ids.valid(id)).isTrue();
        }
    }

    @Test
    void aUuidCanLookLikeACardNumber() {
        // The case the redraw is for: 4111-1111-1111-1111 inside a UUID's groups.
        assertThat(CardNumberTripwire.containsCardNumber("int-abcd4111-1111-1111-1111-abcdefabcdef"))
                .isTrue();
    }
}
