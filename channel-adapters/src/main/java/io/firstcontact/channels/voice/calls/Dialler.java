package io.firstcontact.channels.voice.calls;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.ami.AmiEvent;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.OfferKind;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings advisors' phones for offers (Originate into the connecting context, Async, with the unique id chosen here so
 * the leg can be named before any event) and turns the OriginateResponse into what routing must hear: answered →
 * AcceptOffer, busy → OfferFailed(DEVICE_BUSY), congested or unreachable → OfferFailed(UNREACHABLE), declined on the
 * phone → RejectOffer. No answer is the engine's to decide: its offer timeout (RONA) comes first, because Asterisk's
 * ring timeout is set a few seconds beyond it.
 */
final class Dialler {
    private static final Logger LOG = LoggerFactory.getLogger(Dialler.class);
    /** Asterisk's ring timeout runs this much past the offer's expiry, so the engine's RONA always comes first. */
    static final long RING_MARGIN_MILLIS = 5_000;

    private final Switchboard board;
    private final VoiceOptions options;
    private final InstantSource clock;

    Dialler(Switchboard board, VoiceOptions options, InstantSource clock) {
        this.board = board;
        this.options = options;
        this.clock = clock;
    }

    /** An offer of a voice interaction: ring the advisor's phone. */
    void offer(Effect.OfferToAgent o) {
        Call c = board.calls.call(o.interactionId()).orElse(null);
        if (c == null) {
            LOG.debug("voice: offer {} is for an interaction this adapter does not hold", o.offerId());
            return;
        }
        String device = board.calls.deviceOf(o.agentId()).orElse(null);
        if (device == null) {
            LOG.warn(
                    "voice: advisor {} has no phone device (log in with one), so offer {} cannot ring; they are paused",
                    o.agentId(),
                    o.offerId());
            board.submit("failed:" + o.offerId(), new Command.OfferFailed(o.offerId(), FailureCause.UNREACHABLE));
            return;
        }
        Leg.Role role = o.kind() == OfferKind.CONSULT ? Leg.Role.CONSULT : Leg.Role.ADVISOR;
        Leg leg = new Leg(role, "fc-" + o.offerId(), "offer-" + o.offerId(), c.interactionId, o.offerId(), o.agentId());
        leg.kind = o.kind();
        board.calls.track(leg);
        if (role == Leg.Role.CONSULT) {
            c.consulted = leg;
        } else {
            c.ringing = leg;
        }
        long ring = Math.max(1_000, o.expiresAt() - clock.millis()) + RING_MARGIN_MILLIS;
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("FC_INTERACTION_ID", c.interactionId);
        vars.put("FC_OFFER_ID", o.offerId());
        vars.put("FC_AGENT_ID", o.agentId());
        vars.put("FC_LEG", role == Leg.Role.CONSULT ? "consult" : "advisor");
        if (options.recordCalls()) {
            vars.put("FC_RECORDING", recording(c.interactionId, o.offerId()));
        }
        // A colleague's leg waits where the consulting advisor's does: both outlast the consult's own bridge.
        OriginateAction a = originate(
                device,
                options.contexts().connecting(),
                role == Leg.Role.CONSULT ? Consults.EXTEN : "s",
                leg.uniqueid,
                ring,
                vars);
        a.setActionId(leg.actionId);
        a.setCallerId("\"" + (o.queue() == null ? "FirstContact" : o.queue()) + "\" <" + display(c) + ">");
        board.ringing(o.offerId());
        board.send(a).whenComplete((r, e) -> {
            if (e != null && board.calls.offer(o.offerId()).isPresent()) {
                // Asterisk could not even queue the call (the link is down, or it refused the action): the next
                // advisor is tried at once, and this one is not paused for it.
                LOG.warn("voice: offer {} could not ring {}: {}", o.offerId(), device, e.getMessage());
                board.calls.forget(leg);
                if (c.ringing == leg) {
                    c.ringing = null;
                }
                board.failOffer(leg, FailureCause.DEVICE_BUSY);
            }
        });
    }

