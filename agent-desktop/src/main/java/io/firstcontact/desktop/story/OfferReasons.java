package io.firstcontact.desktop.story;

import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.view.AgentState;
import io.firstcontact.router.view.LiveView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * What one entry's offers are read against.
     *
     * @param classes the advisors of each routing profile's team, with their contact-independent classes
     * @param offeredNow advisors given another contact by the same entry, to that contact's id
     */
    record Scene(
            LiveView view,
            RoutingConfig config,
            AdvisorClasses classes,
            Function<String, String> names,
            Map<String, String> offeredNow,
            long at) {}

    private OfferReasons() {}

    /**
     * The offer's reasons in words.
     *
     * <p>Bounded work, P being the advisors who take the queue (the members of the routing profiles that take it or a
     * queue it widened to, and its named advisors): one pass over them with one look-up each in the read model ({@link
     * LiveView#agentState}, nothing copied); each is classified with no words and no allocation, in time bounded by
     * their open work, the contact's requirements times their skills, and its targets (the profile look-ups are shared
     * by consecutive advisors of one profile); the first {@link #MAX_NAMED} by (why, id) are kept in a bounded
     * selection, at most MAX_NAMED steps per advisor; and only those are put in words. O(P · MAX_NAMED) at worst,
     * with no sort and no set of the pool.
     */
    static String explain(Fact.OfferCreated offer, Followed f, Scene s) {
        String who = s.names().apply(offer.agentId());
        QueueConfig qc = s.config() == null ? null : s.config().queue(offer.queue());
        AgentState chosen = s.view().agentState(offer.agentId());
        if (qc == null || chosen == null) {
            return "Offered to " + who;
        }
        Reading r = new Reading(standing(chosen, f, qc, s), f, qc, s);
        List<AdvisorClasses.Team> teams = s.classes().teams(profilesTaking(qc, f, s.config()));
        for (AdvisorClasses.Team team : teams) {
            AdvisorClasses.Column c = team.column(qc.channel(), s.config(), r.room);
            AdvisorClasses.Skilled skilled = c.skilled(r.requirements);
            if (s.classes().keeps()) {
                r.readTeam(team, c, skilled, offer.agentId());
            } else {
                for (int i = 0; i < team.ids.length; i++) { // the reference: one advisor at a time
                    r.read(team.ids[i], c.classes[i], skilled, i, team.profile, offer.agentId());
                }
            }
        }
        // Named advisors outside those teams, each once.
        for (int t = 0; t < f.targets.size(); t++) {
            String id = f.targets.get(t).agentId();
            if (!inAnyTeam(s.classes(), teams, id) && !targetedEarlier(f, t, id)) {
                AgentState a = s.view().agentState(id);
                r.read(id, AdvisorClasses.Availability.of(a, r.room), null, -1, null, offer.agentId());
            }
        }
        List<String> why = new ArrayList<>();
        why.add(r.mine.words());
        if (f.relaxLevel > 0) {
            why.add("once its requirements were relaxed");
        }
        if (r.rivals) {
            why.add(strategyWords(strategy(s.config(), qc)));
        } else if (r.others > 0 || r.loggedOut > 0) {
            why.add("the only advisor free for it");
        }
        StringBuilder text =
                new StringBuilder("Offered to ").append(who).append(": ").append(String.join(", ", why));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < r.named.size(); i++) {
            words.add(r.words(r.named.why(i), s.view().agentState(r.named.agentId(i))));
        }
        if (r.others > MAX_NAMED) {
            words.add((r.others - MAX_NAMED) + " more were not free");
        }
        if (r.loggedOut > 0) {
            words.add(r.loggedOut + (r.loggedOut == 1 ? " other was" : " others were") + " logged out");
        }
        if (!words.isEmpty()) {
            text.append("; ").append(String.join(", ", words));
        }
        return text.toString();
    }

    /** The routing profiles that take the queue or a queue it widened to. An advisor is in one profile only. */
    private static List<String> profilesTaking(QueueConfig qc, Followed f, RoutingConfig config) {
        List<String> out = new ArrayList<>();
        for (RoutingProfile p : config.routingProfiles()) {
            boolean takes = p.membership(qc.id()) != null;
            for (QueueMembership m : p.queues()) {
                takes |= f.widenedTo.contains(m.queue());
            }
            if (takes) {
                out.add(p.id());
            }
        }
        return out;
    }

    private static boolean inAnyTeam(AdvisorClasses classes, List<AdvisorClasses.Team> teams, String id) {
        for (AdvisorClasses.Team team : teams) {
            if (classes.inTeam(id, team)) {
                return true;
            }
        }
        return false;
    }

    private static boolean targetedEarlier(Followed f, int t, String id) {
        for (int i = 0; i < t; i++) {
            if (f.targets.get(i).agentId().equals(id)) {
                return true;
            }
        }
        return false;
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

    static Standing standing(AgentState a, Followed f, QueueConfig qc, Scene s) {
        return standing(target(f, a.agentId(), s.at()) != null, s.config().routingProfile(a.routingProfile()), f, qc);
    }

    /** Where an advisor of routing profile {@code p} (null when not configured) stands for the queue. */
    private static Standing standing(boolean target, RoutingProfile p, Followed f, QueueConfig qc) {
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
        for (int i = 0; i < f.targets.size(); i++) { // indexed: no iterator for each advisor read
            Target t = f.targets.get(i);
            if (t.agentId().equals(agentId) && t.untilMillis() > at) {
                return t;
            }
        }
        return null;
    }

    private static boolean onlyWindowOpen(Followed f, long at) {
        return f.targets.stream().anyMatch(t -> t.mode() == TargetMode.ONLY && t.untilMillis() > at);
    }

    /**
     * One offer's reading of the advisors who could have had it: {@link #read} counts each and keeps the first few to
     * name, with no words; {@link #words} says why one was not offered it, for those few.
     */
    private static final class Reading {
        final Standing mine;
        final FirstNamed named = new FirstNamed(MAX_NAMED);
        /** Logged-in advisors read, each not offered it. */
        int others;

        int loggedOut;
        /** Whether one of them was free too and ranked after by the queue's strategy. */
        boolean rivals;

        private final Followed f;
        private final QueueConfig qc;
        private final Scene s;
        final ChannelRoom room;
        private final boolean onlyWindowOpen;
        final List<Requirement> requirements;
        /** The routing profile of the advisor last read, and where its advisors stand: the next is often alike. */
        private String profileId;

        private boolean profileRead;
        private QueueMembership membership;
        private Standing untargeted;
        private Standing targeted;

        Reading(Standing mine, Followed f, QueueConfig qc, Scene s) {
            this.mine = mine;
            this.f = f;
            this.qc = qc;
            this.s = s;
            this.room = new ChannelRoom(s.config(), qc.channel());
            this.onlyWindowOpen = onlyWindowOpen(f, s.at());
            this.requirements = f.requirements == null ? qc.requirements() : f.requirements;
        }

        /**
         * Reads an advisor who could have had it, unless they are the one who did or are unknown: counted, and kept to
         * be named if they come first by why, then id. The rules of the contract are read in order: another contact
         * given them by the same entry, then their {@link AdvisorClasses.Availability availability}, then (when they
         * had room) the rules that depend on the contact, {@link #whenAvailable}. Their own state is read only for
         * the last.
         *
         * @param skilled whether the team's advisors meet the contact's requirements, with {@code i} this advisor's
         *     place in the team; null for an advisor outside the teams
         * @param profile the team's routing profile, every member's; null for an advisor outside the teams
         */
        void read(
                String agentId,
                AdvisorClasses.Availability availability,
                AdvisorClasses.Skilled skilled,
                int i,
                String profile,
                String offeredTo) {
            if (availability == AdvisorClasses.Availability.UNKNOWN || agentId.equals(offeredTo)) {
                return;
            }
            if (availability == AdvisorClasses.Availability.LOGGED_OUT) {
                loggedOut++;
                return;
            }
            Why why;
            if (s.offeredNow().containsKey(agentId)) {
                why = Why.TAKING_ANOTHER;
            } else if (availability.why != null) {
                why = availability.why;
            } else if (skilled != null) {
                // A member of the team: their profile is the team's, and the team's cache says whether they meet the
                // requirements, so their own state need not be read (a pool has hundreds free at once).
                why = whenAvailable(agentId, profile, !skilled.unmet(i));
            } else {
                AgentState a = s.view().agentState(agentId);
                why = whenAvailable(agentId, a.routingProfile(), unmet(a, requirements) == null);
            }
            others++;
            rivals |= why == Why.RANKED_AFTER;
            named.offer(why, agentId);
        }

        /**
         * Reads a team's advisors as {@link #read} would one by one, from the team's kept classes: those the contact
         * singles out (the one offered it, those given another contact by the same entry, those left out of it, those
         * named for it) one by one, and the rest by class: the rules that depend on the contact give every one of them
         * in a class the same reason, so each class is counted whole and only its first few, by id, are offered to be
         * named.
         */
        void readTeam(
                AdvisorClasses.Team team, AdvisorClasses.Column c, AdvisorClasses.Skilled skilled, String offeredTo) {
            BitSet singled = new BitSet(team.ids.length);
            single(singled, team, offeredTo);
            s.offeredNow().keySet().forEach(id -> single(singled, team, id));
            f.excluded.keySet().forEach(id -> single(singled, team, id));
            for (int t = 0; t < f.targets.size(); t++) {
                single(singled, team, f.targets.get(t).agentId());
            }
            for (int i = singled.nextSetBit(0); i >= 0; i = singled.nextSetBit(i + 1)) {
                read(team.ids[i], c.classes[i], skilled, i, team.profile, offeredTo);
            }
            for (AdvisorClasses.Availability a : AdvisorClasses.Availability.values()) {
                BitSet places = c.of(a);
                places.andNot(singled);
                if (places.isEmpty() || a == AdvisorClasses.Availability.UNKNOWN) {
                    continue;
                }
                if (a == AdvisorClasses.Availability.LOGGED_OUT) {
                    loggedOut += places.cardinality();
                } else if (a.why != null) {
                    readAll(team, places, a.why);
                } else {
                    BitSet lacking = (BitSet) places.clone();
                    lacking.and(skilled.unmetPlaces());
                    places.andNot(skilled.unmetPlaces());
                    readAll(team, lacking, byStanding(team.profile, false, false));
                    readAll(team, places, byStanding(team.profile, false, true));
                }
            }
        }

        private void single(BitSet singled, AdvisorClasses.Team team, String agentId) {
            int i = s.classes().indexIn(team, agentId);
            if (i >= 0) {
                singled.set(i);
            }
        }

        /** Advisors of a team not offered the contact, all for {@code why}: counted, and the first few offered to name. */
        private void readAll(AdvisorClasses.Team team, BitSet places, Why why) {
            int n = places.cardinality();
            if (n == 0) {
                return;
            }
            others += n;
            rivals |= why == Why.RANKED_AFTER;
            int offered = 0;
            for (int i = places.nextSetBit(0); i >= 0 && offered < MAX_NAMED; i = places.nextSetBit(i + 1)) {
                named.offer(why, team.ids[i]);
                offered++;
            }
        }

        /**
         * Why an advisor with room on the channel, ready and attached, was not offered the contact: the first of the
         * contract's rules that depend on the contact they fail.
         */
        private Why whenAvailable(String agentId, String routingProfile, boolean skillsMet) {
            if (f.excluded.containsKey(agentId)) {
                return Why.EXCLUDED;
            }
            return byStanding(routingProfile, target(f, agentId, s.at()) != null, skillsMet);
        }

        /**
         * {@link #whenAvailable} past the contact's exclusions: the rules read in order for an advisor of the routing
         * profile, named for the contact ({@code target}) or not, meeting its requirements or not.
         */
        private Why byStanding(String routingProfile, boolean target, boolean skillsMet) {
            place(routingProfile);
            Standing theirs = target ? targeted : untargeted;
            if (onlyWindowOpen && !theirs.target()) {
                return Why.ONLY_WINDOW;
            }
            if (!skillsMet) {
                return Why.SKILLS;
            }
            QueueMembership m = membership;
            if (!theirs.target() && m != null && m.delayMillis() > s.at() - f.enteredAt) {
                return Why.DELAY;
            }
            if (mine.target() && !theirs.target()) {
                return Why.NOT_NAMED;
            }
            if (theirs.rank() > mine.rank()) {
                return Why.LOWER_TIER;
            }
            return Why.RANKED_AFTER;
        }

        /** Reads where advisors of the routing profile stand, unless the last advisor read had it too. */
        private void place(String routingProfile) {
            if (profileRead && Objects.equals(routingProfile, profileId)) {
                return;
            }
            RoutingProfile p = s.config().routingProfile(routingProfile);
            profileId = routingProfile;
            profileRead = true;
            membership = p == null ? null : p.membership(qc.id());
            untargeted = standing(false, p, f, qc);
            targeted = standing(true, p, f, qc);
        }

        /** The advisor {@link #read read} as {@code why}, in words. */
        String words(Why why, AgentState a) {
            String who = s.names().apply(a.agentId());
            return switch (why) {
                case TAKING_ANOTHER -> who + " was given another contact at the same moment";
                case BUSY -> {
                    room.full(a);
                    yield who + " was busy (" + room.words() + ")";
                }
                case NOT_READY -> who + " was not ready (" + a.reason() + ")";
                case PENDING ->
                    who + " was "
                            + (a.pendingPresence() == PresenceState.LOGGED_OUT
                                    ? "logging out"
                                    : "going not ready (" + a.pendingReason() + ")");
                case DISCONNECTED -> who + "'s desktop was disconnected";
                case EXCLUDED -> who + " had " + f.excluded.get(a.agentId());
                case ONLY_WINDOW -> who + " was not the advisor it waited for";
                case SKILLS -> who + " " + lacking(a, unmet(a, requirements));
                case DELAY ->
                    who + " takes this queue only after " + membership(a, qc, s).delayMillis() / 1000 + " s of waiting";
                case NOT_NAMED -> who + " was not the named advisor";
                case LOWER_TIER -> {
                    Standing theirs = standing(a, f, qc, s);
                    yield who + " has this queue "
                            + (theirs.widened() ? "only through overflow" : "at tier " + theirs.tier());
                }
                case RANKED_AFTER -> who + " was free too, ranked after by " + strategyWords(strategy(s.config(), qc));
            };
        }
    }

    private static QueueMembership membership(AgentState a, QueueConfig qc, Scene s) {
        RoutingProfile p = s.config().routingProfile(a.routingProfile());
        return p == null ? null : p.membership(qc.id());
    }

    /** The first requirement the advisor does not meet; null when they meet them all. */
    static Requirement unmet(AgentState a, List<Requirement> requirements) {
        for (int i = 0; i < requirements.size(); i++) { // indexed: no iterator for each advisor read
            Requirement r = requirements.get(i);
            int has = proficiency(a, r.skill());
            if (has == 0 || has < r.minProficiency()) {
                return r;
            }
        }
        return null;
    }

    /** Why the advisor does not meet a requirement, in words. */
    private static String lacking(AgentState a, Requirement r) {
        int has = proficiency(a, r.skill());
        return has == 0
                ? "lacks the skill " + r.skill()
                : "has " + r.skill() + " " + has + ", " + r.minProficiency() + " needed";
    }

    private static int proficiency(AgentState a, String skill) {
        int has = 0;
        List<SkillLevel> skills = a.skills();
        for (int i = 0; i < skills.size(); i++) {
            SkillLevel sl = skills.get(i);
            if (sl.skill().equals(skill)) {
                has = sl.proficiency();
            }
        }
        return has;
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
