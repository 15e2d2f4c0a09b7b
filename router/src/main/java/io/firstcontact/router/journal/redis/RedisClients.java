package io.firstcontact.router.journal.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

/** Lettuce clients set up for the journal. */
public final class RedisClients {

    /** How many commands Lettuce may hold for a connection before it rejects more. */
    public static final int REQUEST_QUEUE_SIZE = 10_000;

    private RedisClients() {}

    /**
     * A client that reconnects by itself but, while disconnected, rejects commands at once instead of
     * buffering them (ROUTING.md §8: Lettuce's buffer is bounded and not relied on; the journal spills
     * to its own file), and times every command out after {@code commandTimeout}.
     */
    public static RedisClient create(RedisURI uri, Duration commandTimeout) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        return client;
    }
}
