package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected waits as the view shows them, from answers the engine committed at deterministic times. */
class ExpectedWaitViewTest {

    @Test
    void waitingCallersGetTheirPositionTimesTheIntervalBetweenAnswers() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.login("a1", true);
        for (int k = 0; k < 5; k++) { // answered every 20 s
            f.arrive("i" + k, SALES);
            f.accept(f.offerFor("i" + k));
            if (k < 4) {
                f.advance(20_000);
                f.end("i" + k);
            }
        }
        f.arrive("w1", SALES);
        f.arrive("w2", SALES);
        f.arrive("w3", SALES);

        List<WaitingEntry> waiting =
                f.view.waiting(SALES, null, 10).orElseThrow().entries();
        assertThat(waiting).extracting(WaitingEntry::interactionId).containsExactly("w1", "w2", "w3");
        assertThat(waiting).extracting(WaitingEntry::expectedWaitMillis).containsExactly(20_000L, 40_000L, 60_000L);
        assertThat(f.view.queue(SALES).orElseThrow().expectedWaitMillis()).isEqualTo(80_000L);
        assertThat(f.view.interaction("w2").orElseThrow().expectedWaitMillis()).isEqualTo(40_000L);
    }

    @Test
    void withoutRecentAnswersTheWaitComesFromHandleTimeOverStaffedAdvisors() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.agent("a2", "all");
        f.login("a1", false); // logged in but not ready: staffing, not taking calls
        f.login("a2", false);
        f.arrive("w1", SALES);
        f.arrive("w2", SALES);
        assertThat(f.view.queue(SALES).orElseThrow().staffed()).isEqualTo(2);
        // 180 s voice default, no wrap-up in sales, two advisors: 90 s a place.
        assertThat(f.view.waiting(SALES, null, 10).orElseThrow().entries())
                .extracting(WaitingEntry::expectedWaitMillis)
                .containsExactly(90_000L, 180_000L);
        assertThat(f.view.queue(SALES).orElseThrow().expectedWaitMillis())
                .as("clamped to the 200 s maximum wait")
                .isEqualTo(ViewCentre.SALES_MAX_WAIT);

        f.ready("a1"); // answers w1; it lasts 60 s: the measured AHT
        f.accept(f.offerFor("w1"));
        f.notReady("a1", "BREAK"); // pending until the call ends
        f.advance(60_000);
        f.end("w1");
        assertThat(f.view.waiting(SALES, null, 10).orElseThrow().entries())
                .extracting(WaitingEntry::expectedWaitMillis)
                .containsExactly(30_000L);
    }

    @Test
    void anUnstaffedOrClosedQueueAnnouncesNoWait() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("c1", "chatOnly");
        f.login("c1", false); // logged in, but does not take sales
        f.arrive("w1", SALES);
        QueueView q = f.view.queue(SALES).orElseThrow();
        assertThat(q.staffed()).isZero();
        assertThat(q.expectedWaitMillis()).isNull();
        assertThat(f.view.waiting(SALES, null, 10)
                        .orElseThrow()
                        .entries()
                        .getFirst()
                        .expectedWaitMillis())
                .isNull();
        assertThat(f.view.interaction("w1").orElseThrow().expectedWaitMillis()).isNull();

        f.agent("a1", "all");
        f.login("a1", false);
        assertThat(f.view.queue(SALES).orElseThrow().expectedWaitMillis()).isNotNull();
        f.apply(new Command.CloseQueue(SALES));
        assertThat(f.view.queue(SALES).orElseThrow().expectedWaitMillis()).isNull();

        f.logout("a1"); // on the way out no longer counts as staffing
        assertThat(f.view.queue(SALES).orElseThrow().staffed()).isZero();
    }
}
