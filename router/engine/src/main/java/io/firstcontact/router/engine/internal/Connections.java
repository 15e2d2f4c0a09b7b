package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;

/**
 * The customer's connection (docs/routing-contract.md §11): a customer who drops while waiting keeps their place for
 * the channel's grace period, then has left; with an advisor, a dropped connection is a fact only.
 */
final class Connections {
    private final EngineCore core;

    Connections(EngineCore core) {
        this.core = core;
    }

    void lost(String id) {
        InteractionState i = core.interaction(id);
        if (i == null) {
            return;
        }
        if (i.customerAway) {
            core.refuse(Refusal.CONFLICT, "the customer is disconnected already");
            return;
        }
        boolean withAdvisor = i.phase == Phase.CONNECTED || i.phase == Phase.PARKED;
        if (i.dialOut && !withAdvisor) {
            core.refuse(Refusal.CONFLICT, "the interaction has no customer connected while it waits");
            return;
        }
        i.customerAway = true;
        if (withAdvisor) {
            core.fact(new Fact.CustomerConnectionLost(i.id, null));
            return;
        }
        long until = core.now + core.lookup.channels.get(i.channel).disconnectGraceMillis();
        core.fact(new Fact.CustomerConnectionLost(i.id, until));
        if (until <= core.now) {
            graceOver(i);
            core.settle();
        } else {
            core.schedule.at(i.customerGrace(), until);
        }
    }

    void restored(String id) {
        InteractionState i = core.interaction(id);
        if (i == null) {
            return;
        }
        if (!i.customerAway) {
            core.refuse(Refusal.CONFLICT, "the customer is not disconnected");
            return;
        }
        i.customerAway = false;
        core.schedule.cancel(i.customerGrace);
        core.fact(new Fact.CustomerConnectionRestored(i.id));
    }

    /** The grace period is over with the customer still away and still waiting: they have left. */
    void graceOver(InteractionState i) {
        boolean waiting = i.phase == Phase.SELF_SERVICE || i.phase == Phase.QUEUED || i.phase == Phase.OFFERED;
        if (i.customerAway && waiting) {
            core.contacts.finish(i, EndReason.CUSTOMER_LEFT);
        }
    }
}
