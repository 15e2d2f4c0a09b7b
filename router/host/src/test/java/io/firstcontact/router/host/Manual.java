package io.firstcontact.router.host;

import io.firstcontact.router.api.port.Scheduler;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Hand-driven stand-ins for the host's ports: tests decide when tasks run, time passes and writes complete. */
final class Manual {
    private Manual() {}

    /** A settable clock. */
    static final class Clock implements InstantSource {
        long millis;

        Clock(long millis) {
            this.millis = millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }

    /** Runs queued tasks when told, one at a time, in order: the engine thread. */
    static final class Thread implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void drain() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    /** Timers that fire when the test advances the clock past them. */
    static final class Timers implements Scheduler {
        final Clock clock;
        final List<Timer> timers = new ArrayList<>();

        record Timer(long at, Runnable task, boolean[] cancelled) {}

        Timers(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Cancellable at(long atMillis, Runnable task) {
            boolean[] cancelled = {false};
            timers.add(new Timer(atMillis, task, cancelled));
            return () -> cancelled[0] = true;
        }

        List<Long> armed() {
            return timers.stream().filter(t -> !t.cancelled()[0]).map(Timer::at).toList();
        }

        /** Moves the clock to {@code millis}, firing every live timer due on the way at its own instant. */
        void advanceTo(long millis, Thread thread) {
            while (true) {
                Timer next = null;
                for (Timer t : timers) {
                    if (!t.cancelled()[0] && t.at() <= millis && (next == null || t.at() < next.at())) {
                        next = t;
                    }
                }
                if (next == null) {
                    break;
                }
                timers.remove(next);
                clock.millis = Math.max(clock.millis, next.at());
                next.task().run();
                thread.drain();
            }
            clock.millis = Math.max(clock.millis, millis);
        }
    }

    /** A journal whose appends complete when the test says. */
    static final class Journal implements io.firstcontact.router.api.port.Journal {
        final List<List<Entry>> appends = new ArrayList<>();
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        /** Which appends were sent behind others ({@link #appendBehind}). */
        final List<Boolean> behind = new ArrayList<>();
        /** Whether this journal takes batches behind others; by default one at a time, like the port's default. */
        boolean takesBatchesBehind;

        @Override
        public CompletionStage<Void> append(List<Entry> batch) {
            return record(batch, false);
        }

        @Override
        public Optional<CompletionStage<Void>> appendBehind(List<Entry> batch) {
            return takesBatchesBehind ? Optional.of(record(batch, true)) : Optional.empty();
        }

        private CompletionStage<Void> record(List<Entry> batch, boolean sentBehind) {
            appends.add(List.copyOf(batch));
            behind.add(sentBehind);
            CompletableFuture<Void> f = new CompletableFuture<>();
            writes.add(f);
            return f;
        }

        void ackAll() {
            for (CompletableFuture<Void> f : writes) {
                f.complete(null);
            }
        }

        CompletableFuture<Void> lastWrite() {
            return writes.getLast();
        }
    }
}
