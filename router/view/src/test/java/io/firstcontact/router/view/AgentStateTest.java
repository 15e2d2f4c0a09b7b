package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An advisor read in place says what their copied view says, and their work as it goes from offer to wrap-up. */
class AgentStateTest {

    private static List<String> work(AgentState a) {
        List<String> out = new ArrayList<>();
        a.forEachWork(
                (channel, offer, wrapUp) -> out.add(channel + (offer ? " offer" : wrapUp ? " in wrap-up" : " active")));
        return out;
    }

    @Test
    void anAdvisorReadInPlaceFollowsTheirWorkFromOfferToWrapUp() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        f.login("a1", true);
        assertThat(work(f.view.agentState("a1"))).isEmpty();

        f.arrive("c1", CHAT);
        assertThat(work(f.view.agentState("a1"))).containsExactly("chat offer");
        f.accept(f.offerFor("c1"));
        assertThat(work(f.view.agentState("a1"))).containsExactly("chat active");
        f.end("c1");
        assertThat(work(f.view.agentState("a1"))).containsExactly("chat in wrap-up");
    }

    @Test
    void anAdvisorReadInPlaceSaysWhatTheirViewSays() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        f.login("a1", true);
        f.arrive("c1", CHAT);
        f.accept(f.offerFor("c1"));
        f.notReady("a1", "BREAK"); // work is open: pending

        AgentState a = f.view.agentState("a1");
        AgentView v = f.view.agent("a1").orElseThrow();
        assertThat(a.agentId()).isEqualTo(v.agentId());
        assertThat(a.utilisationProfile()).isEqualTo(v.utilisationProfile());
        assertThat(a.routingProfile()).isEqualTo(v.routingProfile());
        assertThat(a.skills()).isEqualTo(v.skills());
        assertThat(a.presence()).isEqualTo(v.presence());
        assertThat(a.reason()).isEqualTo(v.reason());
        assertThat(a.pendingPresence()).isEqualTo(v.pendingPresence()).isNotNull();
        assertThat(a.pendingReason()).isEqualTo(v.pendingReason());
        assertThat(a.sessionAttached()).isEqualTo(v.sessionAttached());
    }

    @Test
    void anUnknownAdvisorReadsAsNull() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());

        assertThat(f.view.agentState("nobody")).isNull();
    }
}
