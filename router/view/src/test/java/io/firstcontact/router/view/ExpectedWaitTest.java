package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.MediaClass;
import org.junit.jupiter.api.Test;

/** The estimator alone: answers and handle times in, deterministic times, no engine. */
class ExpectedWaitTest {
    static final long T0 = 1_700_000_000_000L;
    static final QueueConfig VOICE =
            QueueConfig.builder("q", "voice").wrapUp(30_000, 60_000).build();
    static final QueueConfig CAPPED =
            VOICE.toBuilder().maxWait(100_000, "CALLBACK").build();

    final ExpectedWait ewt = new ExpectedWait();

    private void answersEvery(long interval, int count) {
        for (int k = 0; k < count; k++) {
            ewt.answered("q", T0 + k * interval);
        }
    }

    private ExpectedWait.Rate rate(QueueConfig config, int staffed, long now) {
        return ewt.rate("q", config, MediaClass.REALTIME_VOICE, staffed, now).orElseThrow();
    }

    @Test
    void theWaitIsThePositionTimesTheIntervalBetweenAnswers() {
        answersEvery(20_000, 5);
        long last = T0 + 80_000;
        ExpectedWait.Rate r = rate(VOICE, 4, last + 10_000); // 10 s since the last answer: shorter than τ
        assertThat(r.basis()).isEqualTo(ExpectedWait.Basis.ANSWER_INTERVALS);
        assertThat(r.millisPerPlace()).isEqualTo(20_000);
        assertThat(r.forPosition(1)).isEqualTo(20_000);
        assertThat(r.forPosition(3)).isEqualTo(60_000);
    }

    @Test
    void newerIntervalsWeighMore() {
        // Intervals 10, 10, 10, 40 s; with weight 0.2 on the newest: τ = 10 + 0.2 × (40 − 10) = 16 s.
        long[] at = {0, 10_000, 20_000, 30_000, 70_000};
        for (long t : at) {
            ewt.answered("q", T0 + t);
        }
        assertThat(rate(VOICE, 1, T0 + 70_000).millisPerPlace()).isCloseTo(16_000, within(1e-6));
    }

    @Test
    void aQueueWhoseAnsweringStoppedCountsTheTimeSinceItsLastAnswer() {
        answersEvery(20_000, 5);
        long last = T0 + 80_000;
        // 120 s without an answer is longer than τ = 20 s: τ = 20 + 0.2 × (120 − 20) = 40 s.
        assertThat(rate(VOICE, 1, last + 120_000).millisPerPlace()).isCloseTo(40_000, within(1e-6));
    }

    @Test
    void tooFewAnswersInTheLastFifteenMinutesFallBackToHandleTimeOverStaffed() {
        answersEvery(60_000, 5); // five answers, but the first is more than 15 minutes old at "now"
        long now = T0 + 15 * 60_000L + 1;
        ExpectedWait.Rate r = rate(VOICE, 3, now);
        assertThat(r.basis()).isEqualTo(ExpectedWait.Basis.HANDLE_TIME);
        // Nothing measured: 180 s voice talk + the queue's 30 s wrap-up, over three advisors.
        assertThat(r.millisPerPlace()).isCloseTo(70_000, within(1e-6));
        assertThat(r.forPosition(2)).isEqualTo(140_000);
    }

    @Test
    void measuredHandleTimesReplaceTheDefault() {
        ewt.handled("q", 100_000);
        assertThat(ewt.handleMillis("q", VOICE, MediaClass.REALTIME_VOICE)).isEqualTo(100_000);
        ewt.handled("q", 200_000); // weight 0.1 on the newest
        assertThat(ewt.handleMillis("q", VOICE, MediaClass.REALTIME_VOICE)).isCloseTo(110_000, within(1e-6));
        assertThat(rate(VOICE, 2, T0).forPosition(1)).isEqualTo(55_000);
        assertThat(ewt.handleMillis("other", VOICE, MediaClass.REALTIME_TEXT))
                .isEqualTo(ExpectedWait.Options.DEFAULT_TEXT_HANDLE_MILLIS + 30_000);
    }

    @Test
    void nobodyStaffingMeansNoEstimateAtAll() {
        answersEvery(20_000, 10);
        assertThat(ewt.rate("q", VOICE, MediaClass.REALTIME_VOICE, 0, T0 + 180_000))
                .isEmpty();
    }

    @Test
    void theEstimateIsClampedToTheQueuesMaximumWait() {
        answersEvery(20_000, 5);
        ExpectedWait.Rate r = rate(CAPPED, 1, T0 + 80_000);
        assertThat(r.forPosition(4)).isEqualTo(80_000);
        assertThat(r.forPosition(6)).isEqualTo(100_000);
        assertThat(rate(CAPPED, 1, T0 + 15 * 60_000L + 80_001).forPosition(1)).isEqualTo(100_000); // 210 s AHT
    }

    @Test
    void onlyTheNewestAnswersAreKept() {
        ExpectedWait small = new ExpectedWait(new ExpectedWait.Options(
                ExpectedWait.Options.DEFAULT_WINDOW_MILLIS, 5, 0.2, 5, 0.1, 180_000, 300_000, 600_000));
        for (int k = 0; k < 100; k++) {
            small.answered("q", T0 + k * 1_000L);
        }
        small.answered("q", T0 + 100_000 + 9_000); // the last interval 10 s, the others 1 s
        ExpectedWait.Rate r = small.rate("q", VOICE, MediaClass.REALTIME_VOICE, 1, T0 + 109_000)
                .orElseThrow();
        // Five kept: intervals 1, 1, 1, 10 s → τ = 1 + 0.2 × 9 = 2.8 s.
        assertThat(r.millisPerPlace()).isCloseTo(2_800, within(1e-6));
    }
}
