package io.firstcontact.desktop.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private long now = 1_000_000;
    private final InstantSource clock = () -> Instant.ofEpochMilli(now);
    private final SignInThrottle throttle = new SignInThrottle(clock, 3, 2, Duration.ofMinutes(15));

    @Test
    void aUsernameIsLockedAfterFailuresInARowAndFreedWhenTheLockoutEnds() {
        throttle.attempt("a", "ben");
        throttle.failed("ben");
        throttle.attempt("b", "ben");
        throttle.failed("ben");

        assertThat(throttle.attempt("c", "BEN")).isEqualTo(new SignInThrottle.Verdict.LockedOut(900));
        now += Duration.ofMinutes(15).toMillis();
        assertThat(throttle.attempt("c", "ben")).isInstanceOf(SignInThrottle.Verdict.Allowed.class);
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        throttle.failed("ben");
        throttle.succeeded("ben");
        throttle.failed("ben");

        assertThat(throttle.attempt("a", "ben")).isInstanceOf(SignInThrottle.Verdict.Allowed.class);
    }

    @Test
    void anAddressTryingTooFastWaitsForTheMinuteToPass() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("10.0.0.1", "user" + i)).isInstanceOf(SignInThrottle.Verdict.Allowed.class);
        }
        now += 20_000;
        assertThat(throttle.attempt("10.0.0.1", "other")).isEqualTo(new SignInThrottle.Verdict.TooFast(40));
        assertThat(throttle.attempt("10.0.0.2", "other")).isInstanceOf(SignInThrottle.Verdict.Allowed.class);
        now += 40_000;
        assertThat(throttle.attempt("10.0.0.1", "other")).isInstanceOf(SignInThrottle.Verdict.Allowed.class);
    }
}
