package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The steady cycle: every advisor busy, a constant number waiting. One turn frees the advisor longest in wrap-up,
 * who is offered the best waiting interaction at once; the offer is accepted; the advisor longest on a call ends it
 * and starts wrap-up; a new call arrives in the queue the offered one left, and waits (nobody is free). Waiting per
 * queue, busy advisors and the split talking / wrap-up stay constant, so every turn meets the same state.
 *
 * <p>Each input is built by {@link #prepare()} and absorbed by {@link #absorb}, so a benchmark can time exactly one
 * {@code engine.apply}. Every decision is checked: a turn that stops being steady throws.
 */
public final class SteadyCycle {
    /** One kind of input in a turn. */
    public enum Step {
        /** NOT_READY asked for by an advisor in wrap-up: pending until the wrap-up ends. */
        NOT_READY,
        /** The advisor ends wrap-up early (EndWrapUp): free, offered the best waiting interaction. */
        WRAP_END,
        /** The wrap-up timer fires (DeadlinesDue at its instant): free, offered. */
        DEADLINE,
        /** NOT_READY → READY of a free advisor: offered at once. */
        READY,
        /** The offer is accepted: an assignment starts. */
        ACCEPT,
        /** The call on the longest-talking advisor ends: wrap-up starts. */
        END,
        /** A new call arrives and waits. */
        ARRIVAL
    }

    /** The order of a turn. */
    public enum Flavour {
        PLAIN(Step.WRAP_END, Step.ACCEPT, Step.END, Step.ARRIVAL),
        READY(Step.NOT_READY, Step.WRAP_END, Step.READY, Step.ACCEPT, Step.END, Step.ARRIVAL),
        TIMER(Step.DEADLINE, Step.ACCEPT, Step.END, Step.ARRIVAL);

        final Step[] steps;

        Flavour(Step... steps) {
            this.steps = steps;
        }

        public int length() {
            return steps.length;
        }
    }

    private record Busy(String agentId, String interactionId, String assignmentId) {}

    private final Workload workload;
    private final Feeder feeder;
    private final ArrayDeque<Busy> talking = new ArrayDeque<>();
    private final ArrayDeque<Busy> wrapping = new ArrayDeque<>();
    private Flavour flavour = Flavour.PLAIN;
    private int position;
    private Step prepared;
    private Busy current;
    private Effect.OfferToAgent offer;
    private int lastQueue;

    SteadyCycle(Workload workload, Feeder feeder) {
        this.workload = workload;
        this.feeder = feeder;
    }

    public Feeder feeder() {
        return feeder;
    }

    public Workload workload() {
        return workload;
    }

    public int waitingInWrapUp() {
        return wrapping.size();
    }

    /** Choose the turn's order; the timer flavour keeps engine time still except to jump to each deadline. */
    public SteadyCycle flavour(Flavour f) {
        if (position != 0 || prepared != null) {
            throw new IllegalStateException("change the flavour between turns");
        }
        this.flavour = f;
        feeder.stepMillis(f == Flavour.TIMER ? 0 : 1);
        return this;
    }

    public Step peek() {
        return flavour.steps[position];
    }

    /** Apply inputs until the next one is of kind {@code step}. */
    public void advanceTo(Step step) {
        while (peek() != step) {
            step();
        }
    }

    /** Prepare, apply and absorb the next input. */
    public Decision step() {
        EngineInput in = prepare();
        Decision d = feeder.engine().apply(in);
        absorb(d);
        return d;
    }

    /** Apply one whole turn. */
    public void turn() {
        for (int k = 0; k < flavour.steps.length; k++) {
            step();
        }
    }

    /** Build and stamp the next input of the turn. */
    public EngineInput prepare() {
        Step s = peek();
        prepared = s;
        return switch (s) {
            case NOT_READY -> {
                current = wrapping.peekFirst();
                yield feeder.stamp(new Command.ChangePresence(
                        current.agentId(), PresenceState.NOT_READY, "BREAK", Actor.agent(current.agentId()), false));
            }
            case WRAP_END -> {
                current = wrapping.pollFirst();
                yield feeder.stamp(new Command.EndWrapUp(current.assignmentId()));
            }
            case DEADLINE -> {
                current = wrapping.pollFirst();
                feeder.moveTo(feeder.engine().nextDeadline());
                yield feeder.stamp(new Command.DeadlinesDue());
            }
            case READY ->
                feeder.stamp(new Command.ChangePresence(
                        current.agentId(), PresenceState.READY, null, Actor.agent(current.agentId()), false));
            case ACCEPT -> feeder.stamp(new Command.AcceptOffer(offer.offerId(), Actor.SYSTEM));
            case END -> {
                current = talking.pollFirst();
                yield feeder.stamp(new Command.EndInteraction(current.interactionId(), EndReason.COMPLETED));
            }
            case ARRIVAL -> feeder.stamp(workload.arrival(lastQueue));
        };
    }

    /** Record what the prepared input did, and check it kept the state steady. */
    public void absorb(Decision d) {
        Step s = prepared;
        prepared = null;
        position = (position + 1) % flavour.steps.length;
        Workload.check(d, s.name());
        switch (s) {
            case NOT_READY -> Workload.noOffer(d);
            case WRAP_END -> {
                if (flavour == Flavour.READY) {
                    Workload.noOffer(d);
                } else {
                    offered(d, s);
                }
            }
            case DEADLINE -> {
                int ended = 0;
                for (Fact f : d.facts()) {
                    if (f instanceof Fact.AssignmentEnded e) {
                        if (!e.assignmentId().equals(current.assignmentId())) {
                            throw new IllegalStateException("the timer ended " + e + ", not " + current);
                        }
                        ended++;
                    }
                }
                if (ended != 1) {
                    throw new IllegalStateException("the timer ended " + ended + " wrap-ups, not one");
                }
                offered(d, s);
            }
            case READY -> offered(d, s);
            case ACCEPT -> accepted(d, offer);
            case END -> {
                wrapping.addLast(current);
                if (flavour != Flavour.TIMER && d.nextDeadlineAt() <= feeder.now()) {
                    throw new IllegalStateException("a deadline fell due in a cycle that fires none");
                }
            }
            case ARRIVAL -> Workload.noOffer(d);
        }
    }

    private void offered(Decision d, Step s) {
        offer = Workload.onlyOffer(d, s + " of " + current.agentId());
        if (!offer.agentId().equals(current.agentId())) {
            throw new IllegalStateException("offered to " + offer.agentId() + ", not " + current.agentId());
        }
        lastQueue = queueIndex(offer.queue());
    }

    private static int queueIndex(String queueId) {
        return Integer.parseInt(queueId.substring(1));
    }

    void accepted(Decision d, Effect.OfferToAgent o) {
        Workload.check(d, "accept");
        List<Effect> effects = d.effects();
        if (effects.isEmpty() || !(effects.getFirst() instanceof Effect.Connect)) {
            throw new IllegalStateException("accept did not connect: " + effects);
        }
        talking.addLast(new Busy(o.agentId(), o.interactionId(), o.offerId()));
    }

    /** During set-up: end the call of the advisor longest on one, starting their wrap-up. */
    void endOne() {
        Busy b = talking.pollFirst();
        Decision d = feeder.apply(new Command.EndInteraction(b.interactionId(), EndReason.COMPLETED));
        Workload.check(d, "end");
        wrapping.addLast(b);
    }
}
