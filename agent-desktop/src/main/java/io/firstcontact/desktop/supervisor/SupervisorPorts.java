package io.firstcontact.desktop.supervisor;

import io.firstcontact.desktop.audit.AuditTrail;
import io.firstcontact.desktop.audit.MemoryAuditTrail;
import java.util.Objects;

/**
 * What the supervisor's pages reach beyond routing: where their actions are audited, and the channels that let them
 * join calls and chats. Each defaults to what a server without that part has.
 *
 * @param audit where supervisor actions are kept (in memory when left out)
 * @param calls listen, whisper, barge ({@link CallSupervision#NONE} without a voice channel)
 * @param chats join, take over ({@link ChatSupervision#NONE} until the chat channel)
 */
public record SupervisorPorts(AuditTrail audit, CallSupervision calls, ChatSupervision chats) {
    public SupervisorPorts {
        audit = Objects.requireNonNullElseGet(audit, MemoryAuditTrail::new);
        calls = Objects.requireNonNullElse(calls, CallSupervision.NONE);
        chats = Objects.requireNonNullElse(chats, ChatSupervision.NONE);
    }

    /** An audit trail in memory, no voice or chat channel. */
    public static SupervisorPorts defaults() {
        return new SupervisorPorts(null, null, null);
    }

    public SupervisorPorts withAudit(AuditTrail a) {
        return new SupervisorPorts(a, calls, chats);
    }

    public SupervisorPorts withCalls(CallSupervision c) {
        return new SupervisorPorts(audit, c, chats);
    }
}
