package io.firstcontact.router.engine;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.engine.internal.EngineCore;
import io.firstcontact.router.engine.internal.IndexedRouting;
import io.firstcontact.router.engine.internal.RoutingIndex;
import io.firstcontact.router.engine.internal.Snapshots;
import io.firstcontact.router.engine.internal.WorkCounters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The routing engine (docs/routing-contract.md): applies one sequenced input at a time to its indexed state and returns
 * what it decided. Deterministic: the same inputs always give byte-identical decisions. Not thread-safe: one thread
 * owns it.
 *
 * <p>Its state is read through {@link #snapshot()} (the whole state as immutable data), {@link #position} and the
 * accessors below; nothing else of its internals is reachable. The engine's test kit (its test-jar: {@code Driver},
 * {@code RandomInputs}, {@code Centres}, {@code DemoMorning}, {@code Oracle}) lives in this package and reads more.
 */
public final class RoutingEngine {
    private final EngineCore core;

    private RoutingEngine(EngineCore core) {
        this.core = core;
    }

    /** An empty engine with the production index. */
    public static RoutingEngine create() {
        return new RoutingEngine(new EngineCore(new IndexedRouting()));
    }

    /** An empty engine with the given index: the test kit's naive oracle. */
    static RoutingEngine create(RoutingIndex index) {
        return new RoutingEngine(new EngineCore(index));
    }

    /** An engine holding exactly the state of a snapshot. */
    public static RoutingEngine restore(EngineSnapshot snapshot) {
        return restore(snapshot, new IndexedRouting());
    }

    /** An engine holding exactly the state of a snapshot, with the given index. */
    static RoutingEngine restore(EngineSnapshot snapshot, RoutingIndex index) {
        return new RoutingEngine(Snapshots.restore(snapshot, index));
    }

    /** Apply one input; inputs come in sequence order with non-decreasing time. */
    public Decision apply(EngineInput input) {
        return core.apply(input);
    }

    public EngineSnapshot snapshot() {
        return Snapshots.capture(core);
    }

    /** SHA-256 of the canonical snapshot, hex: equal states, equal hashes, on any JVM. */
    public String stateHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(snapshot().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The interaction's position in its queue (1 = next), or 0 when it is not waiting. Read, not an input. */
    public int position(String interactionId) {
        return core.position(interactionId);
    }

    /** The routing configuration in force. */
    public RoutingConfig config() {
        return core.config();
    }

    /** The sequence number of the last input applied (0 for a new engine). */
    public long lastSeq() {
        return core.lastSeq();
    }

    /** The engine time of the last input applied. */
    public long lastAt() {
        return core.lastAt();
    }

    /** Engine time of the earliest pending deadline, or {@link Decision#NO_DEADLINE}. */
    public long nextDeadline() {
        return core.nextDeadline();
    }

    /** What the last input cost the index (interactions and advisors examined, buckets touched, offers). */
    public InputWork lastWork() {
        WorkCounters w = core.counters();
        return new InputWork(
                w.visitsExamined,
                w.agentsExamined,
                w.bucketsTouched,
                w.exclusionsSkipped,
                w.offersMade,
                w.agentsIndexed,
                w.visitsUnstaffed);
    }

    /** The state, for the test kit in this package (invariants, plausible random inputs); never handed out. */
    EngineCore core() {
        return core;
    }
}
