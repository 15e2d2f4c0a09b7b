package io.firstcontact.server.ops;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;

/**
 * The JDK's common fork-join pool, sized before anything uses it.
 *
 * <p>On a machine with two processors or fewer (a small VM, a container limited to two CPUs) the JDK gives the common
 * pool a parallelism of one, and then {@code CompletableFuture} — and Hazelcast, which copies its rule for the
 * callbacks of every map operation — no longer use the pool: each asynchronous callback starts a new platform thread
 * of its own. The account context's cache reads and writes the embedded Hazelcast member for every arrival, so the
 * server started hundreds of threads a second under load (8,984 in 12 seconds of the voice benchmark), each costing a
 * thread's creation and start on the very processors that route. A parallelism of two keeps those callbacks on the
 * pool's threads, as on any larger machine. An operator's own {@value #PROPERTY} is left as it is.
 */
public final class CommonPool {
    /** The JDK's system property for the common pool's parallelism, read once, when the pool is first used. */
    public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private static final int LEAST = 2;

    private CommonPool() {}

    /**
     * Sets the common pool's parallelism to two where the JDK would choose one, unless it is configured. Call it first
     * in {@code main}: the JDK reads the property once.
     *
     * @return the parallelism set, or empty when nothing was set
     */
    public static OptionalInt sizeForCallbacks() {
        OptionalInt chosen = parallelismFor(
                Runtime.getRuntime().availableProcessors(), Optional.ofNullable(System.getProperty(PROPERTY)));
        chosen.ifPresent(p -> System.setProperty(PROPERTY, Integer.toString(p)));
        return chosen;
    }

    /** Whether the common pool runs callbacks on its threads (false: something used it before it was sized). */
    public static boolean runsCallbacks() {
        return ForkJoinPool.getCommonPoolParallelism() >= LEAST;
    }

    /**
     * The parallelism to set: {@value #LEAST} when the JDK would choose fewer (one less than the processors) and the
     * property is not configured; else none.
     */
    static OptionalInt parallelismFor(int processors, Optional<String> configured) {
        if (configured.isPresent() || processors - 1 >= LEAST) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(LEAST);
    }
}
