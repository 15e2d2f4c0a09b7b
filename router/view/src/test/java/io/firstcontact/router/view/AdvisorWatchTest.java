package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The view names every advisor a fact changes ({@link LiveView#watchAdvisors}): over long random sequences of every
 * input type, each advisor whose state as {@link AgentState} shows it differs after an input (presence, pending
 * presence, session, profiles, skills, and the work they hold with its channel and status) was named while that input
 * was applied.
 */
class AdvisorWatchTest {
    private static final int STEPS = 3_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void everyAdvisorWhoseStateChangedIsNamed(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        LiveView view = new LiveView(ViewOptions.DEFAULT, engine::position);
        Set<String> named = new HashSet<>();
        view.watchAdvisors(named::add);
        List<EngineInput> pending = new ArrayList<>(gen.start());
        Map<String, String> before = states(view);
        int changes = 0;
        for (int step = 0; step < STEPS; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            named.clear();
            view.committed(in, d);
            Map<String, String> after = states(view);
            for (Map.Entry<String, String> e : after.entrySet()) {
                if (!e.getValue().equals(before.get(e.getKey()))) {
                    changes++;
                    assertThat(named)
                            .as("seed %d step %d: %s changed by %s", seed, step, e.getKey(), in)
                            .contains(e.getKey());
                }
            }
            before = after;
        }
        assertThat(changes).as("advisors' changes seen").isGreaterThan(STEPS / 10);
    }

    /** Each advisor's state as AgentState shows it, work included. */
    private static Map<String, String> states(LiveView view) {
        Map<String, String> out = new HashMap<>();
        for (AgentView v : view.agents()) {
            AgentState a = view.agentState(v.agentId());
            StringBuilder s = new StringBuilder(v.toString());
            a.forEachWork((channel, offer, wrapUp) -> s.append(" | ")
                    .append(channel)
                    .append(offer ? " offer" : "")
                    .append(wrapUp ? " wrap-up" : ""));
            out.put(v.agentId(), s.toString());
        }
        return out;
    }
}
