package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The registry of upcasters, by the version they read. An entry at version {@code v} is carried to the current
 * version by the upcasters of {@code v}, {@code v + 1}, …, each applied in turn; a missing step refuses the entry.
 */
public final class Upcasters {
    /**
     * The upcasters of the released journal versions: 1 → 2 ({@link ChannelEdgesUpcast}), 2 → 3 gives a login its
     * phone device (none).
     */
    public static final Upcasters STANDARD =
            new Upcasters(new TreeMap<>()).with(1, ChannelEdgesUpcast::entry).with(2, Upcasters::logInHasADevice);

    /**
     * The upcasters of the released snapshot versions: 1 → 2 ({@link ChannelEdgesUpcast}), 2 → 3 gives each advisor
     * the phone they logged in at (none: an older snapshot did not know it), 3 → 4 gives each advisor the time their
     * presence began and each interaction the time it was parked (both unknown).
     */
    public static final Upcasters SNAPSHOTS = new Upcasters(new TreeMap<>())
            .with(1, ChannelEdgesUpcast::snapshot)
            .with(2, Upcasters::agentsHaveAPhone)
            .with(3, Upcasters::timesUnknown);

    private final TreeMap<Integer, Upcaster> byFromVersion;

    private Upcasters(TreeMap<Integer, Upcaster> byFromVersion) {
        this.byFromVersion = byFromVersion;
    }

    /** These upcasters plus {@code upcaster}, which reads version {@code fromVersion} and writes the next one. */
    public Upcasters with(int fromVersion, Upcaster upcaster) {
        Objects.requireNonNull(upcaster, "upcaster");
        if (fromVersion < 0) {
            throw new IllegalArgumentException("an upcaster reads a version ≥ 0");
        }
        if (byFromVersion.containsKey(fromVersion)) {
            throw new IllegalArgumentException("an upcaster from version " + fromVersion + " is registered already");
        }
        TreeMap<Integer, Upcaster> copy = new TreeMap<>(byFromVersion);
        copy.put(fromVersion, upcaster);
        return new Upcasters(copy);
    }

    /** Snapshot version 2 → 3: {@code AgentSnap} gained {@code phone}; an older snapshot's advisors had none. */
    static ObjectNode agentsHaveAPhone(ObjectNode snapshot) {
        absentIsNull(snapshot.get("agents"), "phone");
        return snapshot;
    }

    /**
     * Snapshot version 3 → 4: {@code AgentSnap} gained {@code presenceSince} and {@code InteractionSnap} gained
     * {@code parkedSince}; an older snapshot did not keep them, so they are unknown (null).
     */
    static ObjectNode timesUnknown(ObjectNode snapshot) {
        absentIsNull(snapshot.get("agents"), "presenceSince");
        absentIsNull(snapshot.get("interactions"), "parkedSince");
        return snapshot;
    }

    /** Each record of the list {@code records} that lacks {@code field} gets it as null. */
    private static void absentIsNull(JsonNode records, String field) {
        if (records instanceof ArrayNode list) {
            for (JsonNode r : list) {
                if (r instanceof ObjectNode o && !o.has(field)) {
                    o.putNull(field);
                }
            }
        }
    }

    /** Version 2 → 3: {@code LogIn} gained its last component, {@code device}; older logins had none. */
    static ObjectNode logInHasADevice(ObjectNode entry) {
        if (entry.get("input") instanceof ObjectNode input
                && input.get("command") instanceof ObjectNode command
                && command.path(JournalCodec.TYPE_PROPERTY).asText().equals("LogIn")
                && !command.has("device")) {
            command.putNull("device");
        }
        return entry;
    }

    /**
     * Carries {@code entry} from {@code version} to {@code target}.
     *
     * @param what names the entry in error messages
     */
    ObjectNode upcast(ObjectNode entry, int version, int target, String what) {
        ObjectNode tree = entry;
        for (int v = version; v < target; v++) {
            Upcaster step = byFromVersion.get(v);
            if (step == null) {
                throw new JournalFormatException(what + " has schema version " + version
                        + ", and no upcaster reads version " + v + " (this codec writes version " + target + ")");
            }
            ObjectNode next;
            try {
                next = step.upcast(tree);
            } catch (RuntimeException e) {
                throw new JournalFormatException(
                        what + ": the upcaster from schema version " + v + " failed ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            }
            if (next == null) {
                throw new JournalFormatException(
                        what + ": the upcaster from schema version " + v + " returned nothing");
            }
            next.put(JournalCodec.SCHEMA_VERSION_FIELD, v + 1);
            tree = next;
        }
        return tree;
    }
}
