package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceLevelDefinitionTest {
    /** 80 answered (72 within T), 20 abandoned of which 5 short. */
    private static final Counts DAY = new Counts(100, 80, 72, 20, 5, 12, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static ServiceLevelDefinition with(AbandonTreatment t) {
        return new ServiceLevelDefinition(t, Duration.ofSeconds(5), 0.8, Map.of("parking", 0.9));
    }

    @Test
    void abandonsIgnoredDividesByAnsweredOnly() {
        assertThat(with(AbandonTreatment.ABANDONS_IGNORED).ratio(DAY)).isEqualTo(72.0 / 80);
    }

    @Test
    void abandonsCountedAgainstDividesByAnsweredAndAbandoned() {
        assertThat(with(AbandonTreatment.ABANDONS_COUNTED_AGAINST).ratio(DAY)).isEqualTo(72.0 / 100);
    }

    @Test
    void shortAbandonsExcludedLeavesOnlyTheShortOnesOut() {
        assertThat(with(AbandonTreatment.SHORT_ABANDONS_EXCLUDED).ratio(DAY)).isEqualTo(72.0 / 95);
    }

    @Test
    void nothingAnsweredOrAbandonedHasNoServiceLevelRatherThanAHundredPercent() {
        assertThat(ServiceLevelDefinition.DEFAULT.ratio(Counts.NONE)).isNull();
    }

    @Test
    void onlyShortAbandonsLeaveNoDenominatorWhenTheyAreExcluded() {
        Counts onlyShort = new Counts(2, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(with(AbandonTreatment.SHORT_ABANDONS_EXCLUDED).ratio(onlyShort))
                .isNull();
        assertThat(with(AbandonTreatment.ABANDONS_COUNTED_AGAINST).ratio(onlyShort))
                .isZero();
    }

    @Test
    void aShortAbandonIsOneWithinTheThresholdInclusive() {
        ServiceLevelDefinition sl = ServiceLevelDefinition.DEFAULT;
        assertThat(sl.shortAbandon(5_000)).isTrue();
        assertThat(sl.shortAbandon(5_001)).isFalse();
    }

    @Test
    void aQueueWithoutItsOwnTargetHasTheCentres() {
        ServiceLevelDefinition sl = with(AbandonTreatment.ABANDONS_IGNORED);
        assertThat(sl.target("parking")).isEqualTo(0.9);
        assertThat(sl.target("billing")).isEqualTo(0.8);
    }

    @Test
    void aTargetIsARatio() {
        assertThatThrownBy(() -> new ServiceLevelDefinition(
                        AbandonTreatment.ABANDONS_IGNORED, Duration.ofSeconds(5), 80, Map.of()))
                .hasMessageContaining("ratio from 0 to 1");
    }
}
