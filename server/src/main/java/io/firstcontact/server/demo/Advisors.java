package io.firstcontact.server.demo;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ActorKind;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.PresenceState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The demo's advisors at their desks: they log in, answer offers after a human moment (now and then letting one ring
 * out or rejecting it), talk or type for the resident's handle time, end the interaction, sometimes cut wrap-up short
 * or ask for more, and take breaks. They come back from pauses the system or a supervisor imposed, so the demo keeps
 * running whatever is done to it.
 */
final class Advisors {
    /** What the demo knows of one advisor, learnt from committed decisions. */
    private static final class Advisor {
        final String id;
        final Actor actor;
        PresenceState presence = PresenceState.LOGGED_OUT;
        String reason;
        /** Counts presence changes: a timer set for one presence does nothing once another applies. */
        int presenceChanges;

        boolean breakPlanned;
        boolean hadBreak;
        DemoBehaviour.Pause requestedPause;
        long requestedPauseMillis;

        Advisor(String id) {
            this.id = id;
            this.actor = Actor.agent(id);
        }
    }

    private final Sim sim;
    private final Draws draws;
    private final DemoCentre centre;
    private final Callers callers;
    private final Map<String, Advisor> advisors = new LinkedHashMap<>();
    private final Set<String> liveOffers = new HashSet<>();
    /** Active assignments of the demo's advisors, to the interaction they serve. */
    private final Map<String, String> active = new HashMap<>();

    private final Set<String> inWrapUp = new HashSet<>();
    private final int[] pauseShares;

    Advisors(Sim sim, Draws draws, DemoCentre centre, Callers callers) {
        this.sim = sim;
        this.draws = draws;
        this.centre = centre;
        this.callers = callers;
        for (Command.DefineAgent a : centre.agents()) {
            advisors.put(a.agentId(), new Advisor(a.agentId()));
        }
        pauseShares = DemoBehaviour.PAUSES.stream()
                .mapToInt(DemoBehaviour.Pause::share)
                .toArray();
    }

    int size() {
        return advisors.size();
    }

    /** Everyone logs in over the first minutes. */
    void start() {
        for (Advisor a : advisors.values()) {
            boolean ready = draws.chance(DemoBehaviour.READY_AT_LOGIN);
            sim.after(draws.uniform(0, DemoBehaviour.LOGIN_SPREAD), () -> logIn(a, ready));
        }
    }

    private void logIn(Advisor a, boolean ready) {
        if (a.presence == PresenceState.LOGGED_OUT) {
            sim.send(new Command.LogIn(a.id, ready, a.actor));
        }
    }

    // ------------------------------------------------------------------ presence

    private void onPresence(Fact.PresenceChanged p) {
        Advisor a = advisors.get(p.agentId());
        if (a == null) {
            return;
        }
        a.presence = p.to();
        a.reason = p.reason();
        int change = ++a.presenceChanges;
        switch (p.to()) {
            case READY -> planBreak(a);
            case NOT_READY ->
                sim.after(pauseMillis(a, p), () -> {
                    if (a.presenceChanges == change) {
                        if (NotReadyReasons.DISCONNECTED.equals(a.reason)) {
                            sim.send(new Command.SessionRestored(a.id));
                        }
                        sim.send(new Command.ChangePresence(a.id, PresenceState.READY, null, a.actor, false));
                    }
                });
            case LOGGED_OUT -> {
                // The demo never logs its advisors out; someone else did, so they come back a little later.
                long away = draws.uniform(DemoBehaviour.AFTER_OTHER_MIN, DemoBehaviour.AFTER_OTHER_MAX);
                sim.after(away, () -> {
                    if (a.presenceChanges == change) {
                        logIn(a, true);
                    }
                });
            }
        }
    }

    /** How long the advisor stays not ready for this reason (real centre time). */
    private long pauseMillis(Advisor a, Fact.PresenceChanged p) {
        String why = p.reason() == null ? "" : p.reason();
        if (a.requestedPause != null
                && a.requestedPause.reason().equals(why)
                && p.actor().kind() == ActorKind.AGENT) {
            a.requestedPause = null;
            return a.requestedPauseMillis;
        }
        return switch (why) {
            case NotReadyReasons.LOGIN -> draws.uniform(DemoBehaviour.SETTLING_IN_MIN, DemoBehaviour.SETTLING_IN_MAX);
            case NotReadyReasons.RONA -> draws.uniform(DemoBehaviour.AFTER_RONA_MIN, DemoBehaviour.AFTER_RONA_MAX);
            case NotReadyReasons.REJECTS ->
                draws.uniform(DemoBehaviour.AFTER_REJECTS_MIN, DemoBehaviour.AFTER_REJECTS_MAX);
            default -> draws.uniform(DemoBehaviour.AFTER_OTHER_MIN, DemoBehaviour.AFTER_OTHER_MAX);
        };
    }

    private void planBreak(Advisor a) {
        if (a.breakPlanned) {
            return;
        }
        a.breakPlanned = true;
        long in = a.hadBreak
                ? DemoBehaviour.BREAK_GAP_MIN + draws.exponential(DemoBehaviour.BREAK_GAP_MEAN)
                : draws.uniform(DemoBehaviour.FIRST_BREAK_MIN, DemoBehaviour.FIRST_BREAK_MAX);
        sim.after(in, () -> takeBreak(a));
    }