    /**
     * The recording's file name, {@code fc-<interaction>-<offer>.wav}, with anything but letters, digits, '.', '_' and
     * '-' made '_': the sample dialplan runs {@code ExecIf(…?MixMonitor(${FC_RECORDING},b))}, where a ',' would start
     * MixMonitor's options, a '/' name a directory, and a quote, bracket or backslash change how Asterisk splits the
     * arguments (an id may hold any of them).
     */
    static String recording(String interactionId, String offerId) {
        return ("fc-" + interactionId + "-" + offerId).replaceAll("[^A-Za-z0-9._-]", "_") + ".wav";
    }

    /** What the advisor's phone shows: the caller's number when there is one. */
    private static String display(Call c) {
        return c.callerNumber == null ? "0" : c.callerNumber;
    }

    static OriginateAction originate(
            String dial, String context, String uniqueid, long timeoutMillis, Map<String, String> vars) {
        return originate(dial, context, "s", uniqueid, timeoutMillis, vars);
    }

    static OriginateAction originate(
            String dial, String context, String exten, String uniqueid, long timeoutMillis, Map<String, String> vars) {
        OriginateAction a = new OriginateAction();
        a.setChannel(dial);
        a.setContext(context);
        a.setExten(exten);
        a.setPriority(1);
        a.setTimeout(timeoutMillis);
        a.setAsync(true);
        a.setChannelId(uniqueid);
        a.setVariables(vars);
        return a;
    }

    /** The OriginateResponse of a leg the adapter placed. */
    void originated(AmiEvent.OriginateResult r) {
        if (r.actionId() == null) {
            return;
        }
        Leg leg = board.calls.legByAction(r.actionId()).orElse(null);
        if (leg == null) {
            if (r.success() && r.uniqueid() != null) {
                // an answer for an offer already withdrawn (RONA, the caller left): torn down, never connected
                LOG.info("voice: a late answer ({}) is hung up", r.actionId());
                board.hangup(r.uniqueid());
            }
            return;
        }
        if (leg.role == Leg.Role.CUSTOMER) {
            Callbacks.customerDialled(board, leg, r);
            return;
        }
        if (leg.role == Leg.Role.SUPERVISOR) {
            if (!r.success()) {
                board.calls.forget(leg);
                LOG.info("voice: the supervisor's phone did not answer (reason {})", r.reason());
            }
            return;
        }
        if (r.success() && r.reason() == AmiEvent.OriginateResult.ANSWERED) {
            leg.answered = true;
            if (r.channel() != null) {
                leg.channel = r.channel();
            }
            board.submit("accept:" + leg.offerId, new Command.AcceptOffer(leg.offerId, Actor.agent(leg.agentId)))
                    .whenComplete((d, e) -> {
                        if (e != null || d.refused()) {
                            // the offer ended before the answer was sequenced: a late answer is torn down
                            leg.released = true;
                            board.calls.forget(leg);
                            board.hangup(leg.uniqueid);
                        }
                    });
            return;
        }
        board.calls.forget(leg);
        board.calls.call(leg.interactionId).ifPresent(c -> {
            if (c.ringing == leg) {
                c.ringing = null;
            }
        });
        switch (r.reason()) {
            case AmiEvent.OriginateResult.BUSY -> board.failOffer(leg, FailureCause.DEVICE_BUSY);
            case AmiEvent.OriginateResult.NO_ANSWER ->
                LOG.debug("voice: {} rang out in Asterisk; the engine's offer timeout decides", leg);
            case AmiEvent.OriginateResult.HUNG_UP ->
                board.submit("reject:" + leg.offerId, new Command.RejectOffer(leg.offerId, Actor.agent(leg.agentId)));
            default -> board.failOffer(leg, FailureCause.UNREACHABLE);
        }
    }
}
