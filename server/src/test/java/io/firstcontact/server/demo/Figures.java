package io.firstcontact.server.demo;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a supervisor's wallboard would show for a run, computed from the journal alone: arrivals, service level,
 * abandons, occupancy, offers and refusals. Times are engine times; the service-level threshold is the speed's.
 */
final class Figures {
    long from;
    long to;
    int calls;
    int chats;
    int emails;
    int selfServed;
    int ivrHangUps;
    int voiceAnswered;
    int voiceAnsweredWithinSl;
    int voiceAbandoned;
    long voiceWaitTotal;
    int chatsAnswered;
    int chatsAbandoned;
    int chatsTurnedAway;
    int emailsAnswered;
    int offers;
    int ronas;
    int rejects;
    int breaks;
    int wrapUpsEndedEarly;
    final Map<String, Integer> refusedDemoCommands = new TreeMap<>();
    final TreeSet<String> loggedIn = new TreeSet<>();
    final TreeMap<String, Long> created = new TreeMap<>();
    final TreeSet<String> connected = new TreeSet<>();
    final TreeSet<String> ended = new TreeSet<>();
    private final Map<String, Agent> agents = new TreeMap<>();
    private long busyMillis;
    private long staffedMillis;

    private static final class Agent {
        PresenceState presence = PresenceState.LOGGED_OUT;
        int work;
    }

    static Figures of(List<EngineInput> inputs, List<Decision> decisions, long slThresholdMillis) {
        Figures f = new Figures();
        f.from = inputs.getFirst().at();
        f.to = inputs.getLast().at();
        long last = f.from;
        for (int k = 0; k < inputs.size(); k++) {
            EngineInput in = inputs.get(k);
            Decision d = decisions.get(k);
            f.accumulate(in.at() - last);
            last = in.at();
            if (d.refused() && in.source().equals("demo")) {
                Effect.Refused r = (Effect.Refused) d.effects().getFirst();
                f.refusedDemoCommands.merge(in.command().type() + " " + r.reason(), 1, Integer::sum);
            }
            if (in.command() instanceof Command.EndWrapUp && !d.refused()) {
                f.wrapUpsEndedEarly++;
            }
            for (Fact fact : d.facts()) {
                f.fact(fact, in.at(), slThresholdMillis);
            }
            for (Effect e : d.effects()) {
                if (e instanceof Effect.OfferToAgent) {
                    f.offers++;
                }
            }
        }
        return f;
    }

    private void accumulate(long millis) {
        for (Agent a : agents.values()) {
            if (a.presence == PresenceState.LOGGED_OUT) {
                continue;
            }
            if (a.work > 0) {
                busyMillis += millis;
                staffedMillis += millis;
            } else if (a.presence == PresenceState.READY) {
                staffedMillis += millis;
            }
        }
    }

    private Agent agent(String id) {
        return agents.computeIfAbsent(id, k -> new Agent());
    }

    private void fact(Fact fact, long at, long sl) {
        switch (fact) {
            case Fact.PresenceChanged p -> {
                agent(p.agentId()).presence = p.to();
                if (p.to() != PresenceState.LOGGED_OUT) {
                    loggedIn.add(p.agentId());
                }
                if (p.to() == PresenceState.NOT_READY && DemoCentre.BREAK.equals(p.reason())) {
                    breaks++;
                }
            }
            case Fact.InteractionCreated c -> {
                created.put(c.interactionId(), at);
                switch (c.channel()) {
                    case DemoCentre.VOICE -> calls++;
                    case DemoCentre.CHAT -> chats++;
                    default -> emails++;
                }
            }
            case Fact.InteractionEnded e -> {
                ended.add(e.interactionId());
                if (e.reason() == EndReason.SELF_SERVED) {
                    selfServed++;
                } else if (e.reason() == EndReason.CUSTOMER_LEFT && e.lastPhase() == Phase.SELF_SERVICE) {
                    if (e.interactionId().startsWith("demo-v-")) {
                        ivrHangUps++;
                    } else {
                        chatsTurnedAway++;
                    }
                }
            }
            case Fact.OfferCreated o -> agent(o.agentId()).work++;
            case Fact.OfferStatusChanged s -> {
                if (s.status() != OfferStatus.ACCEPTED && !s.status().live()) {
                    agent(s.agentId()).work--;
                }
                if (s.status() == OfferStatus.TIMED_OUT) {
                    ronas++;
                } else if (s.status() == OfferStatus.REJECTED) {
                    rejects++;
                }
            }
            case Fact.AssignmentStarted a -> connected.add(a.interactionId());
            case Fact.AssignmentEnded a -> agent(a.agentId()).work--;
            case Fact.VisitEnded v -> visit(v, at, sl);
            default -> {}
        }
    }

    private void visit(Fact.VisitEnded v, long at, long sl) {
        boolean answered = v.outcome() == VisitOutcome.ANSWERED;
        boolean abandoned =
                v.outcome() == VisitOutcome.ABANDONED || v.outcome() == VisitOutcome.ABANDONED_WHILE_ALERTING;
        if (DemoCentre.VOICE_QUEUES.contains(v.queue())) {
            if (answered) {
                voiceAnswered++;
                voiceWaitTotal += at - v.enteredAt();
                if (at - v.enteredAt() <= sl) {
                    voiceAnsweredWithinSl++;
                }
            } else if (abandoned) {
                voiceAbandoned++;
            }
        } else if (v.queue().equals(DemoCentre.WEB_CHAT)) {
            if (answered) {
                chatsAnswered++;
            } else if (abandoned) {
                chatsAbandoned++;
            }
        } else if (answered) {
            emailsAnswered++;
        }
    }

    double hours() {
        return (to - from) / 3_600_000.0;
    }

    /** Answered within the threshold, of those answered. */
    double serviceLevel() {
        return voiceAnswered == 0 ? 0 : (double) voiceAnsweredWithinSl / voiceAnswered;
    }

    double abandonRate() {
        int offered = voiceAnswered + voiceAbandoned;
        return offered == 0 ? 0 : (double) voiceAbandoned / offered;
    }

    double occupancy() {
        return staffedMillis == 0 ? 0 : (double) busyMillis / staffedMillis;
    }

    double averageSpeedOfAnswerSeconds() {
        return voiceAnswered == 0 ? 0 : voiceWaitTotal / 1000.0 / voiceAnswered;
    }

    @Override
    public String toString() {
        return String.format(
                "%.1f h: %d calls (%.0f/h), %d self-served, %d IVR hang-ups; voice answered %d, within SL %.1f%%,"
                        + " ASA %.1f s, abandoned %d (%.1f%%); chats %d (answered %d, abandoned %d, turned away %d);"
                        + " emails %d (answered %d); occupancy %.1f%%; offers %d, RONAs %d, rejects %d, breaks %d,"
                        + " wrap-ups ended early %d; refused %s; advisors logged in %d",
                hours(),
                calls,
                calls / hours(),
                selfServed,
                ivrHangUps,
                voiceAnswered,
                100 * serviceLevel(),
                averageSpeedOfAnswerSeconds(),
                voiceAbandoned,
                100 * abandonRate(),
                chats,
                chatsAnswered,
                chatsAbandoned,
                chatsTurnedAway,
                emails,
                emailsAnswered,
                100 * occupancy(),
                offers,
                ronas,
                rejects,
                breaks,
                wrapUpsEndedEarly,
                refusedDemoCommands,
                loggedIn.size());
    }
}
