package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real redis-server and a Lettuce client on it, one per test class: the embedded one, or with {@code
 * -Djournal.redis=container} (the {@code redis-container} Maven profile) a {@code redis:7} container.
 */
final class RedisTestServer implements AutoCloseable {

    /** The embedded server; null when the tests run against a container. */
    final EmbeddedRedis redis;

    final RedisClient client;
    private final ExternalRedis external;

    private RedisTestServer(EmbeddedRedis redis, ExternalRedis external) {
        this.redis = redis;
        this.external = external;
        this.client = RedisClients.create(uri(), Duration.ofSeconds(5));
    }

    static RedisTestServer start(Path dataDir) {
        if ("container".equals(System.getProperty("journal.redis"))) {
            try {
                ExternalRedis container = (ExternalRedis) Class.forName(ExternalRedis.CONTAINER_CLASS)
                        .getDeclaredConstructor()
                        .newInstance();
                return new RedisTestServer(null, container);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("journal.redis=container needs the redis-container profile", e);
            }
        }
        return new RedisTestServer(EmbeddedRedis.start(dataDir, 0, true), null);
    }

    RedisURI uri() {
        return redis != null ? redis.redisUri() : external.uri();
    }

    StatefulRedisConnection<String, String> connect() {
        return client.connect();
    }

    @Override
    public void close() {
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            if (redis != null) {
                redis.stop();
            } else {
                external.close();
            }
        }
    }
}
