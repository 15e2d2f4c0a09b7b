package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;

/** A real embedded redis-server and a Lettuce client on it, one per test class. */
final class RedisTestServer implements AutoCloseable {

    final EmbeddedRedis redis;
    final RedisClient client;

    private RedisTestServer(EmbeddedRedis redis) {
        this.redis = redis;
        this.client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(5));
    }

    static RedisTestServer start(Path dataDir) {
        return new RedisTestServer(EmbeddedRedis.start(dataDir, 0, true));
    }

    StatefulRedisConnection<String, String> connect() {
        return client.connect();
    }

    @Override
    public void close() {
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            redis.stop();
        }
    }
}
