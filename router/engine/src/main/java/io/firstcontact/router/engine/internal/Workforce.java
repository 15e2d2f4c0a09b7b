package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.ArrayList;
import java.util.List;

/** Advisors: their definitions (skills, profiles), presence with its pending changes, and desktop sessions. */
final class Workforce {
    private final EngineCore core;

    Workforce(EngineCore core) {
        this.core = core;
    }

    private String unknownSkill(List<SkillLevel> skills) {
        for (SkillLevel s : skills) {
            if (!core.config.hasSkill(s.skill())) {
                return s.skill();
            }
        }
        return null;
    }

    void defineAgent(Command.DefineAgent c) {
        UtilisationProfile util = core.lookup.utilisationProfiles.get(c.utilisationProfile());
        RoutingProfile routing = core.lookup.routingProfiles.get(c.routingProfile());
        if (util == null || routing == null) {
            core.refuse(Refusal.INVALID, util == null ? "unknown utilisation profile" : "unknown routing profile");
            return;
        }
        String skill = unknownSkill(c.skills());
        if (skill != null) {
            core.refuse(Refusal.INVALID, "unknown skill");
            return;
        }
        AgentState a = core.agents.get(c.agentId());
        if (a == null) {
            a = new AgentState(c.agentId());
            a.presenceSince = core.now;
            int n = core.channelIds.size();
            a.active = new int[n];
            a.wrapping = new int[n];
            a.availableSince = new long[n];
            core.agents.put(a.id, a);
        }
        a.skills = c.skills();
        a.utilisationProfileId = util.id();
        a.routingProfileId = routing.id();
        a.routing = routing;
        a.applyUtilisation(util, core.channelIds, core.voiceChannels);
        core.fact(new Fact.AgentDefined(a.id, util.id(), routing.id()));
        core.index.agentRedefined(a);
        core.settle();
    }

    void changeSkills(Command.ChangeSkills c) {
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        String skill = unknownSkill(c.skills());
        if (skill != null) {
            core.refuse(Refusal.INVALID, "unknown skill");
            return;
        }
        a.skills = c.skills();
        core.fact(new Fact.AgentSkillsChanged(a.id));
        core.index.agentRedefined(a);
        core.settle();
    }

    void assignRoutingProfile(Command.AssignRoutingProfile c) {
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        RoutingProfile routing = core.lookup.routingProfiles.get(c.routingProfile());
        if (routing == null) {
            core.refuse(Refusal.INVALID, "unknown routing profile");
            return;
        }
        a.routingProfileId = routing.id();
        a.routing = routing;
        core.fact(new Fact.RoutingProfileAssigned(a.id, routing.id(), c.actor()));
        core.index.agentRedefined(a);
        core.settle();
    }

    void logIn(Command.LogIn c) {
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        if (a.presence != PresenceState.LOGGED_OUT) {
            core.refuse(Refusal.CONFLICT, "the advisor is already logged in");
            return;
        }
        a.sessionAttached = true;
        a.pendingPresence = null;
        a.pendingReason = null;
        a.pendingActor = null;
        java.util.Arrays.fill(a.availableSince, core.now);
        setPresence(
                a,
                c.ready() ? PresenceState.READY : PresenceState.NOT_READY,
                c.ready() ? null : NotReadyReasons.LOGIN,
                c.actor());
        a.phone = c.device();
        if (c.device() != null) {
            core.fact(new Fact.DeviceAssigned(a.id, c.device()));
        }
        core.index.agentChanged(a);
        core.settle();
    }

