package io.firstcontact.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.router.account.AccountOptions;
import io.firstcontact.router.journal.redis.RedisJournalOptions;
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
 * @param ivr the IVR: its flows, and how long it waits for the payment gateway and the back office
 * @param desktop the advisor desktop: staff sign-in, wrap-up codes, scripts, cross-sell rules
 * @param statistics the statistics' definitions (service level, windows, alerts) and how long history is kept
 * @param voice the Asterisk connection (AMI and FastAGI), or null: no voice channel (the demo simulates its calls)
 * @param account the account context: back office, cache and its cluster, warming, routing on the citizen's account
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
        Ivr ivr,
        DesktopOptions desktop,
        StatisticsSettings statistics,
        VoiceConfig voice,
        AccountOptions account) {

    public enum Mode {
        DEMO,
        PRODUCTION
    }

    public static final Mode DEFAULT_MODE = Mode.DEMO;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    // A section left out of the file is null here (as is a setting within a section): it takes its defaults.
    public ServerConfig {
        mode = Objects.requireNonNullElse(mode, DEFAULT_MODE);
        dataDir = Objects.requireNonNullElse(dataDir, DEFAULT_DATA_DIR);
        http = Objects.requireNonNullElse(http, Listener.DEFAULT_HTTP).orHost(Listener.ALL_INTERFACES);
        // Loopback unless a host is given, also when only the port is: /metrics and /health need no token.
        management = Objects.requireNonNullElse(management, Listener.DEFAULT_MANAGEMENT)
                .orHost(Listener.LOOPBACK);
        redis = Objects.requireNonNullElse(redis, Redis.DEFAULTS);
        journal = Objects.requireNonNullElse(journal, Journal.DEFAULTS);
        lease = Objects.requireNonNullElse(lease, Lease.DEFAULTS);
        api = Objects.requireNonNullElse(api, Api.DEFAULTS);
        sessions = Objects.requireNonNullElse(sessions, Sessions.DEFAULTS);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        logging = Objects.requireNonNullElse(logging, Logging.DEFAULTS);
        demo = Objects.requireNonNullElse(demo, Demo.DEFAULTS);
        ivr = Objects.requireNonNullElse(ivr, Ivr.DEFAULTS);
        desktop = Objects.requireNonNullElse(desktop, DesktopOptions.defaults());
        statistics = Objects.requireNonNullElse(statistics, StatisticsSettings.DEFAULTS);
        if (voice != null) {
            voice.options(); // a voice section that cannot be used is a configuration error, not a start-up failure
        }
        account = Objects.requireNonNullElse(account, AccountOptions.DEFAULT);
    }

    /** The defaults: what runs with no file. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_MODE,
                DEFAULT_DATA_DIR,
                Listener.DEFAULT_HTTP,
                Listener.DEFAULT_MANAGEMENT,
                Redis.DEFAULTS,
                Journal.DEFAULTS,
                Lease.DEFAULTS,
                Api.DEFAULTS,
                Sessions.DEFAULTS,
                List.of(),
                Logging.DEFAULTS,
                Demo.DEFAULTS,
                null,
                Ivr.DEFAULTS,
                DesktopOptions.defaults(),
                StatisticsSettings.DEFAULTS,
                null,
                AccountOptions.DEFAULT);
    }

    public boolean demoMode() {
        return mode == Mode.DEMO;
    }

    /**
     * A listener: {@code host} left out is all interfaces for the public API and loopback for management (whether or
     * not its port is given); port 0 picks one.
     */
    public record Listener(String host, int port) {
        public static final String ALL_INTERFACES = "0.0.0.0";
        public static final String LOOPBACK = "127.0.0.1";
        public static final Listener DEFAULT_HTTP = new Listener(ALL_INTERFACES, 8080);
        public static final Listener DEFAULT_MANAGEMENT = new Listener(LOOPBACK, 9090);

        public Listener {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0–65535 (0 picks a free one), was " + port);
            }
        }

        /** This listener, on {@code host} if it names none. */
        Listener orHost(String fallback) {
            return host != null ? this : new Listener(fallback, port);
        }
    }

    /**
     * @param url {@code redis://[:password@]host:port[/db]} for an external Redis or Valkey (≥ 6.2); null starts the
     *     embedded redis-server in {@code dataDir/redis}
     * @param keyPrefix prefix of every key the server writes, so several centres can share one Redis
     * @param commandTimeout how long one Redis command may take before it counts as failed
     * @param embeddedPort the embedded redis-server's port (any free one by default)
     */
    public record Redis(String url, String keyPrefix, Duration commandTimeout, Integer embeddedPort) {
        /** No url: the embedded redis-server; the journal's own defaults for the rest. */
        public static final Redis DEFAULTS = new Redis(
                null,
                RedisJournalOptions.DEFAULT_KEY_PREFIX,
                RedisJournalOptions.DEFAULT_COMMAND_TIMEOUT,
                RedisJournalOptions.DEFAULT_EMBEDDED_PORT);

        public Redis {
            keyPrefix = Objects.requireNonNullElse(keyPrefix, RedisJournalOptions.DEFAULT_KEY_PREFIX);
            commandTimeout = Objects.requireNonNullElse(commandTimeout, RedisJournalOptions.DEFAULT_COMMAND_TIMEOUT);
            embeddedPort = Objects.requireNonNullElse(embeddedPort, RedisJournalOptions.DEFAULT_EMBEDDED_PORT);
            positive(commandTimeout, "commandTimeout");
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
            Long snapshotEveryEntries,
            Duration snapshotEvery,
            Long spillMaxBytes,
            Path keyFile,
            List<Path> previousKeyFiles) {
        public static final long DEFAULT_SNAPSHOT_EVERY_ENTRIES = 50_000;
        public static final Duration DEFAULT_SNAPSHOT_EVERY = Duration.ofMinutes(10);

        /** No key file: {@code journal.key} in the data directory, generated at the first start. */
        public static final Journal DEFAULTS = new Journal(
                DEFAULT_SNAPSHOT_EVERY_ENTRIES,
                DEFAULT_SNAPSHOT_EVERY,
                RedisJournalOptions.DEFAULT_SPILL_MAX_BYTES,
                null,
                List.of());

        public Journal {
            previousKeyFiles = List.copyOf(Objects.requireNonNullElse(previousKeyFiles, List.of()));
            snapshotEveryEntries = Objects.requireNonNullElse(snapshotEveryEntries, DEFAULT_SNAPSHOT_EVERY_ENTRIES);
            snapshotEvery = Objects.requireNonNullElse(snapshotEvery, DEFAULT_SNAPSHOT_EVERY);
            spillMaxBytes = Objects.requireNonNullElse(spillMaxBytes, RedisJournalOptions.DEFAULT_SPILL_MAX_BYTES);
            if (snapshotEveryEntries < 1) {
                throw new IllegalArgumentException("snapshotEveryEntries must be at least 1");
            }
            if (spillMaxBytes < 1) {
                throw new IllegalArgumentException("spillMaxBytes must be at least 1");
            }
            positive(snapshotEvery, "snapshotEvery");
        }
    }

    /** The routing lease: held for {@code ttl}, renewed every {@code ttl / 3}. */
    public record Lease(Duration ttl, String nodeId) {
        public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

        /** No node id: a random one per start. */
        public static final Lease DEFAULTS = new Lease(DEFAULT_TTL, null);

        public Lease {
            ttl = Objects.requireNonNullElse(ttl, DEFAULT_TTL);
            positive(ttl, "ttl");
        }
    }

    /**
     * @param maxBodyBytes the largest request body accepted (413 above)
     * @param idempotencyWindow how long a POST's {@code Idempotency-Key} answers with its first result
     * @param eventBuffer committed entries kept in memory for the event stream; older ones are read from Redis
     * @param headerReadTimeout how long a new connection may take to send a request's line and headers in full
     * @param idleTimeout a connection on which nothing is sent or received this long is closed; so is a kept-alive one
     *     on which no new request arrives in full this long after the last response
     */
    public record Api(
            Integer maxBodyBytes,
            Duration idempotencyWindow,
            Integer eventBuffer,
            Duration headerReadTimeout,
            Duration idleTimeout) {
        public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
        public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);
        public static final int DEFAULT_EVENT_BUFFER = 20_000;
        public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

        public static final Api DEFAULTS = new Api(
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_IDEMPOTENCY_WINDOW,
                DEFAULT_EVENT_BUFFER,
                DEFAULT_HEADER_READ_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);

        public Api {
            maxBodyBytes = Objects.requireNonNullElse(maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
            idempotencyWindow = Objects.requireNonNullElse(idempotencyWindow, DEFAULT_IDEMPOTENCY_WINDOW);
            eventBuffer = Objects.requireNonNullElse(eventBuffer, DEFAULT_EVENT_BUFFER);
            headerReadTimeout = Objects.requireNonNullElse(headerReadTimeout, DEFAULT_HEADER_READ_TIMEOUT);
            idleTimeout = Objects.requireNonNullElse(idleTimeout, DEFAULT_IDLE_TIMEOUT);
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1");
            }
            if (eventBuffer < 1) {
                throw new IllegalArgumentException("eventBuffer must be at least 1");
            }
            positive(idempotencyWindow, "idempotencyWindow");
            positive(headerReadTimeout, "headerReadTimeout");
            positive(idleTimeout, "idleTimeout");
        }
    }

    /**
     * @param keepAliveTimeout an advisor whose desktop sent keep-alives and then fell silent this long loses its
     *     session (ineligible until it comes back)
     */
    public record Sessions(Duration keepAliveTimeout) {
        public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(30);

        public static final Sessions DEFAULTS = new Sessions(DEFAULT_KEEP_ALIVE_TIMEOUT);

        public Sessions {
            keepAliveTimeout = Objects.requireNonNullElse(keepAliveTimeout, DEFAULT_KEEP_ALIVE_TIMEOUT);
            positive(keepAliveTimeout, "keepAliveTimeout");
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
            required(name, "name");
            required(sha256, "sha256");
            if (role == null) {
                throw new IllegalArgumentException("role is required: one of agent, supervisor, admin, integration");
            }
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(
                        "sha256 must be 64 lowercase hex digits (`firstcontact new-token` prints a token and its hash)");
            }
            if (role == Role.AGENT && agentId == null) {
                throw new IllegalArgumentException("agentId is required for role agent: the advisor it acts as");
            }
            if (role != Role.AGENT && agentId != null) {
                throw new IllegalArgumentException("agentId is only for role agent");
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
        public static final String DEFAULT_LEVEL = "INFO";

        /** Text lines at INFO. */
        public static final Logging DEFAULTS = new Logging(false, DEFAULT_LEVEL);

        public Logging {
            level = Objects.requireNonNullElse(level, DEFAULT_LEVEL);
        }
    }

    /**
     * @param seed the simulated traffic's seed: the same seed gives the same schedule
     * @param speed 1 is real time; 10 makes every simulated duration ten times shorter
     */
    public record Demo(Long seed, Double speed) {
        public static final long DEFAULT_SEED = 20_261_124L;
        public static final double DEFAULT_SPEED = 1.0;

        public static final Demo DEFAULTS = new Demo(DEFAULT_SEED, DEFAULT_SPEED);

        public Demo {
            seed = Objects.requireNonNullElse(seed, DEFAULT_SEED);
            speed = Objects.requireNonNullElse(speed, DEFAULT_SPEED);
            if (speed <= 0 || speed > 1_000) {
                throw new IllegalArgumentException("speed must be above 0 and at most 1000, was " + speed);
            }
        }
    }

    /**
     * The IVR (flows over the telephone and chat, automated payments).
     *
     * @param flows the flows file (YAML); null runs the demo flows in demo mode and no IVR in production mode. A
     *     version put in force through the admin API is kept in {@code dataDir/ivr} and wins over the file
     * @param gatewayTimeout how long an authorisation may take before it counts as timed out (it is then asked again
     *     under the same idempotency key)
     * @param backOfficeTimeout how long a lookup or a payment record may take before the back office counts as
     *     unavailable
     * @param maxConversations text conversations (chats in the IVR) held at once; more are refused with 503
     */
    public record Ivr(Path flows, Duration gatewayTimeout, Duration backOfficeTimeout, Integer maxConversations) {
        public static final Duration DEFAULT_GATEWAY_TIMEOUT = Duration.ofSeconds(30);
        public static final Duration DEFAULT_BACK_OFFICE_TIMEOUT = Duration.ofSeconds(5);
        public static final int DEFAULT_MAX_CONVERSATIONS = 10_000;

        public static final Ivr DEFAULTS =
                new Ivr(null, DEFAULT_GATEWAY_TIMEOUT, DEFAULT_BACK_OFFICE_TIMEOUT, DEFAULT_MAX_CONVERSATIONS);

        public Ivr {
            gatewayTimeout = Objects.requireNonNullElse(gatewayTimeout, DEFAULT_GATEWAY_TIMEOUT);
            backOfficeTimeout = Objects.requireNonNullElse(backOfficeTimeout, DEFAULT_BACK_OFFICE_TIMEOUT);
            maxConversations = Objects.requireNonNullElse(maxConversations, DEFAULT_MAX_CONVERSATIONS);
            positive(gatewayTimeout, "ivr.gatewayTimeout");
            positive(backOfficeTimeout, "ivr.backOfficeTimeout");
            if (maxConversations < 1) {
                throw new IllegalArgumentException("ivr.maxConversations must be > 0");
            }
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
