package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.engine.RoutingEngine;

/**
 * Stamps inputs the way the host's sequencer does: strictly increasing sequence, non-decreasing engine time. The
 * clock is synthetic (it advances by {@code stepMillis} per input, or jumps to a deadline); the wall clock never
 * reaches the engine.
 */
public final class Feeder {
    /** 2023-11-14T22:13:20Z: any fixed instant will do. */
    public static final long START = 1_700_000_000_000L;

    private final RoutingEngine engine;
    private long seq;
    private long now;
    private long stepMillis = 1;

    public Feeder(RoutingEngine engine) {
        this.engine = engine;
        this.now = START;
    }

    public RoutingEngine engine() {
        return engine;
    }

    public long now() {
        return now;
    }

    /** How far engine time moves with each input (0: many inputs in the same millisecond). */
    public void stepMillis(long millis) {
        this.stepMillis = millis;
    }

    /** Move engine time forward to {@code at} (never backwards). */
    public void moveTo(long at) {
        now = Math.max(now, at);
    }

    /** The next input for a command, stamped but not applied. */
    public EngineInput stamp(Command command) {
        now += stepMillis;
        return new EngineInput(1, ++seq, now, "bench", null, command);
    }

    /** Stamp and apply. */
    public Decision apply(Command command) {
        return engine.apply(stamp(command));
    }

    /** Stamp a command at exactly the current time (no step), for inputs that share one millisecond. */
    public EngineInput stampNow(Command command) {
        return new EngineInput(1, ++seq, now, "bench", null, command);
    }
}
