package io.firstcontact.channels.voice.calls;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.ami.DeviceStateListAction;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every (re)connection to Asterisk: which calls still exist and where they are, read back from the channel
 * variables the adapter set ({@code Status} with {@code Variables: FC_INTERACTION_ID,…}), so that no caller is
 * forgotten, duplicated or left in silence.
 *
 * <ul>
 *   <li>Callers the adapter does not follow (the router restarted) are taken up again, connected or waiting; their
 *       creation is submitted again, which changes nothing for those routing knows (creation is idempotent on the
 *       source reference) and brings back, with their wait start, those it lost.
 *   <li>Calls the adapter followed that are gone ended while the link was down.
 *   <li>Advisor legs nobody waits for any more (their offer was cancelled while the router was away) are hung up; one
 *       that answered while the link was down is accepted.
 *   <li>The source inventory goes to routing; the advisors' device states are asked for again.
 * </ul>
 */
final class Resync {
    private static final Logger LOG = LoggerFactory.getLogger(Resync.class);
    static final String VARIABLES = "FC_INTERACTION_ID,FC_LEG,FC_OFFER_ID,FC_AGENT_ID,FC_QUEUE,FC_WAIT_START";

    private final Switchboard board;
    private final VoiceOptions options;

    Resync(Switchboard board, VoiceOptions options) {
        this.board = board;
        this.options = options;
    }

    /** A channel as Status reports it, with the adapter's variables. */
    record Seen(
            String uniqueid,
            String channel,
            String linkedid,
            String callerNumber,
            String context,
            String bridgeId,
            int state,
            Map<String, String> vars) {
        String var(String name) {
            String v = vars.get(name);
            return v == null ? "" : v;
        }
    }

    void run() {
        // Only calls followed before the question was asked can be missing from its answer: one that arrives while
        // Asterisk answers is not lost.
        Set<String> before = new HashSet<>();
        board.calls.all().forEach(c -> before.add(c.interactionId));
        StatusAction status = new StatusAction();
        status.setVariables(VARIABLES);
        board.ami()
                .list(status)
                .whenComplete((items, e) -> board.onContext(() -> {
                    if (e != null) {
                        LOG.warn(
                                "voice: resynchronisation with Asterisk failed ({}); it runs again on the next connection",
                                e.getMessage());
                        return;
                    }
                    reconcile(seen(items), before);
                    board.send(new DeviceStateListAction()).exceptionally(err -> null);
                }));
    }

    private static List<Seen> seen(List<ResponseEvent> items) {
        List<Seen> seen = new ArrayList<>();
        for (ResponseEvent item : items) {
            if (item instanceof StatusEvent s && s.getUniqueId() != null) {
                seen.add(new Seen(
                        s.getUniqueId(),
                        s.getChannel(),
                        s.getLinkedId(),
                        s.getCallerIdNum(),
                        s.getContext(),
                        s.getBridgeId() == null || s.getBridgeId().isEmpty() ? null : s.getBridgeId(),
                        s.getChannelState() == null ? 0 : s.getChannelState(),
                        s.getVariables() == null ? Map.of() : s.getVariables()));
            }
        }
        return seen;
    }

    void reconcile(List<Seen> channels, Set<String> followedBefore) {
        Calls calls = board.calls;
        Map<String, Seen> callers = new LinkedHashMap<>();
        List<Seen> legs = new ArrayList<>();
        for (Seen s : channels) {
            String id = s.var("FC_INTERACTION_ID");
            if (id.isEmpty()) {
                continue;
            }
            String role = s.var("FC_LEG");
            if (role.equals("advisor") || role.equals("consult")) {
                legs.add(s);
            } else if (role.equals("caller") || role.isEmpty()) {
                callers.merge(id, s, (a, b) -> preferred(calls, a, b));
            }
        }
        Set<String> present = new HashSet<>(callers.keySet());
        int adopted = 0;
        List<Seen> byWait = new ArrayList<>(callers.values());
        byWait.sort(Comparator.comparingLong(s -> waitStart(s)));
        for (Seen s : byWait) {
            String id = s.var("FC_INTERACTION_ID");
            Call c = calls.call(id).orElse(null);
            if (c != null) {
                if (!s.uniqueid().equals(c.callerUniqueid) || c.callerName == null) {
                    calls.callerChannel(c, s.uniqueid(), s.channel());
                }
                continue;
            }
            adopt(s, legs);
            adopted++;
        }
        List<String> lost = new ArrayList<>();
        for (Call c : List.copyOf(calls.all())) {
            if (followedBefore.contains(c.interactionId)
                    && !present.contains(c.interactionId)
                    && c.stage != Call.Stage.AWAITING_CALLBACK
                    && !c.ending) {
                lost.add(c.interactionId);
            }
        }
        releaseOrphanLegs(legs);
        List<String> refs = new ArrayList<>();
        for (Call c : calls.all()) {
            if (!lost.contains(c.interactionId) && c.sourceRef != null) { // a call the centre places is not voice's
                refs.add(c.sourceRef);
            }
        }
        LOG.info(
                "voice: resynchronised with Asterisk: {} calls in progress ({} taken up again), {} gone while the link was down",
                refs.size(),
                adopted,
                lost.size());
        inventory(refs, lost);
        board.synced();
    }

