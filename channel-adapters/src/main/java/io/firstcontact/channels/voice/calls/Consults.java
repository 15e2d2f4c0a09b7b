package io.firstcontact.channels.voice.calls;

import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consult (warm) transfers: the advisor talks to a colleague while the caller hears the hold music, then completes
 * (the caller is bridged to the colleague, the first advisor's leg is released) or cancels (the caller comes back to
 * the first advisor, the colleague's leg is released).
 */
final class Consults {
    private static final Logger LOG = LoggerFactory.getLogger(Consults.class);

    private Consults() {}

    /** The consulted advisor answered and the engine made the consult live: caller to hold, advisors together. */
    static void connect(Switchboard board, Call c, Leg consulted) {
        if (c.advisor == null || c.callerUniqueid == null) {
            consulted.released = true;
            board.hangup(consulted.uniqueid);
            return;
        }
        var contexts = board.options().contexts();
        c.stage = Call.Stage.CONSULTING;
        board.redirectBoth(c.callerUniqueid, contexts.hold(), "s", c.advisor.uniqueid, contexts.connecting(), "consult")
                .thenCompose(r -> board.bridge(c.advisor.uniqueid, consulted.uniqueid))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.warn("voice: the consult of {} could not be connected: {}", c, e.getMessage());
                    } else {
                        consulted.bridged = true;
                    }
                });
    }

    static void onFact(Switchboard board, EngineInput input, Fact f) {
        // The consult's end is carried out when the engine's consult facts are in (see the README's status).
    }

    static void consultedHungUp(Switchboard board, Call c, Leg l) {
        if (c != null && c.consulted == l) {
            c.consulted = null;
            LOG.info("voice: the consulted advisor of {} hung up", c);
        }
    }
}
