package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.Decision;

/** The engine's pending deadlines: scheduled, moved, cancelled, and fired in due order by a {@code DeadlinesDue} input. */
final class Schedule {
    private final EngineCore core;

    Schedule(EngineCore core) {
        this.core = core;
    }

    /** Schedules (or moves) the deadline to {@code due}; {@link Decision#NO_DEADLINE} cancels it. */
    void at(Deadline d, long due) {
        if (d.scheduled) {
            if (d.due == due) {
                return;
            }
            core.deadlines.remove(d);
            d.scheduled = false;
        }
        if (due == Decision.NO_DEADLINE) {
            return;
        }
        d.due = due;
        d.order = ++core.deadlineCounter;
        core.deadlines.add(d);
        d.scheduled = true;
    }

    /** Cancels the deadline if it is scheduled: a cancelled deadline never fires. */
    void cancel(Deadline d) {
        if (d != null && d.scheduled) {
            core.deadlines.remove(d);
            d.scheduled = false;
        }
    }

    /** Fires every deadline due at or before now, in due order, settling routing after each. */
    void fireDue() {
        while (!core.deadlines.isEmpty() && core.deadlines.first().due <= core.now) {
            Deadline d = core.deadlines.pollFirst();
            d.scheduled = false;
            switch (d.kind) {
                case OFFER_TIMEOUT -> core.offering.timeout((OfferState) d.owner);
                case WRAP_UP_END -> core.wrapUp.finish((AssignmentState) d.owner);
                case VISIT -> core.visits.visitDeadline((VisitState) d.owner);
                case SESSION_GRACE -> core.workforce.sessionGraceOver((AgentState) d.owner);
                case CALLBACK_DUE -> core.callbacks.due((InteractionState) d.owner);
                case CUSTOMER_GRACE -> core.connections.graceOver((InteractionState) d.owner);
            }
            core.settle();
        }
    }
}
