package io.firstcontact.desktop.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offers' reasons told from the advisors' classes kept across offers say, word for word, what reading every advisor's
 * state at each offer says: over long random sequences of every input type (the router's seeded generator, with
 * presence, sessions, capacity, configuration changes and skills), and across a restore from a snapshot halfway.
 */
class AdvisorClassesTest {
    private static final int STEPS = 5_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void theKeptClassesTellTheSameReasonsAsReadingEveryAdvisor(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        Pair pair = new Pair(engine, null);
        Set<String> contacts = new LinkedHashSet<>();
        List<EngineInput> pending = new ArrayList<>(gen.start());
        int offers = 0;
        for (int step = 0; step < STEPS; step++) {
            if (step == STEPS / 2) {
                pair = new Pair(engine, engine.snapshot());
            }
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            pair.committed(in, d);
            for (Fact f : d.facts()) {
                if (f instanceof Fact.OfferCreated o) {
                    contacts.add(o.interactionId());
                    offers++;
                }
            }
            for (String id : contacts) {
                assertThat(pair.indexed.story(id))
                        .as("seed %d step %d, the story of %s after %s", seed, step, id, in)
                        .isEqualTo(pair.reference.story(id));
            }
        }
        assertThat(offers).as("offers explained").isGreaterThan(100);
    }

    /** Two read models fed the same entries, one with each kind of stories. */
    private static final class Pair {
        final LiveView indexedView;
        final LiveView referenceView;
        final ContactStories indexed;
        final ContactStories reference;

        Pair(RoutingEngine engine, EngineSnapshot from) {
            indexedView = new LiveView(ViewOptions.DEFAULT, engine::position);
            referenceView = new LiveView(ViewOptions.DEFAULT, engine::position);
            indexed = new ContactStories(indexedView, Function.identity(), 1_000, true);
            reference = new ContactStories(referenceView, Function.identity(), 1_000, false);
            if (from != null) {
                indexedView.restore(from);
                referenceView.restore(from);
                indexed.restore(from);
                reference.restore(from);
            }
        }

        void committed(EngineInput in, Decision d) {
            indexedView.committed(in, d);
            referenceView.committed(in, d);
            indexed.committed(in, d);
            reference.committed(in, d);
        }
    }
}
