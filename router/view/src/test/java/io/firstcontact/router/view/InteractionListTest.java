package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.BILLING;
import static io.firstcontact.router.view.ViewCentre.CHAT;
import static io.firstcontact.router.view.ViewCentre.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing and searching interactions: live and retained ended ones, filtered, in arrival order, page by page. */
class InteractionListTest {
    private static List<String> ids(InteractionPage page) {
        return page.items().stream().map(InteractionView::interactionId).toList();
    }

    private static InteractionFilter phases(Phase... phases) {
        return new InteractionFilter(Set.of(phases), null, null, null, null, null, null);
    }

    private static Feed centre() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.agent("a2", "all");
        return f;
    }

    @Test
    void liveAndRecentlyEndedInteractionsAreListedInArrivalOrder() {
        Feed f = centre();
        f.arrive("i-b", BILLING);
        f.advance(1_000);
        f.arrive("i-a", SALES);
        f.advance(1_000);
        f.arrive("i-c", CHAT);
        f.hangUp("i-a");

        InteractionPage all = f.view.interactions(InteractionFilter.ALL, null, 10);

        assertThat(ids(all)).containsExactly("i-b", "i-a", "i-c");
        assertThat(all.items().get(1).phase()).isEqualTo(Phase.ENDED);
        assertThat(all.nextCursor()).isNull();
    }

    @Test
    void phaseQueueAndChannelNarrowTheList() {
        Feed f = centre();
        f.arrive("i1", BILLING);
        f.arrive("i2", SALES);
        f.arrive("i3", CHAT);
        f.hangUp("i2");
        f.login("a1", true); // i1 is offered

        assertThat(ids(f.view.interactions(phases(Phase.OFFERED), null, 10))).containsExactly("i1");
        assertThat(ids(f.view.interactions(phases(Phase.QUEUED, Phase.ENDED), null, 10)))
                .containsExactly("i2", "i3");
        assertThat(ids(f.view.interactions(
                        new InteractionFilter(Set.of(), SALES, null, null, null, null, null), null, 10)))
                .containsExactly("i2");
        assertThat(ids(f.view.interactions(
                        new InteractionFilter(Set.of(), null, "chat", null, null, null, null), null, 10)))
                .containsExactly("i3");
    }

    @Test
    void customerReferenceFindsThatCustomersInteractions() {
        Feed f = centre();
        f.apply(new Command.CreateInteraction(
                "i1", "voice", Direction.INBOUND, "pbx:1", null, "cust-7", Attributes.NONE, QueueRequest.to(BILLING)));
        f.arrive("i2", BILLING);
        f.apply(new Command.CreateInteraction(
                "i3", "chat", Direction.INBOUND, "web:3", null, "cust-7", Attributes.NONE, QueueRequest.to(CHAT)));

        var page =
                f.view.interactions(new InteractionFilter(Set.of(), null, null, "cust-7", null, null, null), null, 10);

        assertThat(ids(page)).containsExactly("i1", "i3");
    }

    @Test
    void aCallerIdentifiedAfterArrivalIsFoundByTheirReference() {
        Feed f = centre();
        f.arrive("i1", BILLING); // a call: no customerRef from the edge
        f.apply(new Command.IdentifyCustomer("i1", "cust-7"));

        var page =
                f.view.interactions(new InteractionFilter(Set.of(), null, null, "cust-7", null, null, null), null, 10);

        assertThat(ids(page)).containsExactly("i1");
        assertThat(page.items().getFirst().customerRef()).isEqualTo("cust-7");
    }

    @Test
    void arrivalRangeIncludesItsStartAndExcludesItsEnd() {
        Feed f = centre();
        long t0 = f.now();
        f.arrive("i1", BILLING);
        f.advance(1_000);
        f.arrive("i2", BILLING);
        f.advance(1_000);
        f.arrive("i3", BILLING);

        var page = f.view.interactions(
                new InteractionFilter(Set.of(), null, null, null, t0 + 1_000, t0 + 2_000, null), null, 10);

        assertThat(ids(page)).containsExactly("i2");
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatWhileNewInteractionsArrive() {
        Feed f = centre();
        for (int i = 0; i < 5; i++) {
            f.arrive("i" + i, BILLING);
            f.advance(100);
        }
        List<String> seen = new ArrayList<>();
        InteractionPage page = f.view.interactions(InteractionFilter.ALL, null, 2);
        seen.addAll(ids(page));
        f.arrive("i5", BILLING); // arrives while the pages are read: it comes last
        while (page.nextCursor() != null) {
            page = f.view.interactions(InteractionFilter.ALL, page.nextCursor(), 2);
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactly("i0", "i1", "i2", "i3", "i4", "i5");
    }

    @Test
    void lastPageOfAFilteredListHasNoNextCursor() {
        Feed f = centre();
        f.arrive("i1", BILLING);
        f.arrive("i2", SALES);
        f.arrive("i3", BILLING);
        f.arrive("i4", SALES);

        var first =
                f.view.interactions(new InteractionFilter(Set.of(), BILLING, null, null, null, null, null), null, 1);
        var second = f.view.interactions(
                new InteractionFilter(Set.of(), BILLING, null, null, null, null, null), first.nextCursor(), 1);

        assertThat(ids(first)).containsExactly("i1");
        assertThat(ids(second)).containsExactly("i3");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void anAdvisorSeesOnlyTheInteractionsOfferedToThem() {
        Feed f = centre();
        f.arrive("i1", BILLING);
        f.arrive("i2", BILLING);
        f.login("a1", true); // offered i1; i2 waits while a1 is on it
        f.accept(f.offerFor("i1"));

        InteractionFilter mine = InteractionFilter.ALL.withOfferedTo("a1");

        assertThat(ids(f.view.interactions(mine, null, 10))).containsExactly("i1");
        assertThat(ids(f.view.interactions(InteractionFilter.ALL.withOfferedTo("a2"), null, 10)))
                .isEmpty();
    }

    @Test
    void anEndedInteractionDroppedByRetentionIsNoLongerListed() {
        Feed f = new Feed(ViewOptions.DEFAULT.withRetention(1, 10, 10, 100));
        f.configure(ViewCentre.config());
        f.arrive("i1", BILLING);
        f.arrive("i2", BILLING);
        f.arrive("i3", BILLING);
        f.hangUp("i1");
        f.hangUp("i2"); // retention keeps one ended interaction: i1 is dropped

        assertThat(ids(f.view.interactions(InteractionFilter.ALL, null, 10))).containsExactly("i2", "i3");
    }

    @Test
    void aCursorThatIsNotOneIsRefused() {
        Feed f = centre();

        assertThatThrownBy(() -> f.view.interactions(InteractionFilter.ALL, "not a cursor", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
