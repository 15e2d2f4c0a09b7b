package io.firstcontact.channels.voice.calls;

import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold and resume asked for through routing (the desktop's hold button, a supervisor): the caller goes to the hold
 * context's music and the advisor's leg waits in the connecting context; resuming bridges them again. A hold pressed on
 * the phone itself needs nothing: Asterisk plays the music, and the adapter only tells routing (Park/Resume).
 */
final class Holds {
    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);
    /** The connecting context's extension the advisor's leg waits in while the caller is on hold. */
    static final String EXTEN = "hold";

    private Holds() {}

    static void onCommand(Switchboard board, EngineInput input) {
        if (Switchboard.SOURCE.equals(input.source())) {
            return; // the adapter's own report of a hold on the phone
        }
        switch (input.command()) {
            case Command.Park p -> board.calls.call(p.interactionId()).ifPresent(c -> park(board, c));
            case Command.Resume r -> board.calls.call(r.interactionId()).ifPresent(c -> resume(board, c));
            default -> {}
        }
    }

    private static void park(Switchboard board, Call c) {
        if (c.stage != Call.Stage.CONNECTED || c.advisor == null || c.callerUniqueid == null) {
            return;
        }
        c.stage = Call.Stage.ON_HOLD;
        var contexts = board.options().contexts();
        board.redirectBoth(c.callerUniqueid, contexts.hold(), "s", c.advisor.uniqueid, contexts.connecting(), EXTEN)
                .whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.warn("voice: {} could not be put on hold: {}", c, e.getMessage());
                        c.stage = Call.Stage.CONNECTED;
                    } else {
                        c.advisor.bridged = false;
                    }
                });
    }

    private static void resume(Switchboard board, Call c) {
        if (c.stage != Call.Stage.ON_HOLD || c.advisor == null || c.callerUniqueid == null || c.phoneHold) {
            return;
        }
        board.bridge(c.callerUniqueid, c.advisor.uniqueid).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("voice: {} could not be taken off hold: {}", c, e.getMessage());
            } else {
                c.stage = Call.Stage.CONNECTED;
                c.advisor.bridged = true;
            }
        });
    }
}
