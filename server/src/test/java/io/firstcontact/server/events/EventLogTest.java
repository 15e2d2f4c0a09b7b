package io.firstcontact.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static EngineInput input(long seq) {
        return new EngineInput(1, seq, 1_000 * seq, "api", null, new Command.DeadlinesDue());
    }

    private static Decision decision(long seq, boolean withFacts) {
        List<Fact> facts = withFacts ? List.of(new Fact.SessionChanged("a-" + seq, true)) : List.of();
        return new Decision(seq, facts, List.of(), Decision.NO_DEADLINE);
    }

    @Test
    void recovery_renders_only_what_the_ring_keeps_and_resumes_stay_exact() {
        EventLog log = new EventLog(3);
        for (long seq = 1; seq <= 6; seq++) {
            log.replayed(input(seq), decision(seq, seq != 5)); // entry 5 has no facts: nothing to stream
        }
        log.recovered();
        List<EventLog.Item> seen = new ArrayList<>();

        assertThat(log.completeAfter()).isEqualTo(2);
        assertThat(log.attach(1, seen::add))
                .as("the ring no longer reaches back to 1")
                .isNull();
        List<EventLog.Item> missed = log.attach(3, seen::add);
        log.committed(input(7), decision(7, true));

        assertThat(log.completeAfter()).as("3 is evicted by 7").isEqualTo(3);
        assertThat(missed).extracting(EventLog.Item::seq).containsExactly(4L, 6L);
        assertThat(missed).allSatisfy(i -> assertThat(i.committedNanos()).isZero());
        assertThat(seen).extracting(EventLog.Item::seq).containsExactly(7L);
    }

    @Test
    void the_reply_shares_the_rendering_of_the_entry_just_committed() {
        EventLog log = new EventLog(10);
        Decision d = decision(1, true);
        log.committed(input(1), d);

        assertThat(log.renderedFacts(d))
                .isEqualTo("[" + "{\"type\":\"SessionChanged\",\"agentId\":\"a-1\",\"attached\":true}" + "]");
        assertThat(log.renderedFacts(decision(1, true))).isEqualTo(log.renderedFacts(d)); // rendered afresh, same text
    }
}
