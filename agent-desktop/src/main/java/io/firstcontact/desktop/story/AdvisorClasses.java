package io.firstcontact.desktop.story;

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
 * The part of why an advisor was not offered a contact that does not depend on the contact, kept per routing
 * profile's team and channel: {@link #UNKNOWN not in the read model}, {@link #LOGGED_OUT}, {@link #BUSY} (no room on
 * the channel), {@link #NOT_READY}, {@link #PENDING} (going not ready or logging out), {@link #DISCONNECTED}, or
 * {@link #AVAILABLE} — the rest of the reasons depend on the contact.
 *
 * <p>An offer's reasons read the whole pool of advisors who take its queue, about a thousand in a large centre, for
 * every offer. Each advisor's class is worked out again only when the read model says they changed ({@link
 * LiveView#watchAdvisors}) or the configuration was replaced, so an offer reads a byte for most advisors and their
 * own state only when they had room (their reason then depends on the contact). The result is the same as reading
 * every advisor's state each time; {@code OfferReasons} without this index is that reference.
 *
 * <p>Engine thread only, like the read model.
 */
final class AdvisorClasses {
    static final byte AVAILABLE = 0;
    static final byte BUSY = 1;
    static final byte NOT_READY = 2;
    static final byte PENDING = 3;
    static final byte DISCONNECTED = 4;
    static final byte LOGGED_OUT = 5;
    static final byte UNKNOWN = 6;

    private final LiveView view;
    private final Map<String, Team> teams = new HashMap<>();
    /** Where each advisor is: their team, and their place in its arrays once it is built. */
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        Team team;
        int index;
    }

    AdvisorClasses(LiveView view) {
        this.view = Objects.requireNonNull(view, "view");
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

        int size() {
            return ids.length;
        }

        /** The classes of this team's advisors on {@code channel} under {@code config}, current for all. */
        Column column(String channel, RoutingConfig config, ChannelRoom room) {
            Column c = columns.get(channel);
            if (c == null || c.config != config) {
                c = new Column(this, config);
                columns.put(channel, c);
            }
            for (int i = 0; i < ids.length; i++) {
                if (c.readAt[i] != changes[i]) {
                    c.classes[i] = classOf(view.agentState(ids[i]), room);
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
        final byte[] classes;
        final int[] readAt;
        private final Team team;
        private final Map<List<Requirement>, Skilled> skilled = new HashMap<>();

        Column(Team team, RoutingConfig config) {
            this.team = team;
            this.config = config;
            this.classes = new byte[team.ids.length];
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
            if (readAt[i] != team.changes[i]) {
                AgentState a = view.agentState(team.ids[i]);
                unmet[i] = a != null && OfferReasons.unmet(a, requirements) != null;
                readAt[i] = team.changes[i];
            }
            return unmet[i];
        }
    }

    /** The contact-independent class of an advisor (null when the read model does not know them). */
    static byte classOf(AgentState a, ChannelRoom room) {
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
