package io.firstcontact.router.journal.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandle;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Lettuce clients set up for the journal. */
public final class RedisClients {

    /** How many commands Lettuce may hold for a connection before it rejects more. */
    public static final int REQUEST_QUEUE_SIZE = 10_000;

    private RedisClients() {}

    /**
     * A client that reconnects by itself but, while disconnected, rejects commands at once instead of
     * buffering them (docs/routing-contract.md §8: Lettuce's buffer is bounded and not relied on; the journal spills
     * to its own file), and times every command out after {@code commandTimeout}.
     */
    public static RedisClient create(RedisURI uri, Duration commandTimeout) {
        return configure(RedisClient.create(uri), commandTimeout);
    }

    /** The same client, its connections on {@code resources}' threads (see {@link #onEventLoop}). */
    public static RedisClient create(RedisURI uri, Duration commandTimeout, ClientResources resources) {
        return configure(RedisClient.create(resources, uri), commandTimeout);
    }

    /**
     * Resources whose connections all live on {@code loop}, an event loop that belongs to someone else (the routing
     * engine's): a command written from that loop goes straight to the socket, and its reply completes there, with no
     * thread hand-off either way. Lettuce never shuts the loop down; {@link ClientResources#shutdown()} releases only
     * its own timer and computation threads.
     *
     * <p>Code running on {@code loop} must never wait for a reply on such a connection (a synchronous call, or
     * {@code get()} on a future): the reply would be read by the very thread that waits for it. Blocking callers use a
     * client of their own.
     *
     * @return the resources, or empty if the loop cannot carry the channels Lettuce would open (Lettuce uses the
     *     native transport whenever it is on the class path; so must the loop's owner)
     */
    public static Optional<ClientResources> onEventLoop(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        if (!carries(loop, Transports.socketChannelClass())) {
            return Optional.empty();
        }
        return Optional.of(ClientResources.builder()
                .eventLoopGroupProvider(new OneLoop(loop))
                .build());
    }

    /** Whether channels of {@code type} can be registered with {@code loop} (NIO and epoll loops take only their own). */
    static boolean carries(EventLoop loop, Class<? extends Channel> type) {
        if (!(loop instanceof IoEventLoop io)) {
            return false;
        }
        Channel probe = new ReflectiveChannelFactory<>(type).newChannel(); // opens a socket, closed below
        try {
            return probe.unsafe() instanceof IoHandle handle && io.isCompatible(handle.getClass());
        } finally {
            probe.unsafe().closeForcibly();
        }
    }

    private static RedisClient configure(RedisClient client, Duration commandTimeout) {
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        return client;
    }

    /** Hands Lettuce one borrowed event loop for every connection, and leaves its life to its owner. */
    private record OneLoop(EventLoop loop) implements EventLoopGroupProvider {
        @Override
        @SuppressWarnings("unchecked") // Lettuce only uses the group as an EventLoopGroup
        public <T extends EventLoopGroup> T allocate(Class<T> type) {
            return (T) loop;
        }

        @Override
        public int threadPoolSize() {
            return 1;
        }

        @Override
        public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }

        @Override
        public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
        }
    }
}
