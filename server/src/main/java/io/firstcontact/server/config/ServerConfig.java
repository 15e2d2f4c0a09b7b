package io.firstcontact.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server's configuration: one YAML file with documented defaults (every field may be left out), scalar settings
 * overridable by environment variable (see {@link ConfigLoader#ENVIRONMENT}). The README's configuration reference
 * lists each field.
 *
 * @param mode {@code demo} runs the demo centre and its simulated traffic; {@code production} never does. With no
 *     file at all the server runs in demo mode.
 * @param dataDir where the embedded Redis, the spill file, the generated admin token and the journal key live
 * @param routing the routing configuration and advisors that seed the first start (a JSON/YAML tree in the journal's
 *     form; later changes go through the admin API and the journal), or null
 * @param voice the Asterisk connection (AMI and FastAGI), or null: no voice channel (the demo simulates its calls)
 */
public record ServerConfig(
        Mode mode,
        Path dataDir,
        Listener http,
        Listener management,
        Redis redis,
        Journal journal,
        Lease lease,
        Api api,
        Sessions sessions,
        List<Token> tokens,
        Logging logging,
        Demo demo,
        JsonNode routing,
        VoiceConfig voice) {

    public enum Mode {
        DEMO,
        PRODUCTION
    }

    public ServerConfig {
        mode = Objects.requireNonNullElse(mode, Mode.DEMO);
        dataDir = Objects.requireNonNullElse(dataDir, Path.of("data"));
        http = Objects.requireNonNullElse(http, new Listener(null, 8080));
        management = Objects.requireNonNullElse(management, new Listener("127.0.0.1", 9090));
        redis = Objects.requireNonNullElse(redis, new Redis(null, null, null, null));
        journal = Objects.requireNonNullElse(journal, new Journal(0, null, 0, null, null));
        lease = Objects.requireNonNullElse(lease, new Lease(null, null));
        api = Objects.requireNonNullElse(api, new Api(0, null, 0));
        sessions = Objects.requireNonNullElse(sessions, new Sessions(null));
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        logging = Objects.requireNonNullElse(logging, new Logging(false, null));
        demo = Objects.requireNonNullElse(demo, new Demo(0, 0));
        if (voice != null) {
            voice.options(); // a voice section that cannot be used is a configuration error, not a start-up failure
        }
    }

    /** The defaults: what runs with no file. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean demoMode() {
        return mode == Mode.DEMO;
    }

    /** A listener: {@code host} defaults to all interfaces (public API) or loopback (management); port 0 picks one. */
    public record Listener(String host, int port) {
        public Listener {
            host = Objects.requireNonNullElse(host, "0.0.0.0");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0–65535");
            }
        }
    }

    /**
     * @param url {@code redis://[:password@]host:port[/db]} for an external Redis or Valkey (≥ 6.2); null starts the
     *     embedded redis-server in {@code dataDir/redis}
     * @param keyPrefix prefix of every key the server writes, so several centres can share one Redis
     * @param commandTimeout how long one Redis command may take before it counts as failed
     */
    public record Redis(String url, String keyPrefix, Duration commandTimeout, Integer embeddedPort) {
        public Redis {
            keyPrefix = Objects.requireNonNullElse(keyPrefix, "firstcontact");
            commandTimeout = Objects.requireNonNullElse(commandTimeout, Duration.ofSeconds(2));
            embeddedPort = Objects.requireNonNullElse(embeddedPort, 0);
            positive(commandTimeout, "redis.commandTimeout");
        }
    }

    /**
     * @param snapshotEveryEntries a snapshot is taken after this many entries …
     * @param snapshotEvery … or this long after the last one, whichever comes first (if anything was journaled)
     * @param spillMaxBytes bound of the local spill file used while Redis is unreachable
     * @param keyFile the journal key that seals personal attributes (null: {@code journal.key} in the data directory,
     *     generated at first start); every node of a centre, and every restore of its journal, needs the same key
     * @param previousKeyFiles keys of before a rotation: they open what they sealed, and seal nothing
     */
    public record Journal(
            long snapshotEveryEntries,
            Duration snapshotEvery,
            long spillMaxBytes,
            Path keyFile,
            List<Path> previousKeyFiles) {
        public Journal {
            previousKeyFiles = List.copyOf(Objects.requireNonNullElse(previousKeyFiles, List.of()));
            snapshotEveryEntries = snapshotEveryEntries == 0 ? 50_000 : snapshotEveryEntries;
            snapshotEvery = Objects.requireNonNullElse(snapshotEvery, Duration.ofMinutes(10));
            spillMaxBytes = spillMaxBytes == 0 ? 256L * 1024 * 1024 : spillMaxBytes;
            if (snapshotEveryEntries < 1 || spillMaxBytes < 1) {
                throw new IllegalArgumentException(
                        "journal.snapshotEveryEntries and journal.spillMaxBytes must be > 0");
            }
            positive(snapshotEvery, "journal.snapshotEvery");
        }
    }

    /** The routing lease: held for {@code ttl}, renewed every {@code ttl / 3}. */
    public record Lease(Duration ttl, String nodeId) {
        public Lease {
            ttl = Objects.requireNonNullElse(ttl, Duration.ofSeconds(10));
            positive(ttl, "lease.ttl");
        }
    }

    /**
     * @param maxBodyBytes the largest request body accepted (413 above)
     * @param idempotencyWindow how long a POST's {@code Idempotency-Key} answers with its first result
     * @param eventBuffer committed entries kept in memory for the event stream; older ones are read from Redis
     */
    public record Api(int maxBodyBytes, Duration idempotencyWindow, int eventBuffer) {
        public Api {
            maxBodyBytes = maxBodyBytes == 0 ? 64 * 1024 : maxBodyBytes;
            idempotencyWindow = Objects.requireNonNullElse(idempotencyWindow, Duration.ofHours(24));
            eventBuffer = eventBuffer == 0 ? 20_000 : eventBuffer;
            if (maxBodyBytes < 1 || eventBuffer < 1) {
                throw new IllegalArgumentException("api.maxBodyBytes and api.eventBuffer must be > 0");
            }
            positive(idempotencyWindow, "api.idempotencyWindow");
        }
    }

    /**
     * @param keepAliveTimeout an advisor whose desktop sent keep-alives and then fell silent this long loses its
     *     session (ineligible until it comes back)
     */
    public record Sessions(Duration keepAliveTimeout) {
        public Sessions {
            keepAliveTimeout = Objects.requireNonNullElse(keepAliveTimeout, Duration.ofSeconds(30));
            positive(keepAliveTimeout, "sessions.keepAliveTimeout");
        }
    }

    /**
     * An API principal. The token itself is never stored: {@code sha256} is the hex SHA-256 of it
     * ({@code firstcontact hash-token} prints it).
     *
     * @param agentId for role {@code agent}: the one advisor it acts as
     */
    public record Token(String name, String sha256, Role role, String agentId) {
        public Token {
            Objects.requireNonNull(name, "tokens[].name");
            Objects.requireNonNull(sha256, "tokens[].sha256");
            Objects.requireNonNull(role, "tokens[].role");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("tokens[].sha256 of " + name + " must be 64 lowercase hex digits");
            }
            if ((role == Role.AGENT) != (agentId != null)) {
                throw new IllegalArgumentException("tokens[].agentId is required for role agent, and only for it");
            }
        }
    }

    /** What a principal may do; see the README's API section for each role's rights. */
    public enum Role {
        AGENT,
        SUPERVISOR,
        ADMIN,
        INTEGRATION
    }

    /** @param json one JSON object per line instead of text */
    public record Logging(boolean json, String level) {
        public Logging {
            level = Objects.requireNonNullElse(level, "INFO");
        }
    }

    /**
     * @param seed the simulated traffic's seed: the same seed gives the same schedule
     * @param speed 1 is real time; 10 makes every simulated duration ten times shorter
     */
    public record Demo(long seed, double speed) {
        public Demo {
            seed = seed == 0 ? 20_261_124L : seed;
            speed = speed == 0 ? 1.0 : speed;
            if (speed <= 0 || speed > 1_000) {
                throw new IllegalArgumentException("demo.speed must be in (0, 1000]");
            }
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
