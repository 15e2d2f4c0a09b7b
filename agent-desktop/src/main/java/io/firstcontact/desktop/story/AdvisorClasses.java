package io.firstcontact.desktop.story;

import io.firstcontact.desktop.story.OfferReasons.Why;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.view.AgentState;
import io.firstcontact.router.view.LiveView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The advisors of each routing profile's team, and the part of why each was not offered a contact that does not
 * depend on the contact ({@link Availability}), per channel.
 *
 * <p>An offer's reasons read the whole pool of advisors who take its queue, about a thousand in a large centre, for
 * every offer. When classes are kept, each advisor's is worked out again only when the read model says they changed
 * ({@link LiveView#watchAdvisors}) or the configuration was replaced, so an offer reads one value for most advisors
 * and their own state only when they had room (their reason then depends on the contact). Without keeping, every
 * advisor's class is read again at each offer: the reference the kept classes are tested against.
 *
 * <p>Engine thread only, like the read model.
 */
final class AdvisorClasses {
    /** Where an advisor stands for any contact on a channel, in the order the routing rule reads it. */
    enum Availability {
        /** Room on the channel, ready, nothing pending, desktop attached: why not them depends on the contact. */
        AVAILABLE(null),
        BUSY(Why.BUSY),
        NOT_READY(Why.NOT_READY),
        /** Going not ready or logging out. */
        PENDING(Why.PENDING),
        DISCONNECTED(Why.DISCONNECTED),
        LOGGED_OUT(null),
        /** Not in the read model. */
        UNKNOWN(null);

        /** Why such an advisor was not offered a contact; null when that depends on the contact, or they are not counted. */
        final Why why;

        Availability(Why why) {
            this.why = why;
        }

        /** The availability of an advisor (null when the read model does not know them) on {@code room}'s channel. */
        static Availability of(AgentState a, ChannelRoom room) {
            if (a == null) {
                return UNKNOWN;
            }
            if (a.presence() == PresenceState.LOGGED_OUT) {
                return LOGGED_OUT;
            }
            if (room.full(a)) {
                return BUSY;
            }
            if (a.presence() == PresenceState.NOT_READY) {
                return NOT_READY;
            }
            if (a.pendingPresence() != null) {
                return PENDING;
            }
            if (!a.sessionAttached()) {
                return DISCONNECTED;
            }
            return AVAILABLE;
        }
    }

    private final LiveView view;
    /** Whether classes are kept across offers (the product) or read again at each (the reference). */
    private final boolean keep;

    private final Map<String, Team> teams = new HashMap<>();
    /** Where each advisor is: their team, and their place in its arrays once it is built. */
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        Team team;
        int index;
    }

    /**
     * @param keep whether classes are kept across offers, read again only for advisors named to {@link #changed}
     *     (the product), or read again at each offer (the reference)
     */
    AdvisorClasses(LiveView view, boolean keep) {
        this.view = Objects.requireNonNull(view, "view");
        this.keep = keep;
    }

    /** Puts the advisor in their routing profile's team (or in none when it is null). */
    void profile(String agentId, String routingProfile) {
        Slot slot = slots.get(agentId);
        Team was = slot == null ? null : slot.team;
        if (was != null && Objects.equals(was.profile, routingProfile)) {
            return;
        }
        if (was != null) {
            was.members.remove(agentId);
            was.stale = true;
            slots.remove(agentId);
        }
        if (routingProfile != null) {
            Team t = teams.computeIfAbsent(routingProfile, Team::new);
            t.members.add(agentId);
            t.stale = true;
            Slot s = new Slot();
            s.team = t;
            slots.put(agentId, s);
        }
    }

    /** The read model changed the advisor: their class is read again when next asked. */
    void changed(String agentId) {
        Slot slot = slots.get(agentId);
        if (slot != null && !slot.team.stale) {
            slot.team.logChange(slot.index);
        }
    }

    /** Forgets every class (after a restore from a snapshot, whose advisors are new objects). */
    void clear() {
        teams.values().forEach(t -> t.stale = true);
    }

    /** Whether classes are kept across offers (the product) rather than read again at each (the reference). */
    boolean keeps() {
        return keep;
    }

    /** The team of a routing profile, or null when it has no advisor. */
    Team team(String routingProfile) {
        Team t = teams.get(routingProfile);
        if (t == null || t.members.isEmpty()) {
            return null;
        }
        if (t.stale) {
            t.rebuild();
        }
        return t;
    }

    /** Whether the advisor is in this team. */
    boolean inTeam(String agentId, Team team) {
        return indexIn(team, agentId) >= 0;
    }

    /** The advisor's place in the team's arrays, or -1 when they are not in it. */
    int indexIn(Team team, String agentId) {
        Slot slot = slots.get(agentId);
        return slot != null && slot.team == team ? slot.index : -1;
    }

    /**
     * The advisors of one routing profile, in id order, with their classes per channel.
     *
     * <p>Kept classes are brought up to date from a log of the places the read model named as changed: each column,
     * and each list of requirements' answers, remembers how far it has read the log and reads only what was added
     * since. A log grown past a few times the team is dropped; whoever had not read it all reads everybody again.
     */
    final class Team {
        final String profile;
        final TreeSet<String> members = new TreeSet<>();
        boolean stale = true;
        String[] ids = new String[0];

        /** Places changed, in order; {@code logStart} is the position of the first still held. */
        private int[] log = new int[16];

        private int logSize;
        private long logStart;

        private final Map<String, Column> columns = new HashMap<>();

        Team(String profile) {
            this.profile = profile;
        }

        private void rebuild() {
            ids = members.toArray(String[]::new);
            for (int i = 0; i < ids.length; i++) {
                slots.get(ids[i]).index = i;
            }
            columns.clear();
            dropLog();
            stale = false;
        }

        private void logChange(int i) {
            if (!keep) {
                return; // the reference reads everybody at each offer
            }
            if (logSize > 4 * ids.length + 64) {
                dropLog();
            }
            if (logSize == log.length) {
                log = Arrays.copyOf(log, logSize * 2);
            }
            log[logSize++] = i;
        }

        private void dropLog() {
            logStart += logSize;
            logSize = 0;
        }

        /** The log's end: what a reader that is up to date has read. */
        private long logEnd() {
            return logStart + logSize;
        }

        /**
         * Calls {@code read} for each place changed since {@code seen} (a log position), or for every place when the
         * log no longer holds that far back, when nothing was read yet ({@code seen} negative) or classes are not
         * kept; answers the log position read to.
         */
        private long readChanges(long seen, java.util.function.IntConsumer read) {
            if (!keep || seen < logStart) {
                for (int i = 0; i < ids.length; i++) {
                    read.accept(i);
                }
            } else {
                for (int k = (int) (seen - logStart); k < logSize; k++) {
                    read.accept(log[k]);
                }
            }
            return logEnd();
        }

        /** The classes of this team's advisors on {@code channel} under {@code config}, current for all. */
        Column column(String channel, RoutingConfig config, ChannelRoom room) {
            Column c = columns.get(channel);
            if (c == null || c.config != config) {
                c = new Column(this, config);
                columns.put(channel, c);
            }
            Column column = c;
            c.seen = readChanges(c.seen, i -> column.classify(i, Availability.of(view.agentState(ids[i]), room)));
            return c;
        }
    }

    /** One channel's classes of a team, under one configuration (a new one reads everybody again). */
    final class Column {
        /** Requirement lists whose answers are kept per column at most: contacts of a centre share a few. */
        static final int MAX_REQUIREMENTS_KEPT = 64;

        final RoutingConfig config;
        final Availability[] classes;
        /** The places of each class, by the class's ordinal. */
        private final BitSet[] byClass = new BitSet[Availability.values().length];

        private long seen = -1;
        private final Team team;
        private final Map<List<Requirement>, Skilled> skilled = new HashMap<>();

        Column(Team team, RoutingConfig config) {
            this.team = team;
            this.config = config;
            this.classes = new Availability[team.ids.length];
            for (int k = 0; k < byClass.length; k++) {
                byClass[k] = new BitSet(team.ids.length);
            }
        }

        private void classify(int i, Availability now) {
            Availability was = classes[i];
            if (was != now) {
                if (was != null) {
                    byClass[was.ordinal()].clear(i);
                }
                byClass[now.ordinal()].set(i);
                classes[i] = now;
            }
        }

        /** The places of the team's advisors of class {@code a}: a copy, the caller's to change. */
        BitSet of(Availability a) {
            return (BitSet) byClass[a.ordinal()].clone();
        }

        /**
         * Whether each advisor of the team meets {@code requirements} (their skills), brought up to date with the
         * team's changes.
         */
        Skilled skilled(List<Requirement> requirements) {
            Skilled k = skilled.get(requirements);
            if (k == null) {
                if (skilled.size() >= MAX_REQUIREMENTS_KEPT) {
                    skilled.clear();
                }
                k = new Skilled(team, requirements);
                skilled.put(requirements, k);
            }
            k.update();
            return k;
        }
    }

    /** Whether each advisor of a team meets one list of requirements, read again when they changed. */
    final class Skilled {
        private final Team team;
        private final List<Requirement> requirements;
        /** The places of the advisors who lack a skill the requirements need, or have it too low. */
        private final BitSet unmet;

        /**
         * The skills each answer was read from: the read model replaces an advisor's list when their skills change,
         * never alters it, so the same list gives the same answer (most changes are of presence or work).
         */
        private final Object[] skillsRead;

        private long seen = -1;

        Skilled(Team team, List<Requirement> requirements) {
            this.team = team;
            this.requirements = requirements;
            this.unmet = new BitSet(team.ids.length);
            this.skillsRead = new Object[team.ids.length];
        }

        private void update() {
            seen = team.readChanges(seen, i -> {
                AgentState a = view.agentState(team.ids[i]);
                Object skills = a == null ? null : a.skills();
                if (skills != null && skills == skillsRead[i] && keep) {
                    return;
                }
                skillsRead[i] = skills;
                unmet.set(i, a != null && OfferReasons.unmet(a, requirements) != null);
            });
        }

        /** Whether the team's advisor at {@code i} lacks a skill the requirements need, or has it too low. */
        boolean unmet(int i) {
            return unmet.get(i);
        }

        /** The places of those who do not meet the requirements: a view, not to be changed. */
        BitSet unmetPlaces() {
            return unmet;
        }
    }

    /** The teams of the given routing profiles that have advisors. */
    List<Team> teams(List<String> routingProfiles) {
        List<Team> out = new ArrayList<>();
        for (String p : routingProfiles) {
            Team t = team(p);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
