package io.firstcontact.desktop.supervisor;

import io.firstcontact.desktop.audit.AuditRecord;
import io.firstcontact.desktop.audit.AuditTrail;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisor commands go to routing through here, and each is audited once committed: with who (the journaled actor
 * of the command where it has one, and the audit record in any case), when (the entry's engine time), the journal
 * entry id and whether routing did it or refused it. Each command carries an idempotency key of its own, by which its
 * committed entry is recognised; a command that never reached the journal (routing closed, this node deposed) is
 * audited as failed.
 */
final class AuditedCommands implements EffectSink {
    private static final Logger LOG = LoggerFactory.getLogger(AuditedCommands.class);
    /** The source supervisor commands are journaled under. */
    static final String SOURCE = "supervisor";

    private record Pending(StaffPrincipal who, String action, String subject, String detail) {}

    private final RoutingPort routing;
    private final AuditTrail trail;
    private final LongSupplier clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AuditedCommands(RoutingPort routing, AuditTrail trail, LongSupplier clock) {
        this.routing = routing;
        this.trail = trail;
        this.clock = clock;
    }

    /** Submits {@code command} for {@code who}; completes with routing's decision once committed. */
    CompletableFuture<Decision> submit(StaffPrincipal who, String action, String subject, String detail, Command c) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        String key = "sv-" + HexFormat.of().formatHex(b);
        pending.put(key, new Pending(who, action, subject, detail));
        return routing.submit(SOURCE, key, c).whenComplete((d, e) -> {
            Pending p = e == null ? null : pending.remove(key);
            if (p != null) {
                record(p, clock.getAsLong(), null, "failed: " + rootMessage(e));
            }
        });
    }

    /** An action that does not go through routing (joining a call), audited as it ends. */
    void record(StaffPrincipal who, String action, String subject, String detail, String outcome) {
        record(new Pending(who, action, subject, detail), clock.getAsLong(), null, outcome);
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        String key = input.idempotencyKey();
        if (key == null || !SOURCE.equals(input.source())) {
            return;
        }
        Pending p = pending.remove(key);
        if (p == null) {
            return; // replayed after a restart: audited when it was done
        }
        String outcome = AuditRecord.DONE;
        for (Effect e : decision.effects()) {
            if (e instanceof Effect.Refused r) {
                outcome = "refused: " + r.message();
            }
        }
        record(p, input.at(), input.entryId(), outcome);
    }

    private void record(Pending p, long at, String entryId, String outcome) {
        AuditRecord r = new AuditRecord(
                at, p.who().username(), p.who().name(), p.action(), p.subject(), p.detail(), entryId, outcome);
        trail.record(r).whenComplete((v, e) -> {
            if (e != null) {
                LOG.error(
                        "a supervisor action could not be audited (check the audit store): {} by {} on {}",
                        r.action(),
                        r.username(),
                        r.subject(),
                        e);
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
