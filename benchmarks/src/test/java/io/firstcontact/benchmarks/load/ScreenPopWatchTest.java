package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScreenPopWatchTest {
    private static String desk(String interactionId, Instant offeredAt) {
        return "{\"type\":\"desk\",\"state\":{\"offers\":[{\"offerId\":\"o-1\",\"interactionId\":\"" + interactionId
                + "\",\"offeredAt\":\"" + offeredAt + "\"}],\"work\":[]}}";
    }

    private static String pop(String interactionId, String status) {
        return "{\"type\":\"screenPop\",\"interactionId\":\"" + interactionId + "\",\"accountStatus\":\"" + status
                + "\",\"crossSell\":[]}";
    }

    @Test
    void aPopIsTimedFromItsOffersTimeAndCountedByWhatItSaid() {
        ScreenPopWatch watch = new ScreenPopWatch();
        watch.measuring(true);

        watch.accept(desk("call-1", Instant.now().minusMillis(20)));
        watch.accept(pop("call-1", "found"));

        assertThat(watch.statuses()).containsEntry("found", 1L);
        assertThat(watch.fromOffer().getTotalCount()).isEqualTo(1);
        assertThat(watch.fromOffer().getMaxValue()).isGreaterThanOrEqualTo(20_000); // µs
        assertThat(watch.afterDesk().getTotalCount()).isEqualTo(1);
    }

    @Test
    void onlyAnInteractionsFirstPopCounts() {
        ScreenPopWatch watch = new ScreenPopWatch();
        watch.measuring(true);

        watch.accept(desk("call-1", Instant.now()));
        watch.accept(pop("call-1", "found"));
        watch.accept(pop("call-1", "found")); // offered again to another advisor, say

        assertThat(watch.statuses()).containsEntry("found", 1L);
    }

    @Test
    void popsOutsideTheWindowAreNotCounted() {
        ScreenPopWatch watch = new ScreenPopWatch();

        watch.accept(desk("call-1", Instant.now()));
        watch.accept(pop("call-1", "unavailable"));

        assertThat(watch.statuses()).isEmpty();
        assertThat(watch.fromOffer().getTotalCount()).isZero();
    }

    @Test
    void aPopWhoseOfferNoDeskShowedIsCountedApart() {
        ScreenPopWatch watch = new ScreenPopWatch();
        watch.measuring(true);

        watch.accept(pop("call-9", "none"));

        assertThat(watch.popsWithoutOffer()).isEqualTo(1);
        assertThat(watch.fromOffer().getTotalCount()).isZero();
    }
}
