package io.firstcontact.desktop.story;

import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.AssignmentView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Why an offer went to its advisor, and why not to the others who take its queue, in words: {@code Offered to Ann
 * (a1): primary queue, longest idle; Bob (a2) was busy (on a call), Cara (a3) was not ready (LUNCH)}.
 *
 * <p>It reads the routing rule of docs/routing-contract.md §2–3 against the read model at the moment of the offer
 * (the entry that made it has just been applied): eligibility — presence, nothing pending, the desktop attached, free
 * capacity on the channel and no channel blocking it, not excluded from the visit, a named advisor's ONLY window, the
 * queue or a widened queue in their routing profile with its delay reached, the skills the contact needs — then the
 * pair rank: named advisors first, then the advisor's tier for the queue, then the queue's strategy. It explains the
 * engine's choice and never makes one; what the read model does not show (per-channel idle times, a phone's own
 * state) is not named.
 */
final class OfferReasons {
    /** Tier of an advisor reached only by widening: after every member (docs/routing-contract.md §4). */
    static final int WIDENED_TIER_OFFSET = 100;
    /** Others named one by one; the rest are counted. */
    static final int MAX_NAMED = 8;

    /** Why an advisor was not offered the contact, most telling first. */
    enum Why {
        RANKED_AFTER,
        LOWER_TIER,
        NOT_NAMED,
        TAKING_ANOTHER,
        BUSY,
        EXCLUDED,
        ONLY_WINDOW,
        DELAY,
        SKILLS,
        PENDING,
        DISCONNECTED,
        NOT_READY
    }

    record Other(Why why, String agentId, String words) {}

    /**
     * What one entry's offers are read against.
     *
     * @param agentsByProfile the advisors of each routing profile
     * @param offeredNow advisors given another contact by the same entry, to that contact's id
     */
    record Scene(
            LiveView view,
            RoutingConfig config,
            Map<String, Set<String>> agentsByProfile,
            Function<String, String> names,
            Map<String, String> offeredNow,
            long at) {}

    private OfferReasons() {}

