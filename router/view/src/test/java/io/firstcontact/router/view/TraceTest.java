package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.CHAT;
import static io.firstcontact.router.view.ViewCentre.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void theTraceListsEveryCommittedEntryThatTouchedTheInteraction() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        f.agent("a2", "chatOnly");
        f.login("a1", true);
        List<String> expected = new ArrayList<>();

        f.arrive("c1", CHAT); // created and offered to a1 in one entry
        expected.add(f.lastEntry());
        String o1 = f.offerFor("c1");
        f.arrive("other", SALES); // someone else's entry
        String unrelated = f.lastEntry();
        f.deliver(o1); // names only the offer
        expected.add(f.lastEntry());

        List<Decision> fired = f.advance(30_000); // the offer rings out: a deadline, not a command on c1
        assertThat(fired).hasSize(1);
        assertThat(fired.getFirst().facts())
                .contains(new Fact.OfferStatusChanged(o1, "c1", "a1", OfferStatus.TIMED_OUT, "RONA"));
        String deadline = f.lastEntry();
        expected.add(deadline);

        Decision late = f.accept(o1); // refused, but it was about c1's offer
        assertThat(late.effects().getFirst()).isInstanceOf(Effect.Refused.class);
        assertThat(((Effect.Refused) late.effects().getFirst()).reason()).isEqualTo(Refusal.CONFLICT);
        expected.add(f.lastEntry());

        f.login("a2", true); // an advisor's input that offers c1 to them
        expected.add(f.lastEntry());
        String o2 = f.offerFor("c1");
        f.accept(o2);
        expected.add(f.lastEntry());
        f.end("c1");
        expected.add(f.lastEntry());
        f.apply(new Command.ExtendWrapUp(o2, 5_000)); // names only the assignment
        expected.add(f.lastEntry());
        f.advance(15_000); // wrap-up ends by deadline: the fact names only the assignment
        expected.add(f.lastEntry());
        assertThat(f.view.assignment(o2).orElseThrow().endedAt()).isEqualTo(f.now());

        Trace trace = f.view.trace("c1").orElseThrow();
        assertThat(trace.entryIds()).containsExactlyElementsOf(expected);
        assertThat(trace.entryIds()).contains(deadline).doesNotContain(unrelated);
        assertThat(trace.earlierDropped()).isZero();
        assertThat(f.view.interaction("c1").orElseThrow().phase()).isEqualTo(Phase.ENDED);
        assertThat(f.view.trace("other").orElseThrow().entryIds()).containsExactly(unrelated);
        assertThat(f.view.trace("nobody")).isEmpty();
    }

    @Test
    void aRetryOfACreationIsTracedOnTheInteractionItNames() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.arrive("c1", CHAT);
        String created = f.lastEntry();
        f.arrive("c1", CHAT); // the same source object again: AlreadyExists
        assertThat(f.driver.last().effects()).containsExactly(new Effect.AlreadyExists("c1"));
        assertThat(f.view.trace("c1").orElseThrow().entryIds()).containsExactly(created, f.lastEntry());
    }

    /**
     * Every id-naming component of every fact and effect is read, found by name: a type added to the engine later
     * is covered without a change to the view. Each record is built with a distinct value in each String component.
     */
    @Test
    void everyIdNamingComponentOfEveryFactAndEffectIsRead() throws ReflectiveOperationException {
        int covered = 0;
        for (Class<?> sealed : List.of(Fact.class, Effect.class)) {
            for (Class<?> type : sealed.getPermittedSubclasses()) {
                RecordComponent[] components = type.getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                List<String> expected = new ArrayList<>();
                for (int k = 0; k < components.length; k++) {
                    RecordComponent c = components[k];
                    types[k] = c.getType();
                    args[k] = sample(c);
                    if (c.getType() == String.class
                            && List.of("interactionId", "offerId", "assignmentId")
                                    .contains(c.getName())) {
                        expected.add(c.getName() + "=" + args[k]);
                    }
                }
                Object value = type.getDeclaredConstructor(types).newInstance(args);
                List<String> read = new ArrayList<>();
                Mentions.of(value, (kind, id) -> read.add(name(kind) + "=" + id));
                assertThat(read).as(type.getSimpleName()).containsExactlyElementsOf(expected);
                covered += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(covered).isGreaterThan(15);
    }

    @Test
    void commandsAreReadByTheirComponentNamesToo() {
        List<String> read = new ArrayList<>();
        Mentions.Sink sink = (kind, id) -> read.add(name(kind) + "=" + id);
        Mentions.of(new Command.EndWrapUp("as1"), sink);
        Mentions.of(new Command.OfferDelivered("o1"), sink);
        Mentions.of(new Command.Park("i1"), sink);
        Mentions.of(new Command.DeadlinesDue(), sink);
        Mentions.of(new Command.SessionLost("a1"), sink);
        assertThat(read).containsExactly("assignmentId=as1", "offerId=o1", "interactionId=i1");
    }

    private static String name(Mentions.Kind kind) {
        return switch (kind) {
            case INTERACTION -> "interactionId";
            case OFFER -> "offerId";
            case ASSIGNMENT -> "assignmentId";
        };
    }

    private static Object sample(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return c.getName() + "-value";
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == List.class) {
            return List.of();
        }
        return null;
    }
}