    /** Of a Local channel's two halves (both carry the variables), the one the adapter knows, or the one waiting. */
    private Seen preferred(Calls calls, Seen a, Seen b) {
        if (calls.byCaller(b.uniqueid()).isPresent()) {
            return b;
        }
        if (calls.byCaller(a.uniqueid()).isPresent()) {
            return a;
        }
        if (b.bridgeId() != null && a.bridgeId() == null) {
            return b;
        }
        if (options.contexts().holding().equals(b.context())
                && !options.contexts().holding().equals(a.context())) {
            return b;
        }
        return a;
    }

    private static long waitStart(Seen s) {
        try {
            return Long.parseLong(s.var("FC_WAIT_START"));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A caller the router lost track of (it restarted): followed again, and its creation submitted again. */
    private void adopt(Seen s, List<Seen> legs) {
        String id = s.var("FC_INTERACTION_ID");
        String sourceRef = options.source() + ":" + s.linkedid();
        Call c = new Call(id, sourceRef, s.uniqueid(), Call.Stage.WAITING);
        c.callerName = s.channel();
        c.callerNumber = s.callerNumber();
        c.queue = s.var("FC_QUEUE").isEmpty() ? options.menu().defaultQueue() : s.var("FC_QUEUE");
        board.calls.add(c);
        for (Seen l : legs) {
            if (l.var("FC_INTERACTION_ID").equals(id)
                    && l.bridgeId() != null
                    && l.bridgeId().equals(s.bridgeId())) {
                Leg advisor = new Leg(
                        Leg.Role.ADVISOR,
                        l.uniqueid(),
                        "offer-" + l.var("FC_OFFER_ID"),
                        id,
                        l.var("FC_OFFER_ID"),
                        l.var("FC_AGENT_ID"));
                advisor.channel = l.channel();
                advisor.answered = true;
                advisor.bridged = true;
                board.calls.track(advisor);
                c.advisor = advisor;
                c.stage = Call.Stage.CONNECTED;
            }
        }
        long waitStart = waitStart(s);
        QueueRequest queue = QueueRequest.to(c.queue).withWaitStartedAt(waitStart == Long.MAX_VALUE ? -1 : waitStart);
        board.submit(
                "create:" + id,
                new Command.CreateInteraction(
                        id, Switchboard.VOICE, Direction.INBOUND, sourceRef, null, null, Attributes.NONE, queue));
    }

    /** Advisor legs whose offer is no longer live here: answered meanwhile → accepted; otherwise released. */
    private void releaseOrphanLegs(List<Seen> legs) {
        for (Seen l : legs) {
            Leg known = board.calls.leg(l.uniqueid()).orElse(null);
            if (known != null) {
                if (!known.answered && l.state() == 6 && known.offerId != null) {
                    known.answered = true;
                    board.submit(
                            "accept:" + known.offerId,
                            new Command.AcceptOffer(known.offerId, Actor.agent(known.agentId)));
                }
                continue;
            }
            if (l.bridgeId() != null
                    && board.calls
                            .call(l.var("FC_INTERACTION_ID"))
                            .map(c -> c.advisor != null && c.advisor.uniqueid.equals(l.uniqueid()))
                            .orElse(false)) {
                continue;
            }
            if (l.bridgeId() == null) {
                LOG.info(
                        "voice: an advisor leg left ringing or waiting by an earlier run is hung up ({})",
                        l.uniqueid());
                board.hangup(l.uniqueid());
            }
        }
    }

    /**
     * Routing ends the calls of this source that Asterisk no longer has ({@code LOST_DURING_OUTAGE}) and keeps the
     * others; the callers taken up again were created before (their creation is idempotent on the source reference).
     */
    private void inventory(List<String> refs, List<String> lost) {
        lost.forEach(id -> board.calls.call(id).ifPresent(c -> c.ending = true));
        board.submit(null, new Command.SourceInventory(options.source(), refs)).whenComplete((d, e) -> {
            if (e != null) {
                LOG.warn(
                        "voice: the inventory of calls did not reach routing ({}); it is sent again on the next connection",
                        e.getMessage());
            }
        });
    }
}