    static String explain(Fact.OfferCreated offer, Followed f, Scene s) {
        String who = s.names().apply(offer.agentId());
        QueueConfig qc = s.config() == null ? null : s.config().queue(offer.queue());
        AgentView chosen = s.view().agent(offer.agentId()).orElse(null);
        if (qc == null || chosen == null) {
            return "Offered to " + who;
        }
        Standing mine = standing(chosen, f, qc, s);
        List<Other> others = new ArrayList<>();
        int loggedOut = 0;
        for (String id : pool(qc, f, s)) {
            if (id.equals(offer.agentId())) {
                continue;
            }
            AgentView a = s.view().agent(id).orElse(null);
            if (a == null) {
                continue;
            }
            if (a.presence() == PresenceState.LOGGED_OUT) {
                loggedOut++;
                continue;
            }
            others.add(classify(a, mine, offer, f, qc, s));
        }
        others.sort(Comparator.comparing(Other::why).thenComparing(Other::agentId));
        List<String> why = new ArrayList<>();
        why.add(mine.words());
        if (f.relaxLevel > 0) {
            why.add("once its requirements were relaxed");
        }
        boolean rivals = others.stream().anyMatch(o -> o.why() == Why.RANKED_AFTER);
        if (rivals) {
            why.add(strategyWords(strategy(s.config(), qc)));
        } else if (!others.isEmpty() || loggedOut > 0) {
            why.add("the only advisor free for it");
        }
        StringBuilder text =
                new StringBuilder("Offered to ").append(who).append(": ").append(String.join(", ", why));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < others.size() && i < MAX_NAMED; i++) {
            named.add(others.get(i).words());
        }
        if (others.size() > MAX_NAMED) {
            named.add((others.size() - MAX_NAMED) + " more were not free");
        }
        if (loggedOut > 0) {
            named.add(loggedOut + (loggedOut == 1 ? " other was" : " others were") + " logged out");
        }
        if (!named.isEmpty()) {
            text.append("; ").append(String.join(", ", named));
        }
        return text.toString();
    }

    /** Where an advisor stands for the contact: named for it, or their tier for its queue (or a widened one). */
    record Standing(boolean target, int tier, boolean widened) {
        /** The pair rank's parts that belong to the advisor: named first, then the tier. */
        long rank() {
            return (target ? 0L : 1L << 32) + tier;
        }

        String words() {
            if (target) {
                return "named for this contact";
            }
            if (widened) {
                return "reached through overflow to their queue";
            }
            return tier == QueueMembership.DEFAULT_TIER ? "primary queue" : "their tier-" + tier + " queue";
        }
    }

    static Standing standing(AgentView a, Followed f, QueueConfig qc, Scene s) {
        boolean target = target(f, a.agentId(), s.at()) != null;
        RoutingProfile p = s.config().routingProfile(a.routingProfile());
        QueueMembership m = p == null ? null : p.membership(qc.id());
        if (m != null) {
            return new Standing(target, m.tier(), false);
        }
        int best = Integer.MAX_VALUE;
        if (p != null) {
            for (QueueMembership pm : p.queues()) {
                if (f.widenedTo.contains(pm.queue())) {
                    best = Math.min(best, WIDENED_TIER_OFFSET + pm.tier());
                }
            }
        }
        return best == Integer.MAX_VALUE ? new Standing(target, 1, false) : new Standing(target, best, true);
    }

    private static Target target(Followed f, String agentId, long at) {
        for (Target t : f.targets) {
            if (t.agentId().equals(agentId) && t.untilMillis() > at) {
                return t;
            }
        }
        return null;
    }

    private static boolean onlyWindowOpen(Followed f, long at) {
        return f.targets.stream().anyMatch(t -> t.mode() == TargetMode.ONLY && t.untilMillis() > at);
    }

    /** Everyone who could take the queue: its members, the members of the queues it widened to, its named advisors. */
    private static Set<String> pool(QueueConfig qc, Followed f, Scene s) {
        Set<String> out = new TreeSet<>();
        for (RoutingProfile p : s.config().routingProfiles()) {
            boolean takes = p.membership(qc.id()) != null;
            for (QueueMembership m : p.queues()) {
                takes |= f.widenedTo.contains(m.queue());
            }
            if (takes) {
                out.addAll(s.agentsByProfile().getOrDefault(p.id(), Set.of()));
            }
        }
        f.targets.forEach(t -> out.add(t.agentId()));
        return out;
    }

    private static Other classify(
            AgentView a, Standing mine, Fact.OfferCreated offer, Followed f, QueueConfig qc, Scene s) {
        String who = s.names().apply(a.agentId());
        String other = s.offeredNow().get(a.agentId());
        if (other != null) {
            return new Other(Why.TAKING_ANOTHER, a.agentId(), who + " was given another contact at the same moment");
        }
        String busy = busy(a, qc.channel(), s);
        if (busy != null) {
            return new Other(Why.BUSY, a.agentId(), who + " was busy (" + busy + ")");
        }
        if (a.presence() == PresenceState.NOT_READY) {
            return new Other(Why.NOT_READY, a.agentId(), who + " was not ready (" + a.reason() + ")");
        }
        if (a.pendingPresence() != null) {
            String next = a.pendingPresence() == PresenceState.LOGGED_OUT
                    ? "logging out"
                    : "going not ready (" + a.pendingReason() + ")";
            return new Other(Why.PENDING, a.agentId(), who + " was " + next);
        }
        if (!a.sessionAttached()) {
            return new Other(Why.DISCONNECTED, a.agentId(), who + "'s desktop was disconnected");
        }
        String excluded = f.excluded.get(a.agentId());
        if (excluded != null) {
            return new Other(Why.EXCLUDED, a.agentId(), who + " had " + excluded);
        }
        Standing theirs = standing(a, f, qc, s);
        if (onlyWindowOpen(f, s.at()) && !theirs.target()) {
            return new Other(Why.ONLY_WINDOW, a.agentId(), who + " was not the advisor it waited for");
        }
        String lacking = lacking(a, f.requirements == null ? qc.requirements() : f.requirements);
        if (lacking != null) {
            return new Other(Why.SKILLS, a.agentId(), who + " " + lacking);
        }
        QueueMembership m = membership(a, qc, s);
        if (!theirs.target() && m != null && m.delayMillis() > s.at() - f.enteredAt) {
            return new Other(
                    Why.DELAY,
                    a.agentId(),
                    who + " takes this queue only after " + m.delayMillis() / 1000 + " s of waiting");
        }
        if (mine.target() && !theirs.target()) {
            return new Other(Why.NOT_NAMED, a.agentId(), who + " was not the named advisor");
        }
        if (theirs.rank() > mine.rank()) {
            String tier = theirs.widened() ? "only through overflow" : "at tier " + theirs.tier();
            return new Other(Why.LOWER_TIER, a.agentId(), who + " has this queue " + tier);
        }
        return new Other(
                Why.RANKED_AFTER,
                a.agentId(),
                who + " was free too, ranked after by " + strategyWords(strategy(s.config(), qc)));
    }

    private static QueueMembership membership(AgentView a, QueueConfig qc, Scene s) {
        RoutingProfile p = s.config().routingProfile(a.routingProfile());
        return p == null ? null : p.membership(qc.id());
    }

    /** The first requirement the advisor does not meet, in words; null when they meet them all. */
    static String lacking(AgentView a, List<Requirement> requirements) {
        for (Requirement r : requirements) {
            int has = 0;
            for (SkillLevel sl : a.skills()) {
                if (sl.skill().equals(r.skill())) {
                    has = sl.proficiency();
                }
            }
            if (has == 0) {
                return "lacks the skill " + r.skill();
            }
            if (has < r.minProficiency()) {
                return "has " + r.skill() + " " + has + ", " + r.minProficiency() + " needed";
            }
        }
        return null;
    }

    /**
     * Why the advisor has no room on the channel (docs/routing-contract.md §2: capacity per channel, offers and
     * assignments in wrap-up included, and the channels work elsewhere blocks), or null when they have room.
     */
    static String busy(AgentView a, String channel, Scene s) {
        UtilisationProfile up = s.config().utilisationProfile(a.utilisationProfile());
        ChannelCapacity cap = up == null ? null : up.capacity(channel);
        if (cap == null) {
            return "takes no " + noun(s.config(), channel) + "s";
        }
        int used = 0;
        boolean talking = false;
        boolean ringing = false;
        String blocked = null;
        for (String id : a.offerIds()) {
            OfferView o = s.view().offer(id).orElse(null);
            if (o == null || !o.live()) {
                continue;
            }
            if (o.channel().equals(channel)) {
                used++;
                ringing = true;
            } else if (blocks(up, o.channel(), channel, true)) {
                blocked = "being offered a " + noun(s.config(), o.channel());
            }
        }
        for (String id : a.assignmentIds()) {
            AssignmentView as = s.view().assignment(id).orElse(null);
            if (as == null || as.status() == AssignmentStatus.DONE) {
                continue;
            }
            boolean active = as.status() == AssignmentStatus.ACTIVE;
            if (as.channel().equals(channel)) {
                used++;
                talking |= active;
            } else if (blocks(up, as.channel(), channel, active)) {
                String n = noun(s.config(), as.channel());
                blocked = active ? "on a " + n : "wrapping up a " + n;
            }
        }
        String n = noun(s.config(), channel);
        if (used >= cap.max()) {
            if (talking) {
                return cap.max() == 1 ? "on a " + n : used + " " + n + "s open";
            }
            return ringing ? "being offered another " + n : "in wrap-up";
        }
        return blocked;
    }

    private static boolean blocks(UtilisationProfile up, String busyChannel, String channel, boolean active) {
        ChannelCapacity c = up.capacity(busyChannel);
        if (c == null) {
            return false;
        }
        return (active ? c.blocksWhileActive() : c.blocksInWrapUp()).contains(channel);
    }

    /** What one piece of work on a channel is called: a call, a chat, or the channel's own name. */
    static String noun(RoutingConfig config, String channel) {
        ChannelConfig c = config.channel(channel);
        if (c == null) {
            return channel;
        }
        return c.mediaClass() == MediaClass.REALTIME_VOICE
                ? "call"
                : c.mediaClass() == MediaClass.REALTIME_TEXT ? "chat" : channel;
    }

    static RoutingStrategy strategy(RoutingConfig config, QueueConfig qc) {
        if (qc.strategy() != null) {
            return qc.strategy();
        }
        ChannelConfig c = config.channel(qc.channel());
        return c == null ? RoutingStrategy.LONGEST_IDLE : c.mediaClass().defaultStrategy();
    }

    static String strategyWords(RoutingStrategy s) {
        return switch (s) {
            case LONGEST_IDLE -> "longest idle";
            case LEAST_OCCUPIED -> "least occupied";
            case MOST_SKILLED -> "most skilled";
        };
    }
}
