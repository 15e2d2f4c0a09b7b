package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisURI;

/**
 * A Redis the journal tests run against instead of the embedded one: with {@code -Predis-container} (Docker needed),
 * a {@code redis:7} container started by Testcontainers (see {@code src/test-containers}).
 */
interface ExternalRedis extends AutoCloseable {
    /** The class the {@code redis-container} profile adds to the test class path. */
    String CONTAINER_CLASS = "io.firstcontact.router.journal.redis.RedisContainer";

    RedisURI uri();

    @Override
    void close();
}
