package io.firstcontact.router.journal.redis;

import io.firstcontact.router.api.model.Ids;
import java.time.Duration;
import java.util.Objects;

/**
 * How the journal uses Redis: its keys, its patience with a command, the bound of the spill file that takes over
 * while Redis is unreachable, and the embedded redis-server's port. Every setting has a named default; {@link
 * #DEFAULT} holds them all.
 *
 * @param keyPrefix the prefix of every key the journal writes, so several centres can share one Redis
 * @param commandTimeout a Redis command slower than this counts as failed (the journal then spills)
 * @param spillMaxBytes bound of the local spill file used while Redis is unreachable
 * @param embeddedPort the embedded redis-server's TCP port on 127.0.0.1; {@value #ANY_FREE_PORT} picks a free one
 */
public record RedisJournalOptions(String keyPrefix, Duration commandTimeout, long spillMaxBytes, int embeddedPort) {
    /** The port number that asks the operating system for any free port. */
    public static final int ANY_FREE_PORT = 0;

    public static final String DEFAULT_KEY_PREFIX = "firstcontact";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final long DEFAULT_SPILL_MAX_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_EMBEDDED_PORT = ANY_FREE_PORT;

    public static final RedisJournalOptions DEFAULT = new RedisJournalOptions(
            DEFAULT_KEY_PREFIX, DEFAULT_COMMAND_TIMEOUT, DEFAULT_SPILL_MAX_BYTES, DEFAULT_EMBEDDED_PORT);

    public RedisJournalOptions {
        Ids.require(keyPrefix, "keyPrefix");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
        if (spillMaxBytes < 1) {
            throw new IllegalArgumentException("spillMaxBytes must be positive");
        }
        if (embeddedPort < 0 || embeddedPort > 65_535) {
            throw new IllegalArgumentException("embeddedPort must be 0 (any free port) or 1–65535");
        }
    }

    /** The Redis Stream holding the journal's entries. */
    public String journalKey() {
        return keyPrefix + ":journal";
    }

    /** The routing lease and its epoch counter. */
    public String leaseKey() {
        return keyPrefix + ":routing";
    }

    /** The latest snapshot. */
    public String snapshotKey() {
        return keyPrefix + ":snapshot";
    }

    public RedisJournalOptions withKeyPrefix(String prefix) {
        return new RedisJournalOptions(prefix, commandTimeout, spillMaxBytes, embeddedPort);
    }

    public RedisJournalOptions withCommandTimeout(Duration timeout) {
        return new RedisJournalOptions(keyPrefix, timeout, spillMaxBytes, embeddedPort);
    }

    public RedisJournalOptions withSpillMaxBytes(long bytes) {
        return new RedisJournalOptions(keyPrefix, commandTimeout, bytes, embeddedPort);
    }

    public RedisJournalOptions withEmbeddedPort(int port) {
        return new RedisJournalOptions(keyPrefix, commandTimeout, spillMaxBytes, port);
    }
}
