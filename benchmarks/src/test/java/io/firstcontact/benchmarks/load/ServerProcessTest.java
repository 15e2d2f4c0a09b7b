package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerProcessTest {
    @Test
    void cpuTicksAreFields14And15EvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 42 0 100 0 0";
        assertThat(ServerProcess.parseTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void tokensAreBase64UrlOf32BytesAndTheirHashIsLowercaseHex() {
        assertThat(ServerProcess.newToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(ServerProcess.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void durationsStaffingAndEntryIds() {
        assertThat(LoadGenerator.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadGenerator.duration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoadGenerator.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        int[] staff = LoadGenerator.staffing(300, 3000, 0.1, Simulation.Behaviour.DEFAULT, 0);
        // The backlog team is smaller than the backlog's offered load (30/s × 1.7 s = 51 busy advisors) ...
        assertThat(staff[1]).isLessThan(51);
        // ... the front teams cover their calls (270/s × 1.7 s) and the advisors on a break (1,500/s × 0.3 s).
        assertThat(staff[0]).isGreaterThan((int) (270 * 1.7 + 1500 * 0.3));
        assertThat(Simulation.epochOf("3-1042")).isEqualTo(3);
        assertThat(LoadGenerator.seqOf("3-1042")).isEqualTo(1042);
    }
}