    private void takeBreak(Advisor a) {
        if (a.presence == PresenceState.LOGGED_OUT) {
            a.breakPlanned = false; // planned again at the next login
            return;
        }
        if (a.presence != PresenceState.READY) {
            sim.after(DemoBehaviour.BREAK_POSTPONED, () -> takeBreak(a));
            return;
        }
        a.breakPlanned = false;
        a.hadBreak = true;
        DemoBehaviour.Pause pause = DemoBehaviour.PAUSES.get(draws.pick(pauseShares));
        a.requestedPause = pause;
        a.requestedPauseMillis = draws.lognormal(pause.medianMillis(), DemoBehaviour.PAUSE_SPREAD);
        // With work open the break is pending: it starts when the last call or chat ends.
        sim.send(new Command.ChangePresence(a.id, PresenceState.NOT_READY, pause.reason(), a.actor, false));
    }

    // ------------------------------------------------------------------ offers

    private void onOffer(Effect.OfferToAgent o) {
        Advisor a = advisors.get(o.agentId());
        if (a == null || o.autoAccepted()) {
            return;
        }
        String offer = o.offerId();
        liveOffers.add(offer);
        sim.after(draws.uniform(DemoBehaviour.DELIVERY_MIN, DemoBehaviour.DELIVERY_MAX), () -> {
            if (liveOffers.contains(offer)) {
                sim.send(new Command.OfferDelivered(offer));
            }
        });
        double roll = draws.uniform(0.0, 1.0);
        if (roll < DemoBehaviour.RING_OUT) {
            return; // nobody picks up: the engine's offer timeout makes it a RONA
        }
        if (roll < DemoBehaviour.RING_OUT + DemoBehaviour.REJECT) {
            sim.after(draws.uniform(DemoBehaviour.REJECT_MIN, DemoBehaviour.REJECT_MAX), () -> {
                if (liveOffers.contains(offer)) {
                    sim.send(new Command.RejectOffer(offer, a.actor));
                }
            });
            return;
        }
        long answerMax =
                DemoCentre.VOICE.equals(o.channel()) ? DemoBehaviour.ANSWER_MAX : DemoBehaviour.CHAT_ANSWER_MAX;
        sim.after(draws.uniform(DemoBehaviour.ANSWER_MIN, answerMax), () -> {
            if (liveOffers.contains(offer)) {
                sim.send(new Command.AcceptOffer(offer, a.actor));
            }
        });
    }

    // ------------------------------------------------------------------ work

    private void onAssignment(Fact.AssignmentStarted as) {
        if (!advisors.containsKey(as.agentId())) {
            return;
        }
        String assignment = as.assignmentId();
        String interaction = as.interactionId();
        active.put(assignment, interaction);
        long handle = callers.handleMillis(interaction);
        if (handle < 0) {
            // Work the demo did not create (e.g. through the API): handled like the demo's own.
            long median = switch (as.channel()) {
                case DemoCentre.VOICE -> 3 * DemoBehaviour.MINUTE;
                case DemoCentre.CHAT -> DemoDemand.CHAT_MEDIAN;
                default -> DemoDemand.EMAIL_MEDIAN;
            };
            handle = draws.lognormal(median, DemoDemand.TALK_SPREAD);
        }
        sim.after(handle, () -> {
            if (active.containsKey(assignment)) {
                sim.send(new Command.EndInteraction(interaction, EndReason.COMPLETED));
            }
        });
    }

    private void onWrapUp(Fact.WrapUpStarted w, long at) {
        active.remove(w.assignmentId());
        if (!advisors.containsKey(w.agentId())) {
            return;
        }
        String assignment = w.assignmentId();
        inWrapUp.add(assignment);
        double roll = draws.uniform(0.0, 1.0);
        if (roll < DemoBehaviour.END_WRAP_UP_EARLY) {
            long wrapUp = sim.centreMillis(w.until() - at);
            sim.after(Math.round(wrapUp * draws.uniform(0.3, 0.8)), () -> {
                if (inWrapUp.contains(assignment)) {
                    sim.send(new Command.EndWrapUp(assignment));
                }
            });
        } else if (roll < DemoBehaviour.END_WRAP_UP_EARLY + DemoBehaviour.EXTEND_WRAP_UP) {
            sim.after(draws.uniform(2 * DemoBehaviour.SECOND, 10 * DemoBehaviour.SECOND), () -> {
                if (inWrapUp.contains(assignment)) {
                    long extra = centre.engineMillis(DemoBehaviour.WRAP_UP_EXTENSION);
                    sim.send(new Command.ExtendWrapUp(assignment, extra));
                }
            });
        }
    }

    // ------------------------------------------------------------------ what routing decided

    void onFact(Fact fact, long at) {
        switch (fact) {
            case Fact.PresenceChanged p -> onPresence(p);
            case Fact.OfferStatusChanged s -> {
                if (!s.status().live()) {
                    liveOffers.remove(s.offerId());
                }
            }
            case Fact.AssignmentStarted as -> onAssignment(as);
            case Fact.WrapUpStarted w -> onWrapUp(w, at);
            case Fact.AssignmentEnded e -> {
                active.remove(e.assignmentId());
                inWrapUp.remove(e.assignmentId());
            }
            default -> {}
        }
    }

    void onEffect(Effect effect) {
        if (effect instanceof Effect.OfferToAgent o) {
            onOffer(o);
        }
    }
}
