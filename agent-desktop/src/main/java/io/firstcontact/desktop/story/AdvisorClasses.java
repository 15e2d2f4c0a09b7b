package io.firstcontact.desktop.story;

import io.firstcontact.desktop.story.OfferReasons.Why;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.view.AgentState;
import io.firstcontact.router.view.LiveView;
import java.util.ArrayList;
import java.util.Arrays;
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
            slot.team.changes[slot.index]++;
        }
    }

    /** Forgets every class (after a restore from a snapshot, whose advisors are new objects). */
    void clear() {
        teams.values().forEach(t -> t.stale = true);
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
        Slot slot = slots.get(agentId);
        return slot != null && slot.team == team;
    }

    /** The advisors of one routing profile, in id order, with their classes per channel. */
    final class Team {
        final String profile;
        final TreeSet<String> members = new TreeSet<>();
        boolean stale = true;
        String[] ids = new String[0];
        /** Per advisor, how many changes the read model named: a class is current when it was read at this count. */
        int[] changes = new int[0];

        private final Map<String, Column> columns = new HashMap<>();

        Team(String profile) {
            this.profile = profile;
        }

        private void rebuild() {
            ids = members.toArray(String[]::new);
            changes = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                slots.get(ids[i]).index = i;
            }
            columns.clear();
            stale = false;
        }

        /** Whether a value read for the advisor at {@code i} when their change count was {@code readAt} still holds. */
        private boolean current(int readAt, int i) {
            return keep && readAt == changes[i];
        }

        /** The classes of this team's advisors on {@code channel} under {@code config}, current for all. */
        Column column(String channel, RoutingConfig config, ChannelRoom room) {
            Column c = columns.get(channel);
            if (c == null || c.config != config) {
                c = new Column(this, config);
                columns.put(channel, c);
            }
            for (int i = 0; i < ids.length; i++) {
                if (!current(c.readAt[i], i)) {
                    c.classes[i] = Availability.of(view.agentState(ids[i]), room);
                    c.readAt[i] = changes[i];
                }
            }
            return c;
        }
    }

    /** One channel's classes of a team, under one configuration (a new one reads everybody again). */
    final class Column {
        /** Requirement lists whose answers are kept per column at most: contacts of a centre share a few. */
        static final int MAX_REQUIREMENTS_KEPT = 64;

        final RoutingConfig config;
        final Availability[] classes;
        final int[] readAt;
        private final Team team;
        private final Map<List<Requirement>, Skilled> skilled = new HashMap<>();

        Column(Team team, RoutingConfig config) {
            this.team = team;
            this.config = config;
            this.classes = new Availability[team.ids.length];
            this.readAt = new int[team.ids.length];
            Arrays.fill(readAt, -1);
        }

        /**
         * Whether each advisor of the team meets {@code requirements} (their skills), current for those who have
         * changed only when asked: {@link Skilled#unmet}.
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
            return k;
        }
    }

    /** Whether each advisor of a team meets one list of requirements, read again when they changed. */
    final class Skilled {
        private final Team team;
        private final List<Requirement> requirements;
        private final boolean[] unmet;
        private final int[] readAt;

        Skilled(Team team, List<Requirement> requirements) {
            this.team = team;
            this.requirements = requirements;
            this.unmet = new boolean[team.ids.length];
            this.readAt = new int[team.ids.length];
            Arrays.fill(readAt, -1);
        }

        /** Whether the team's advisor at {@code i} lacks a skill the requirements need, or has it too low. */
        boolean unmet(int i) {
            if (!team.current(readAt[i], i)) {
                AgentState a = view.agentState(team.ids[i]);
                unmet[i] = a != null && OfferReasons.unmet(a, requirements) != null;
                readAt[i] = team.changes[i];
            }
            return unmet[i];
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
