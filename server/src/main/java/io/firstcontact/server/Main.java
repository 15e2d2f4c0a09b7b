package io.firstcontact.server;

import io.firstcontact.server.api.Tokens;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.ops.CommonPool;
import io.firstcontact.server.ops.ListenerPorts;
import io.firstcontact.server.runtime.JournalKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * The command line.
 *
 * <pre>
 * firstcontact [--config FILE]     run the server (no file: the demo centre on embedded defaults)
 * firstcontact new-token           print a new random API token and the hash to configure for it
 * firstcontact hash-token          read a token on standard input, print its hash for tokens[].sha256
 * firstcontact hash-password       read a password on standard input, print its Argon2id hash for desktop.staff.users
 * firstcontact new-journal-key FILE  write a new journal key to FILE (readable only by you), for a rotation
 * </pre>
 */
public final class Main {
    private Main() {}

    /** The first line of standard input; exits with a message when there is none. */
    private static String standardInput(String what) throws java.io.IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isBlank()) {
            System.err.println("give the " + what + " on standard input");
            System.exit(2);
        }
        return line;
    }

    public static void main(String[] args) throws Exception {
        OptionalInt commonPool = CommonPool.sizeForCallbacks(); // first: the JDK reads it once
        if (args.length > 0 && args[0].equals("new-token")) {
            String token = Tokens.generate();
            System.out.println("token:  " + token);
            System.out.println("sha256: " + Tokens.sha256(token));
            return;
        }
        if (args.length > 0 && args[0].equals("hash-token")) {
            System.out.println(Tokens.sha256(standardInput("token").strip()));
            return;
        }
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.out.println(io.firstcontact.desktop.staff.Argon2Passwords.hash(standardInput("password")));
            return;
        }
        if (args.length > 0 && args[0].equals("new-journal-key")) {
            if (args.length != 2) {
                System.err.println("usage: firstcontact new-journal-key FILE");
                System.exit(2);
            }
            try {
                String id = JournalKeys.create(Path.of(args[1]));
                System.out.println("journal key " + id + " written to " + args[1] + " (readable only by you)");
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
            return;
        }
        String explicit = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                explicit = args[++i];
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(
                        "usage: firstcontact [--config FILE] | new-token | hash-token | hash-password | new-journal-key FILE");
                return;
            } else {
                System.err.println("unknown argument " + args[i] + "; try --help");
                System.exit(2);
            }
        }
        ServerConfig config;
        Optional<Path> file;
        try {
            file = ConfigLoader.locate(explicit, System.getenv());
            config = new ConfigLoader().load(file, System.getenv());
            if (config.routing() != null && !config.demoMode()) {
                Seed.check(config.routing());
            }
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Logging reads these when it starts, at the first logger: every line then carries the mode.
        System.setProperty("fc.mode", config.demoMode() ? "demo" : "production");
        System.setProperty("fc.log.level", config.logging().level());
        if (config.logging().json()) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        log.info(
                "FirstContact starting in {} mode with {}",
                config.demoMode() ? "demo" : "production",
                file.map(p -> "configuration " + p).orElse("no configuration file"));
        if (commonPool.isPresent() && !CommonPool.runsCallbacks()) {
            log.warn(
                    "the JDK's common pool was in use before it could be sized: on this small machine asynchronous"
                            + " callbacks each start a thread of their own; set -D{}=2",
                    CommonPool.PROPERTY);
        }
        FirstContactServer server;
        try {
            server = new FirstContactServer(config);
        } catch (ListenerPorts.UnavailableException e) {
            log.error("cannot start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        try {
            server.start();
        } catch (Exception e) {
            log.error("start-up failed: {}", e.getMessage(), e);
            System.exit(1);
        }
        if (config.demoMode()) {
            log.info(
                    "demo running: API on port {} (token in {}), metrics and health on port {}",
                    server.apiPort(),
                    config.tokens().isEmpty() ? config.dataDir().resolve(Tokens.ADMIN_FILE) : "the configuration",
                    server.managementPort());
        }
        stopped.await();
    }
}