    void changePresence(Command.ChangePresence c) {
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT) {
            core.refuse(Refusal.CONFLICT, "the advisor is not logged in");
            return;
        }
        if (c.presence() == PresenceState.NOT_READY
                && core.config.notReadyReason(c.reason()) == null
                && !(NotReadyReasons.isSystem(c.reason())
                        && c.actor().kind() != io.firstcontact.router.api.model.ActorKind.AGENT)) {
            core.refuse(Refusal.INVALID, "unknown not-ready reason");
            return;
        }
        if (c.presence() == PresenceState.LOGGED_OUT) {
            logOut(a, c.actor(), c.force());
        } else {
            requestPresence(a, c.presence(), c.reason(), c.actor());
        }
        core.settle();
    }

    /** Ask for a presence: READY at once; NOT_READY or LOGGED_OUT pending while work is open. */
    void requestPresence(AgentState a, PresenceState state, String reason, Actor actor) {
        if (state == PresenceState.READY) {
            if (a.pendingPresence != null) {
                core.fact(new Fact.PresencePendingWithdrawn(a.id, a.pendingPresence, actor));
            }
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            if (a.presence != PresenceState.READY) {
                setPresence(a, PresenceState.READY, null, actor);
            }
        } else if (a.hasWork()) {
            a.pendingPresence = state;
            a.pendingReason = reason;
            a.pendingActor = actor;
            core.fact(new Fact.PresencePending(a.id, state, reason, actor));
        } else {
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, state, reason, actor);
        }
        if (state == PresenceState.LOGGED_OUT || (state == PresenceState.NOT_READY && releasesTargets(reason))) {
            core.targeting.releaseTargets(a, state == PresenceState.LOGGED_OUT ? "LOGGED_OUT" : reason);
        }
        core.index.agentChanged(a);
    }

    private boolean releasesTargets(String reason) {
        if (NotReadyReasons.DISCONNECTED.equals(reason) || NotReadyReasons.DEVICE.equals(reason)) {
            return true;
        }
        var r = core.config.notReadyReason(reason);
        return r != null && r.releasesTargets();
    }

    private void setPresence(AgentState a, PresenceState state, String reason, Actor actor) {
        PresenceState from = a.presence;
        a.presence = state;
        a.reason = reason;
        a.presenceSince = core.now;
        if (state == PresenceState.READY && from != PresenceState.READY) {
            java.util.Arrays.fill(a.availableSince, core.now);
        }
        if (state == PresenceState.LOGGED_OUT) {
            a.sessionAttached = false;
            a.phone = null;
            core.schedule.cancel(a.sessionDeadline);
        }
        core.fact(new Fact.PresenceChanged(a.id, from, state, reason, actor));
    }

    /** Work ended: a pending presence applies once nothing is open. */
    void afterWork(AgentState a) {
        if (!a.hasWork() && a.pendingPresence != null) {
            PresenceState p = a.pendingPresence;
            String r = a.pendingReason;
            Actor who = a.pendingActor;
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, p, r, who);
        }
        core.index.agentChanged(a);
    }

    private void logOut(AgentState a, Actor actor, boolean force) {
        core.targeting.releaseTargets(a, "LOGGED_OUT");
        for (OfferState o : new ArrayList<>(a.liveOffers.values())) {
            if (o.consult) {
                core.consults.offerEnded(o, OfferStatus.CANCELLED, CancelCause.AGENT_LOGGED_OUT.name(), true);
            } else {
                core.offering.endOffer(o, OfferStatus.CANCELLED, CancelCause.AGENT_LOGGED_OUT.name(), true);
                core.visits.returnToQueue(o.visit);
            }
        }
        for (AssignmentState as : new ArrayList<>(a.assignments.values())) {
            boolean voice = channelMedia(as.channelIndex) == MediaClass.REALTIME_VOICE;
            if (as.status == AssignmentStatus.ACTIVE
                    && !voice
                    && (force || core.config.policy().requeueOpenWorkOnLogout())) {
                core.wrapUp.requeue(as);
            } else if (force && as.status == AssignmentStatus.WRAP_UP) {
                core.wrapUp.finish(as);
            }
        }
        if (force || !a.hasWork()) {
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, PresenceState.LOGGED_OUT, null, actor);
        } else {
            a.pendingPresence = PresenceState.LOGGED_OUT;
            a.pendingReason = null;
            a.pendingActor = actor;
            core.fact(new Fact.PresencePending(a.id, PresenceState.LOGGED_OUT, null, actor));
        }
        core.index.agentChanged(a);
    }

    /**
     * The advisor's phone changed state. A phone that is no longer free stops voice offers to them (not other
     * channels); one that becomes free may make an offer at once. A repeated report changes nothing.
     */
    void deviceStateChanged(Command.DeviceStateChanged c) {
        AgentState a = core.agent(c.agentId());
        if (a == null || a.device == c.state()) {
            return;
        }
        a.device = c.state();
        core.fact(new Fact.AgentDeviceChanged(a.id, a.device));
        core.index.agentChanged(a);
        core.settle();
    }

    private MediaClass channelMedia(int channelIndex) {
        return core.lookup.channels.get(core.channelIds.get(channelIndex)).mediaClass();
    }

    void sessionLost(String agentId) {
        AgentState a = core.agent(agentId);
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT || !a.sessionAttached) {
            core.refuse(Refusal.CONFLICT, "the advisor has no attached session");
            return;
        }
        a.sessionAttached = false;
        core.fact(new Fact.SessionChanged(a.id, false));
        core.schedule.at(a.sessionDeadline, core.now + core.config.policy().sessionGraceMillis());
        core.index.agentChanged(a);
        core.settle();
    }

    void sessionRestored(String agentId) {
        AgentState a = core.agent(agentId);
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT || a.sessionAttached) {
            core.refuse(Refusal.CONFLICT, "the advisor has no lost session");
            return;
        }
        a.sessionAttached = true;
        core.schedule.cancel(a.sessionDeadline);
        core.fact(new Fact.SessionChanged(a.id, true));
        core.index.agentChanged(a);
        core.settle();
    }

    void sessionGraceOver(AgentState a) {
        if (!a.sessionAttached && a.presence != PresenceState.LOGGED_OUT) {
            requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.DISCONNECTED, Actor.SYSTEM);
        }
    }
}
