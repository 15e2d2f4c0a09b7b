package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Phase;

/**
 * Hold (docs/routing-contract.md §11): a connected call is parked and resumed; the advisor's assignment stays active
 * and keeps its capacity, so hold time is handle time.
 */
final class Holds {
    private final EngineCore core;

    Holds(EngineCore core) {
        this.core = core;
    }

    void park(String id) {
        InteractionState i = core.interaction(id);
        if (i == null) {
            return;
        }
        if (i.phase != Phase.CONNECTED) {
            core.refuse(Refusal.CONFLICT, "the interaction is " + i.phase + ", not connected");
            return;
        }
        if (!core.isVoice(i.channel)) {
            core.refuse(Refusal.INVALID, "only a call is held: the interaction is on " + i.channel);
            return;
        }
        if (i.callback != null && i.callback.dialling) {
            core.refuse(Refusal.CONFLICT, "the interaction is a callback whose customer is being dialled");
            return;
        }
        i.park(core.now);
        core.fact(new Fact.InteractionParked(i.id));
    }

    void resume(String id) {
        InteractionState i = core.interaction(id);
        if (i == null) {
            return;
        }
        if (i.phase != Phase.PARKED) {
            core.refuse(Refusal.CONFLICT, "the interaction is " + i.phase + ", not parked");
            return;
        }
        i.resume();
        core.fact(new Fact.InteractionResumed(i.id));
    }
}
