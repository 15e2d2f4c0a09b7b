package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTargetTest {
    @Test
    void theCpuTargetAllowsThirtyPercentAboveTheFloorAndNoMore() {
        assertThat(RatioTarget.steady(130, 100, 1, 1, 1).getFirst().met()).isTrue();
        assertThat(RatioTarget.steady(131, 100, 1, 1, 1).getFirst().met()).isFalse();
    }

    @Test
    void theIssuesFiguresAreJudgedAsItStatesThem() {
        // 1.81× the floor's CPU misses 1.3×; an L1 p99 of 72 ms against the floor's 63 ms (1.14×) meets 1.2×.
        List<RatioTarget> targets = RatioTarget.steady(181, 100, 72, 73, 63);

        assertThat(targets).extracting(RatioTarget::met).containsExactly(false, true, true);
        assertThat(targets.get(1).ratio()).isCloseTo(1.143, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aFigureTheRunDidNotProduceMeetsNoTarget() {
        List<RatioTarget> targets = RatioTarget.steady(100, Double.NaN, 1, Double.NaN, 1);

        assertThat(targets).extracting(RatioTarget::met).containsExactly(false, true, false);
    }
}
