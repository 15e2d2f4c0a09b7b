package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.EndReason;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A source's inventory after a restart or a reconnect (docs/routing-contract.md §8, §11): its live interactions the
 * source no longer has ended while the router was away; the objects it has that the router does not know are named
 * back for the source to create. Callbacks are left alone: while they wait, no object at the source is theirs.
 */
final class Inventories {
    private final EngineCore core;

    Inventories(EngineCore core) {
        this.core = core;
    }

    void reconcile(Command.SourceInventory c) {
        String prefix = c.source() + ":";
        for (String ref : c.sourceRefs()) {
            if (!ref.startsWith(prefix)) {
                core.refuse(Refusal.INVALID, "every sourceRef of the source starts with the source's name and a colon");
                return;
            }
        }
        TreeSet<String> listed = new TreeSet<>(c.sourceRefs());
        // The source's range of the ordered map: the refs from "<source>:" up to, not including, "<source>;".
        String end = c.source() + (char) (':' + 1);
        List<InteractionState> missing = new ArrayList<>();
        for (InteractionState i : core.bySourceRef.subMap(prefix, end).values()) {
            if (i.callback == null && !listed.contains(i.sourceRef)) {
                missing.add(i);
            }
        }
        for (InteractionState i : missing) {
            core.contacts.finish(i, EndReason.LOST_DURING_OUTAGE);
        }
        List<String> unknown = new ArrayList<>();
        for (String ref : listed) {
            if (!core.bySourceRef.containsKey(ref)) {
                unknown.add(ref);
            }
        }
        core.fact(new Fact.InventoryReconciled(c.source(), listed.size(), missing.size(), unknown));
        core.settle();
    }
}
