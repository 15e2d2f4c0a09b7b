package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PromMetricsTest {
    private static final String BEFORE = """
            # HELP firstcontact_engine_decision_seconds Engine time per input
            # TYPE firstcontact_engine_decision_seconds histogram
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.001"} 10.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.002"} 10.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.004"} 10.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="+Inf"} 10.0
            firstcontact_engine_decision_seconds_count{input="CreateInteraction",mode="production"} 10.0
            firstcontact_engine_decision_seconds_sum{input="CreateInteraction",mode="production"} 0.005
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.001"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.002"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.004"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="+Inf"} 0.0
            firstcontact_engine_decision_seconds_count{input="EndWrapUp",mode="production"} 0.0
            firstcontact_engine_decision_seconds_sum{input="EndWrapUp",mode="production"} 0.0
            process_uptime_seconds{mode="production"} 12.5
            """;

    private static final String AFTER = """
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.001"} 60.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.002"} 100.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="0.004"} 110.0
            firstcontact_engine_decision_seconds_bucket{input="CreateInteraction",mode="production",le="+Inf"} 110.0
            firstcontact_engine_decision_seconds_count{input="CreateInteraction",mode="production"} 110.0
            firstcontact_engine_decision_seconds_sum{input="CreateInteraction",mode="production"} 0.105
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.001"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.002"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="0.004"} 0.0
            firstcontact_engine_decision_seconds_bucket{input="EndWrapUp",mode="production",le="+Inf"} 100.0
            firstcontact_engine_decision_seconds_count{input="EndWrapUp",mode="production"} 100.0
            firstcontact_engine_decision_seconds_sum{input="EndWrapUp",mode="production"} 1.0
            process_uptime_seconds{mode="production"} 72.5
            """;

    @Test
    void parsesNamesLabelsAndValues() {
        PromMetrics m = PromMetrics.parse(BEFORE);
        assertThat(m.sum("process_uptime_seconds")).isEqualTo(12.5);
        assertThat(m.byLabel("firstcontact_engine_decision_seconds_count", "input"))
                .isEqualTo(Map.of("CreateInteraction", 10.0, "EndWrapUp", 0.0));
    }

    @Test
    void bucketDeltasGiveTheWindowsHistogram() {
        PromMetrics.Buckets d = delta(l -> "CreateInteraction".equals(l.get("input")));
        // 100 observations in the window: 50 ≤ 1 ms, 40 in (1, 2] ms, 10 in (2, 4] ms.
        assertThat(d.count()).isEqualTo(100);
        assertThat(d.total()).isEqualTo(100);
        assertThat(d.mean()).isCloseTo(0.001, within(1e-12));
        assertThat(d.cumulative()).containsEntry(0.001, 50.0).containsEntry(0.002, 90.0);
    }

    @Test
    void quantilesInterpolateInsideTheirBucket() {
        PromMetrics.Buckets d = delta(l -> "CreateInteraction".equals(l.get("input")));
        // p50: rank 50 is the last of the first bucket [0, 1 ms].
        assertThat(d.quantile(0.5)).isCloseTo(0.001, within(1e-12));
        // p25: halfway through the first bucket.
        assertThat(d.quantile(0.25)).isCloseTo(0.0005, within(1e-12));
        // p70: rank 70, 20 of the 40 in (1, 2] ms → 1.5 ms.
        assertThat(d.quantile(0.7)).isCloseTo(0.0015, within(1e-12));
        // p99: rank 99, 9 of the 10 in (2, 4] ms → 3.8 ms.
        assertThat(d.quantile(0.99)).isCloseTo(0.0038, within(1e-12));
        assertThat(d.smallestBound()).isEqualTo(0.001);
    }

    @Test
    void aQuantileBeyondTheLastFiniteBoundAnswersThatBound() {
        PromMetrics.Buckets d = delta(l -> "EndWrapUp".equals(l.get("input")));
        assertThat(d.quantile(0.5)).isEqualTo(0.004);
        assertThat(d.mean()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void seriesAreSummedAcrossLabelsAndAnEmptyWindowHasNoQuantile() {
        PromMetrics.Buckets all = delta(l -> true);
        assertThat(all.count()).isEqualTo(200);
        // rank 50 of 200: half-way through the 50 observations ≤ 1 ms.
        assertThat(all.quantile(0.25)).isCloseTo(0.001, within(1e-12));
        PromMetrics.Buckets none = PromMetrics.parse(BEFORE)
                .buckets("firstcontact_engine_decision_seconds", l -> "EndWrapUp".equals(l.get("input")));
        assertThat(none.quantile(0.5)).isNaN();
    }

    private static PromMetrics.Buckets delta(Predicate<Map<String, String>> filter) {
        String name = "firstcontact_engine_decision_seconds";
        return PromMetrics.parse(AFTER)
                .buckets(name, filter)
                .minus(PromMetrics.parse(BEFORE).buckets(name, filter));
    }
}
