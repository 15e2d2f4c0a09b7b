package io.firstcontact.desktop.wallboard;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.AssignmentView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.view.QueueView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The wallboard's figures: now, as the read model has them; today, as the statistics count them (their one
 * service-level definition), or the read model's counts where there are no statistics. Engine thread only.
 */
final class ViewFigures implements BoardFigures {
    private final LiveView view;
    private final BoardStatistics statistics;
    private final Function<String, String> names;

    ViewFigures(LiveView view, BoardStatistics statistics, Function<String, String> names) {
        this.view = view;
        this.statistics = statistics;
        this.names = names;
    }

    @Override
    public Collection<String> queues() {
        return view.configuration()
                .map(c -> c.queues().stream().map(QueueConfig::id).toList())
                .orElse(List.of());
    }

    @Override
    public Collection<String> advisors() {
        return view.agents().stream().map(AgentView::agentId).toList();
    }

    @Override
    public QueueTile tile(String queue, long now) {
        QueueView q = view.queue(queue).orElse(null);
        RoutingConfig c = view.configuration().orElse(null);
        QueueConfig qc = c == null ? null : c.queue(queue);
        if (q == null || qc == null) {
            return null;
        }
        BoardStatistics.QueueToday today = statistics.queue(queue, now).orElse(null);
        boolean counted = today != null; // else the read model's counts, and no service level
        return new QueueTile(
                queue,
                q.channel(),
                q.open(),
                q.waiting(),
                q.offered(),
                q.oldestWaitingSince(),
                qc.serviceLevelThresholdMillis(),
                q.staffed(),
                counted ? today.advisors() : Map.of(),
                counted ? today.offered() : q.answeredToday() + q.abandonedToday(),
                counted ? today.answered() : q.answeredToday(),
                counted ? today.abandoned() : q.abandonedToday(),
                counted ? today.abandonedShort() : 0,
                counted ? today.serviceLevel() : null,
                counted ? Double.valueOf(today.target()) : null,
                counted && today.serviceLevel() != null && today.serviceLevel() < today.target(),
                counted ? today.asaSeconds() : null);
    }

    @Override
    public AdvisorRow row(String agentId, long now) {
        AgentView a = view.agent(agentId).orElse(null);
        if (a == null) {
            return null;
        }
        Work w = work(a);
        String state;
        Long since;
        if (a.presence() == PresenceState.LOGGED_OUT) {
            state = "LOGGED_OUT";
            since = a.presenceSince();
        } else if (w.active > 0) {
            state = "BUSY";
            since = w.activeSince;
        } else if (w.wrapping > 0) {
            state = "WRAP_UP";
            since = w.wrapSince;
        } else if (w.ringing > 0) {
            state = "OFFERED";
            since = w.ringSince;
        } else {
            state = a.presence().name();
            since = a.presenceSince();
        }
        return new AdvisorRow(
                agentId,
                names.apply(agentId),
                state,
                "NOT_READY".equals(state) ? a.reason() : null,
                since,
                pending(a),
                a.sessionAttached(),
                a.routingProfile(),
                w.words());
    }

    @Override
    public Collection<String> holders(String interactionId) {
        List<String> out = new ArrayList<>(2);
        view.interaction(interactionId).ifPresent(i -> {
            for (String id : i.assignmentIds()) {
                view.assignment(id).ifPresent(as -> out.add(as.agentId()));
            }
        });
        return out;
    }

    static String pending(AgentView a) {
        if (a.pendingPresence() == null) {
            return null;
        }
        return a.pendingPresence() == PresenceState.NOT_READY
                ? "NOT_READY (" + a.pendingReason() + ")"
                : a.pendingPresence().name();
    }

    /** What an advisor holds: counts, the earliest start of each kind, and the work in words. */
    private static final class Work {
        int active;
        int wrapping;
        int ringing;
        Long activeSince;
        Long wrapSince;
        Long ringSince;
        /** Calls on hold, and consults (either side): busy still, but the board says so. */
        int held;

        int consults;
        final Map<String, Integer> byChannel = new TreeMap<>();
        final List<String> queues = new ArrayList<>();

        String words() {
            if (byChannel.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            byChannel.forEach((ch, n) -> parts.add(n == 1 ? ch : n + " " + ch));
            if (held > 0) {
                parts.add("on hold");
            }
            if (consults > 0) {
                parts.add("in a consult");
            }
            return String.join(", ", parts) + (queues.size() == 1 ? " · " + queues.getFirst() : "");
        }
    }

    private Work work(AgentView a) {
        Work w = new Work();
        for (String id : a.assignmentIds()) {
            AssignmentView as = view.assignment(id).orElse(null);
            if (as == null || as.status() == AssignmentStatus.DONE) {
                continue;
            }
            w.byChannel.merge(as.channel(), 1, Integer::sum);
            if (!w.queues.contains(as.queue())) {
                w.queues.add(as.queue());
            }
            if (as.status() == AssignmentStatus.ACTIVE) {
                w.active++;
                w.activeSince = min(w.activeSince, as.startedAt());
                if (as.consult()) {
                    w.consults++;
                } else {
                    view.interaction(as.interactionId()).ifPresent(i -> {
                        if (i.phase() == Phase.PARKED) {
                            w.held++;
                        }
                        if (view.consultOffer(i.interactionId()).isPresent() || consulted(i.assignmentIds())) {
                            w.consults++;
                        }
                    });
                }
            } else {
                w.wrapping++;
                w.wrapSince = min(w.wrapSince, as.startedAt());
            }
        }
        for (String id : a.offerIds()) {
            OfferView o = view.offer(id).orElse(null);
            if (o != null && o.live()) {
                w.ringing++;
                w.ringSince = min(w.ringSince, o.createdAt());
            }
        }
        return w;
    }

    /** Whether a colleague is on the call as a consult now. */
    private boolean consulted(List<String> assignmentIds) {
        for (String id : assignmentIds) {
            AssignmentView as = view.assignment(id).orElse(null);
            if (as != null && as.consult() && as.status() == AssignmentStatus.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private static Long min(Long a, long b) {
        return a == null ? b : Math.min(a, b);
    }
}
