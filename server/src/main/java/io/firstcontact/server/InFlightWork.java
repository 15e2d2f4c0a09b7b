package io.firstcontact.server;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a restart leaves in flight, and the commands that resolve it before routing opens (docs/routing-contract.md §8
 * Recovery): attached desktop sessions are marked lost (an advisor comes back only if their desktop re-attaches within
 * the grace period); then the offers that were ringing are cancelled {@code LEASE_LOST} (the interactions keep their
 * place, the advisors their idle time); in demo mode the simulation's previous run ends (its simulated callers and
 * advisors do not survive a restart). Sessions come first so that an advisor whose offer is cancelled is not offered
 * the same work again at once.
 *
 * <p>The runtime asks for the commands on the engine thread once the read model holds the replayed journal, and
 * applies them before any deadline that fell due while the server was down.
 */
final class InFlightWork implements Supplier<List<Command>> {
    private final LiveView view;
    private final boolean demo;
    private final Set<String> demoAgents;
    private final String demoSourcePrefix;
    private volatile List<String> lostSessions = List.of();
    private volatile int cancelledOffers;

    /**
     * @param demoAgents the demo centre's advisors, logged out rather than awaited (empty outside demo mode)
     * @param demoSourcePrefix the {@code sourceRef} prefix of the demo's interactions
     */
    InFlightWork(LiveView view, boolean demo, Set<String> demoAgents, String demoSourcePrefix) {
        this.view = Objects.requireNonNull(view);
        this.demo = demo;
        this.demoAgents = Set.copyOf(demoAgents);
        this.demoSourcePrefix = Objects.requireNonNull(demoSourcePrefix);
    }

    @Override
    public List<Command> get() {
        List<Command> commands = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (AgentView a : view.agents()) {
            if (a.presence() == PresenceState.LOGGED_OUT) {
                continue;
            }
            if (demo && demoAgents.contains(a.agentId())) {
                commands.add(
                        new Command.ChangePresence(a.agentId(), PresenceState.LOGGED_OUT, null, Actor.SYSTEM, true));
            } else if (a.sessionAttached()) {
                commands.add(new Command.SessionLost(a.agentId()));
                lost.add(a.agentId());
            }
        }
        List<OfferView> offers = view.liveOffers();
        for (OfferView o : offers) {
            commands.add(new Command.CancelOffer(o.offerId(), CancelCause.LEASE_LOST, Actor.SYSTEM));
        }
        if (demo) {
            for (InteractionView i : view.liveInteractions()) {
                if (i.sourceRef().startsWith(demoSourcePrefix)) {
                    commands.add(new Command.EndInteraction(i.interactionId(), EndReason.LOST_DURING_OUTAGE));
                }
            }
        }
        lostSessions = List.copyOf(lost);
        cancelledOffers = offers.size();
        return commands;
    }

    /** The advisors whose sessions recovery marked lost: their desktops must re-attach. */
    List<String> lostSessions() {
        return lostSessions;
    }

    /** How many offers recovery cancelled. */
    int cancelledOffers() {
        return cancelledOffers;
    }
}
