package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;

/** Outcomes recorded for the statistics (self-service, cross-sell, wrap-up codes): facts, no routing change. */
final class Outcomes {
    private final EngineCore core;

    Outcomes(EngineCore core) {
        this.core = core;
    }

    void recordSelfService(Command.RecordSelfService c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i != null) {
            core.fact(new Fact.SelfServiceRecorded(i.id, i.channel, c.service(), c.outcome()));
        }
    }

    void recordCrossSell(Command.RecordCrossSell c) {
        AssignmentState as = openAssignment(c.assignmentId());
        if (as != null) {
            core.fact(new Fact.CrossSellRecorded(as.id, as.interaction.id, as.agent.id, c.service(), c.outcome()));
        }
    }

    void recordWrapUp(Command.RecordWrapUp c) {
        AssignmentState as = openAssignment(c.assignmentId());
        if (as != null) {
            core.fact(new Fact.WrapUpRecorded(as.id, as.interaction.id, as.agent.id, c.codes()));
        }
    }

    /** An assignment still active or in wrap-up, or null with the command refused. */
    private AssignmentState openAssignment(String id) {
        AssignmentState as = core.assignments.get(id);
        if (as == null) {
            core.refuse(Refusal.NOT_FOUND, "no such open assignment");
        }
        return as;
    }
}
