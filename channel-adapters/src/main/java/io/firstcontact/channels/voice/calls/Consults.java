package io.firstcontact.channels.voice.calls;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.ConsultOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consult (warm) transfers, as routing decides them (docs/routing-contract.md §11): the colleague's phone rings for a
 * {@code CONSULT} offer; on their answer the caller hears the hold music and the two advisors talk. The consult ends in
 * routing ({@code EndConsult}, from the desktop — or from the phones: the consulting advisor hanging up hands the call
 * over, the colleague hanging up gives it back) and the adapter carries out its {@code ConsultEnded}: completed, the
 * caller is bridged to the colleague and the first advisor's leg released; cancelled, the caller is bridged back to
 * the first advisor and the colleague's leg released.
 *
 * <p>Both advisors' legs wait in the connecting context's {@value #EXTEN} extension, whose second wait outlasts the
 * consult's own bridge: whichever of them stays is there to be bridged to the caller.
 */
final class Consults {
    private static final Logger LOG = LoggerFactory.getLogger(Consults.class);
    /** The connecting context's extension both advisors' legs of a consult wait in. */
    static final String EXTEN = "consult";

    private Consults() {}

    /** The colleague answered and routing made the consult live: the caller to hold music, the advisors together. */
    static void connect(Switchboard board, Call c, Leg colleague) {
        if (c.advisor == null || c.callerUniqueid == null) {
            colleague.released = true;
            board.hangup(colleague.uniqueid);
            return;
        }
        var contexts = board.options().contexts();
        c.stage = Call.Stage.CONSULTING;
        Leg advisor = c.advisor;
        board.redirectBoth(c.callerUniqueid, contexts.hold(), "s", advisor.uniqueid, contexts.connecting(), EXTEN)
                .thenCompose(r -> board.bridge(advisor.uniqueid, colleague.uniqueid))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.warn("voice: the consult of {} could not be connected: {}", c, e.getMessage());
                    } else {
                        advisor.bridged = false;
                        colleague.bridged = true;
                    }
                });
    }

    static void onFact(Switchboard board, Fact f) {
        if (f instanceof Fact.ConsultEnded e) {
            board.calls.call(e.interactionId()).ifPresent(c -> ended(board, c, e));
        }
    }

    private static void ended(Switchboard board, Call c, Fact.ConsultEnded e) {
        Leg colleague = c.consulted;
        c.consulted = null;
        if (colleague == null || !colleague.agentId.equals(e.agentId())) {
            return;
        }
        if (e.outcome() == ConsultOutcome.COMPLETED) {
            Leg first = c.advisor;
            colleague.role = Leg.Role.ADVISOR;
            c.advisor = colleague;
            if (first != null && !first.released) {
                first.released = true;
                board.hangup(first.uniqueid);
            }
            LOG.info("voice: {} is handed over to advisor {}", c, colleague.agentId);
            backTo(board, c, colleague);
            return;
        }
        // Cancelled: a colleague still ringing is withdrawn by routing; one who answered is released.
        if (colleague.answered && !colleague.released) {
            colleague.released = true;
            board.calls.forget(colleague);
            board.hangup(colleague.uniqueid);
        }
        if (c.stage == Call.Stage.CONSULTING && c.advisor != null) {
            backTo(board, c, c.advisor);
        }
    }

    /** The caller off the hold music and bridged to {@code advisor}. */
    private static void backTo(Switchboard board, Call c, Leg advisor) {
        c.stage = Call.Stage.CONNECTED;
        if (c.callerUniqueid == null) {
            return;
        }
        board.bridge(c.callerUniqueid, advisor.uniqueid).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("voice: {} could not be bridged to advisor {}: {}", c, advisor.agentId, e.getMessage());
            } else {
                advisor.bridged = true;
            }
        });
    }

    /** The colleague hung up: during the consult, the call goes back to the first advisor. */
    static void colleagueHungUp(Switchboard board, Call c, Leg l) {
        if (c == null || c.consulted != l) {
            return;
        }
        LOG.info("voice: the consulted advisor of {} hung up", c);
        if (l.answered) {
            board.submit(
                    "consult-cancelled:" + l.offerId,
                    new Command.EndConsult(c.interactionId, l.agentId, ConsultOutcome.CANCELLED));
        }
    }

    /** The consulting advisor hung up while the consult was live: the call is the colleague's. */
    static void advisorLeft(Switchboard board, Call c) {
        Leg colleague = c.consulted;
        board.submit(
                "consult-completed:" + colleague.offerId,
                new Command.EndConsult(c.interactionId, colleague.agentId, ConsultOutcome.COMPLETED));
    }
}
