package io.firstcontact.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The random sequences behind the oracle test reach every input type (each of the channels' edges applied, not only
 * refused), every fact, every offer status, visit outcome, dial and consult outcome, and every overflow and effect.
 */
class RandomInputsCoverageTest {

    @Test
    void fixedSeedsExerciseEveryInputTypeOverflowAndOutcome() {
        TreeSet<String> seen = new TreeSet<>();
        for (long seed : OracleEquivalenceTest.FIXED) {
            RandomInputs gen = new RandomInputs(seed);
            RoutingEngine engine = RoutingEngine.create();
            List<EngineInput> pending = new ArrayList<>(gen.start());
            for (int s = 0; s < OracleEquivalenceTest.STEPS; s++) {
                EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
                Decision d = engine.apply(in);
                seen.add("input " + in.command().type());
                if (!d.refused()) {
                    seen.add("applied " + in.command().type());
                }
                for (Fact f : d.facts()) {
                    switch (f) {
                        case Fact.CallbackDialled c -> {
                            seen.add("fact CallbackDialled");
                            seen.add("dial " + c.outcome());
                        }
                        case Fact.ConsultEnded c -> {
                            seen.add("fact ConsultEnded");
                            seen.add("consult " + c.outcome());
                        }
                        case Fact.InteractionEnded e -> {
                            seen.add("fact InteractionEnded");
                            seen.add("end " + e.reason());
                        }
                        case Fact.OfferStatusChanged o -> seen.add("offer " + o.status());
                        case Fact.VisitEnded v -> seen.add("visit " + v.outcome());
                        case Fact.OverflowApplied o -> seen.add("overflow " + o.trigger() + " " + o.action());
                        default -> seen.add("fact " + f.getClass().getSimpleName());
                    }
                }
                for (Effect e : d.effects()) {
                    seen.add("effect " + e.getClass().getSimpleName());
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (Class<?> c : Command.class.getPermittedSubclasses()) {
            expected.add("input " + c.getSimpleName());
        }
        for (Class<?> f : Fact.class.getPermittedSubclasses()) {
            if (f != Fact.OfferStatusChanged.class && f != Fact.VisitEnded.class && f != Fact.OverflowApplied.class) {
                expected.add("fact " + f.getSimpleName());
            }
        }
        for (OfferStatus s : OfferStatus.values()) {
            if (s != OfferStatus.RESERVED) {
                expected.add("offer " + s);
            }
        }
        for (VisitOutcome o : List.of(
                VisitOutcome.ANSWERED,
                VisitOutcome.ABANDONED,
                VisitOutcome.ABANDONED_WHILE_ALERTING,
                VisitOutcome.TRANSFERRED_OUT,
                VisitOutcome.OVERFLOWED_OUT,
                VisitOutcome.SELF_SERVED,
                VisitOutcome.CALLBACK_CONVERTED,
                VisitOutcome.CLOSED,
                VisitOutcome.LOST_DURING_OUTAGE)) {
            expected.add("visit " + o);
        }
        for (OverflowTrigger t : OverflowTrigger.values()) {
            for (OverflowAction a : OverflowAction.values()) {
                if (!(t == OverflowTrigger.CLOSED && a == OverflowAction.WIDEN)) {
                    expected.add("overflow " + t + " " + a);
                }
            }
        }
        for (DialOutcome o : DialOutcome.values()) {
            expected.add("dial " + o);
        }
        for (ConsultOutcome o : ConsultOutcome.values()) {
            expected.add("consult " + o);
        }
        expected.add("end " + EndReason.CALLBACK_FAILED);
        expected.add("end " + EndReason.LOST_DURING_OUTAGE);
        for (Class<?> c : Effect.class.getPermittedSubclasses()) {
            expected.add("effect " + c.getSimpleName());
        }
        for (String applied : List.of(
                "DeviceStateChanged",
                "RequestCallback",
                "CallbackDialOutcome",
                "ScheduleCallback",
                "Park",
                "Resume",
                "CustomerDisconnected",
                "CustomerReconnected",
                "StartConsult",
                "EndConsult",
                "SourceInventory",
                "IdentifyCustomer")) {
            expected.add("applied " + applied);
        }
        assertThat(seen).containsAll(expected);
    }
}
