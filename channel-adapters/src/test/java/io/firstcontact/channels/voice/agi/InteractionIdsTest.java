package io.firstcontact.channels.voice.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Voice's interaction ids: UUIDv7, unique, and never read as a card number where the API screens a path. */
class InteractionIdsTest {

    @Test
    void idsAreVersionSevenUniqueAndNeverHoldACardNumber() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = InteractionIds.next(InstantSource.system());
            assertThat(id.charAt(14)).isEqualTo('7');
            assertThat(CardNumberTripwire.containsCardNumber(id)).as(id).isFalse();
            assertThat(seen.add(id)).isTrue();
        }
    }
}
