package io.firstcontact.channels.voice.calls;

import io.firstcontact.channels.voice.ami.AmiEvent;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.EndReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks, advisor first: the engine offers the callback like any call, the advisor's phone rings and answers
 * (AcceptOffer), and on the engine's Connect the customer is dialled; their answer is bridged to the waiting advisor,
 * and the outcome (answered, no answer, busy, failed) goes back to routing, which retries by its rule.
 */
final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {}

    /** The advisor answered a callback: dial the customer. */
    static void dialCustomer(Switchboard board, Call c, Leg advisor) {
        if (c.callbackNumber == null) {
            LOG.warn("voice: {} has no number to dial", c);
            outcome(board, c, DialOutcome.FAILED);
            return;
        }
        var options = board.options();
        Leg leg = new Leg(
                Leg.Role.CUSTOMER,
                "fc-cb-" + advisor.offerId,
                "callback-" + advisor.offerId,
                c.interactionId,
                null,
                advisor.agentId);
        c.customer = leg;
        board.calls.track(leg);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("FC_INTERACTION_ID", c.interactionId);
        vars.put("FC_LEG", "caller");
        vars.put("FC_QUEUE", c.queue == null ? "" : c.queue);
        OriginateAction a = Dialler.originate(
                options.callbacks().dial(c.callbackNumber),
                options.contexts().callback(),
                leg.uniqueid,
                options.callbacks().ringTimeout().toMillis(),
                vars);
        a.setActionId(leg.actionId);
        a.setCallerId(options.callbacks().callerId());
        LOG.info("voice: calling back the customer of {} for advisor {}", c, advisor.agentId);
        board.send(a).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("voice: the callback of {} could not be dialled: {}", c, e.getMessage());
                board.calls.forget(leg);
                outcome(board, c, DialOutcome.FAILED);
            }
        });
    }

    /** The customer's phone answered or did not. */
    static void customerDialled(Switchboard board, Leg leg, AmiEvent.OriginateResult r) {
        board.calls.forget(leg);
        Call c = board.calls.call(leg.interactionId).orElse(null);
        if (c == null) {
            if (r.success() && r.uniqueid() != null) {
                board.hangup(r.uniqueid());
            }
            return;
        }
        c.customer = null;
        if (r.success() && r.reason() == AmiEvent.OriginateResult.ANSWERED) {
            // From now on the customer's leg is the caller's channel: their hang-up ends the call as any caller's.
            board.calls.callerChannel(c, r.uniqueid(), r.channel());
            c.stage = Call.Stage.CONNECTED;
            Leg advisor = c.advisor;
            board.bridge(r.uniqueid(), advisor.uniqueid).whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.warn("voice: the callback of {} answered but could not be bridged: {}", c, e.getMessage());
                }
            });
            if (c.dialOut == null || c.dialOut.callback()) {
                board.submit(
                        "callback-answered:" + leg.actionId,
                        new Command.CallbackDialOutcome(c.interactionId, DialOutcome.ANSWERED));
            }
            return;
        }
        DialOutcome outcome = switch (r.reason()) {
            case AmiEvent.OriginateResult.BUSY -> DialOutcome.BUSY;
            case AmiEvent.OriginateResult.NO_ANSWER -> DialOutcome.NO_ANSWER;
            default -> DialOutcome.FAILED;
        };
        outcome(board, c, outcome);
    }

    /**
     * The customer was not reached: the advisor's leg is released. Routing decides whether a callback is tried again
     * (CallbackDialOutcome); an advisor's outbound call is one dial, so the adapter ends it (the advisor wraps up).
     */
    private static void outcome(Switchboard board, Call c, DialOutcome outcome) {
        LOG.info("voice: the customer of {} was not reached ({})", c, outcome);
        c.stage = Call.Stage.AWAITING_CALLBACK;
        if (c.advisor != null) {
            c.advisor.released = true;
            board.hangup(c.advisor.uniqueid);
            c.advisor = null;
        }
        if (c.dialOut != null && !c.dialOut.callback()) {
            end(board, c);
            return;
        }
        board.submit(null, new Command.CallbackDialOutcome(c.interactionId, outcome));
    }

    private static void end(Switchboard board, Call c) {
        c.ending = true;
        board.submit("dial-ended:" + c.interactionId, new Command.EndInteraction(c.interactionId, EndReason.COMPLETED));
    }

    /** A customer leg hung up before its OriginateResponse: the response tells the outcome. */
    static void customerHungUp(Switchboard board, Call c, Leg leg) {
        LOG.debug("voice: {} ended", leg);
    }
}
