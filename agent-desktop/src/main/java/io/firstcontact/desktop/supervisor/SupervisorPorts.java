package io.firstcontact.desktop.supervisor;

import io.firstcontact.desktop.audit.AuditTrail;
import io.firstcontact.desktop.audit.MemoryAuditTrail;
import io.firstcontact.desktop.wallboard.BoardStatistics;
import java.util.Objects;

/**
 * What the supervisor's pages reach beyond routing: where their actions are audited, and the channels that let them
 * join calls and chats. Each defaults to what a server without that part has.
 *
 * @param audit where supervisor actions are kept (in memory when left out)
 * @param calls listen, whisper, barge ({@link CallSupervision#NONE} without a voice channel)
 * @param chats join, take over ({@link ChatSupervision#NONE} until the chat channel)
 * @param ivr the IVR's calendars and their emergency closure ({@link IvrClosures#NONE} without an IVR)
 * @param statistics the figures of today and the alerts the wallboard shows ({@link BoardStatistics#NONE} without
 *     the statistics)
 * @param exports the statistics' CSV exports ({@link StatisticsExports#NONE} without the statistics)
 */
public record SupervisorPorts(
        AuditTrail audit,
        CallSupervision calls,
        ChatSupervision chats,
        IvrClosures ivr,
        BoardStatistics statistics,
        StatisticsExports exports) {
    public SupervisorPorts {
        exports = Objects.requireNonNullElse(exports, StatisticsExports.NONE);
        statistics = Objects.requireNonNullElse(statistics, BoardStatistics.NONE);
        audit = Objects.requireNonNullElseGet(audit, MemoryAuditTrail::new);
        calls = Objects.requireNonNullElse(calls, CallSupervision.NONE);
        chats = Objects.requireNonNullElse(chats, ChatSupervision.NONE);
        ivr = Objects.requireNonNullElse(ivr, IvrClosures.NONE);
    }

    /** An audit trail in memory, no voice or chat channel, no IVR, no statistics (nor their exports). */
    public static SupervisorPorts defaults() {
        return new SupervisorPorts(null, null, null, null, null, null);
    }

    public SupervisorPorts withAudit(AuditTrail a) {
        return new SupervisorPorts(a, calls, chats, ivr, statistics, exports);
    }

    public SupervisorPorts withCalls(CallSupervision c) {
        return new SupervisorPorts(audit, c, chats, ivr, statistics, exports);
    }

    public SupervisorPorts withChats(ChatSupervision c) {
        return new SupervisorPorts(audit, calls, c, ivr, statistics, exports);
    }

    public SupervisorPorts withIvr(IvrClosures i) {
        return new SupervisorPorts(audit, calls, chats, i, statistics, exports);
    }

    public SupervisorPorts withStatistics(BoardStatistics s) {
        return new SupervisorPorts(audit, calls, chats, ivr, s, exports);
    }

    public SupervisorPorts withExports(StatisticsExports e) {
        return new SupervisorPorts(audit, calls, chats, ivr, statistics, e);
    }
}
