package io.firstcontact.channels.voice.calls;

import io.firstcontact.channels.voice.SupervisionMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.action.OriginateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisors listen to, whisper to or barge into an advisor's call: their phone is rung with ChanSpy on the advisor's
 * leg (Originate with {@code Application: ChanSpy}). Every use is audited — who, when, which call, which advisor, how —
 * on the {@code io.firstcontact.audit} log, whether it succeeds or not.
 */
final class Supervision {
    private static final Logger LOG = LoggerFactory.getLogger(Supervision.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("io.firstcontact.audit");

    private final Switchboard board;
    private final AtomicLong ids = new AtomicLong();

    Supervision(Switchboard board) {
        this.board = board;
    }

    /** On the context. */
    CompletionStage<String> start(String supervisorId, String device, String interactionId, SupervisionMode mode) {
        Call c = board.calls.call(interactionId).orElse(null);
        Leg advisor = c == null ? null : c.advisor;
        long at = board.clock().millis();
        if (advisor == null || advisor.channel == null) {
            AUDIT.info(
                    "supervision refused: supervisor={} mode={} interaction={} at={} reason=no connected advisor",
                    supervisorId,
                    mode,
                    interactionId,
                    at);
            return CompletableFuture.failedFuture(
                    new IllegalStateException("interaction " + interactionId + " is not connected to an advisor"));
        }
        String id = "fc-spy-" + at + "-" + ids.incrementAndGet();
        Leg leg = new Leg(Leg.Role.SUPERVISOR, id, "spy-" + id, interactionId, null, supervisorId);
        board.calls.track(leg);
        OriginateAction a = new OriginateAction();
        a.setChannel(device);
        a.setApplication("ChanSpy");
        a.setData(advisor.channel + "," + mode.chanSpyOptions());
        a.setAsync(true);
        a.setTimeout(30_000L);
        a.setChannelId(id);
        a.setActionId(leg.actionId);
        a.setCallerId("\"Supervision\" <" + advisor.agentId + ">");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("FC_INTERACTION_ID", interactionId);
        vars.put("FC_LEG", "supervisor");
        a.setVariables(vars);
        AUDIT.info(
                "supervision started: supervisor={} mode={} interaction={} advisor={} device={} at={}",
                supervisorId,
                mode,
                interactionId,
                advisor.agentId,
                device,
                at);
        return board.send(a).handle((r, e) -> {
            if (e != null) {
                board.calls.forget(leg);
                AUDIT.info(
                        "supervision failed: supervisor={} interaction={} reason={}",
                        supervisorId,
                        interactionId,
                        e.getMessage());
                throw new IllegalStateException("the supervisor's phone could not be rung: " + e.getMessage(), e);
            }
            LOG.info("voice: supervisor {} joins {} ({})", supervisorId, c, mode);
            return id;
        });
    }
}
