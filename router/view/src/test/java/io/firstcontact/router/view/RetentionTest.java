package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.CHAT;
import static io.firstcontact.router.view.ViewCentre.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Attributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What has ended is kept only up to its bound; what is live always. */
class RetentionTest {
    static final ViewOptions SMALL = ViewOptions.DEFAULT.withRetention(3, 2, 2, 4);

    @Test
    void onlyTheLastEndedInteractionsAreKeptWithTheirTraces() {
        Feed f = new Feed(SMALL);
        f.configure(ViewCentre.config());
        for (int k = 0; k < 6; k++) {
            f.arrive("i" + k, SALES);
            f.hangUp("i" + k);
        }
        for (int k = 0; k < 3; k++) {
            assertThat(f.view.interaction("i" + k)).as("i%d", k).isEmpty();
            assertThat(f.view.trace("i" + k)).isEmpty();
        }
        for (int k = 3; k < 6; k++) {
            assertThat(f.view.interaction("i" + k)).as("i%d", k).isPresent();
        }
    }

    @Test
    void liveInteractionsAreNeverDropped() {
        Feed f = new Feed(SMALL);
        f.configure(ViewCentre.config());
        for (int k = 0; k < 10; k++) {
            f.arrive("i" + k, SALES);
        }
        f.arrive("gone", SALES);
        f.hangUp("gone");
        for (int k = 0; k < 10; k++) {
            assertThat(f.view.interaction("i" + k)).isPresent();
        }
        assertThat(f.view.queue(SALES).orElseThrow().waiting()).isEqualTo(10);
    }

    @Test
    void onlyTheLastTerminalOffersAndEndedAssignmentsAreKept() {
        Feed f = new Feed(SMALL);
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        f.login("a1", true);
        List<String> offers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            f.arrive("c" + k, CHAT);
            String o = f.offerFor("c" + k);
            offers.add(o);
            f.accept(o);
            f.end("c" + k);
            f.apply(new Command.EndWrapUp(o));
        }
        assertThat(f.view.offer(offers.get(0))).isEmpty();
        assertThat(f.view.offer(offers.get(1))).isEmpty();
        assertThat(f.view.offer(offers.get(2))).isPresent();
        assertThat(f.view.offer(offers.get(3))).isPresent();
        assertThat(f.view.assignment(offers.get(1))).isEmpty();
        assertThat(f.view.assignment(offers.get(3))).isPresent();

        f.arrive("live", CHAT); // a live offer is kept whatever the bound
        assertThat(f.view.offer(f.offerFor("live"))).isPresent();
    }

    @Test
    void aLongTraceKeepsItsNewestEntriesAndCountsTheDropped() {
        Feed f = new Feed(SMALL);
        f.configure(ViewCentre.config());
        f.arrive("i1", SALES);
        List<String> entries = new ArrayList<>();
        entries.add(f.lastEntry());
        for (int k = 0; k < 5; k++) {
            f.apply(new Command.UpdateAttributes("i1", Attributes.of("step", "s" + k)));
            entries.add(f.lastEntry());
        }
        Trace trace = f.view.trace("i1").orElseThrow();
        assertThat(trace.entryIds()).containsExactlyElementsOf(entries.subList(2, 6));
        assertThat(trace.earlierDropped()).isEqualTo(2);
    }
}
