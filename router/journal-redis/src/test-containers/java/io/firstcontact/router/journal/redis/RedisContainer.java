package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisURI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** A {@code redis:7} container with AOF on, for the journal tests under {@code -Predis-container}. */
public final class RedisContainer implements ExternalRedis {
    private static final int PORT = 6379;

    private final GenericContainer<?> container;

    public RedisContainer() {
        container = new GenericContainer<>(DockerImageName.parse("redis:7"))
                .withCommand("redis-server", "--appendonly", "yes", "--appendfsync", "everysec")
                .withExposedPorts(PORT);
        container.start();
    }

    @Override
    public RedisURI uri() {
        return RedisURI.create(container.getHost(), container.getMappedPort(PORT));
    }

    @Override
    public void close() {
        container.stop();
    }
}
