package io.firstcontact.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.server.api.Tokens;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.config.ServerConfig.Role;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real server for tests: production mode, embedded Redis in a temporary directory, free ports, one token per role
 * (agent tokens for a0 and a1), the small centre of the engine's tests as the routing seed with advisors a0–a3.
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Map<String, String> TOKENS = new LinkedHashMap<>();

    static {
        for (String who : new String[] {"admin", "supervisor", "integration", "agent-a0", "agent-a1"}) {
            TOKENS.put(who, "token-for-" + who + "-0123456789abcdef0123456789abcdef");
        }
    }

    public final FirstContactServer server;
    public final Path dataDir;

    private TestServer(FirstContactServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** A server a test started itself, on {@code dataDir}. */
    public static TestServer of(FirstContactServer server, Path dataDir) {
        return new TestServer(server, dataDir);
    }

    /** Starts a server on {@code dataDir} (reused across restarts), with extra YAML fields merged in. */
    public static TestServer start(Path dataDir, Map<String, Object> overrides) throws Exception {
        return start(dataDir, overrides, InstantSource.system());
    }

    /** Starts a server whose routing runs on {@code clock} (ahead of the wall clock: a long outage). */
    public static TestServer start(Path dataDir, Map<String, Object> overrides, InstantSource clock) throws Exception {
        Path file = writeConfig(dataDir, 0, 0, overrides);
        ServerConfig config = new ConfigLoader().load(Optional.of(file), Map.of());
        FirstContactServer server = new FirstContactServer(config, null, clock);
        try {
            server.start();
        } catch (Exception | Error e) {
            server.close(); // a server that could not start leaves nothing running behind it
            throw e;
        }
        return new TestServer(server, dataDir);
    }

    /** The test configuration file in {@code dataDir}: ports (0 = any), tokens, the small centre as the seed. */
    public static Path writeConfig(Path dataDir, int httpPort, int managementPort, Map<String, Object> overrides)
            throws IOException {
        ObjectNode yaml = JSON.createObjectNode();
        yaml.put("mode", "production");
        yaml.put("dataDir", dataDir.toString());
        yaml.putObject("http").put("host", "127.0.0.1").put("port", httpPort);
        yaml.putObject("management").put("host", "127.0.0.1").put("port", managementPort);
        yaml.putObject("lease").put("ttl", "3s");
        ArrayNode tokens = yaml.putArray("tokens");
        for (Map.Entry<String, String> t : TOKENS.entrySet()) {
            ObjectNode n = tokens.addObject().put("name", t.getKey()).put("sha256", Tokens.sha256(t.getValue()));
            if (t.getKey().startsWith("agent-")) {
                n.put("role", "agent").put("agentId", t.getKey().substring("agent-".length()));
            } else {
                n.put(
                        "role",
                        Role.valueOf(t.getKey().toUpperCase(java.util.Locale.ROOT))
                                .name()
                                .toLowerCase(java.util.Locale.ROOT));
            }
        }
        ObjectNode routing = yaml.putObject("routing");
        routing.set("config", JSON.readTree(new JournalCodec().encodeValue(Centres.small())));
        ArrayNode agents = routing.putArray("agents");
        for (int a = 0; a < 4; a++) {
            ObjectNode agent = agents.addObject().put("agentId", "a" + a);
            agent.putArray("skills").addObject().put("skill", "billing").put("proficiency", 5);
            agent.put("utilisationProfile", "council").put("routingProfile", "all");
        }
        // A Hazelcast cluster of its own (the account cache): a server of another test, or of another build on this
        // machine, in the default cluster would join it and share its cache. Kept across the server's restarts.
        yaml.putObject("account").putObject("cluster").put("name", "test-" + java.util.UUID.randomUUID());
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            yaml.set(o.getKey(), JSON.valueToTree(o.getValue()));
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("test-config.yaml");
        Files.writeString(file, JSON.writeValueAsString(yaml)); // JSON is YAML
        return file;
    }

    public String base() {
        return "http://127.0.0.1:" + server.apiPort();
    }

    public String management() {
        return "http://127.0.0.1:" + server.managementPort();
    }

    public ApiClient api() {
        return new ApiClient(base(), management());
    }

    /** The offer a command's reply made: its {@code OfferCreated} fact's. */
    public static String offerOf(com.fasterxml.jackson.databind.JsonNode reply) {
        for (com.fasterxml.jackson.databind.JsonNode f : reply.get("facts")) {
            if (f.get("type").asText().equals("OfferCreated")) {
                return f.get("offerId").asText();
            }
        }
        throw new AssertionError("no offer in " + reply);
    }

    /**
     * One contact of today: advisor a0 logs in ready, a voice call to {@code billing} arrives, a0 answers, ends it and
     * their wrap-up.
     */
    public void handledCall(String sourceRef) throws IOException, InterruptedException {
        ApiClient.Response login = post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}");
        if (login.status() != 200) {
            throw new AssertionError("a0 could not log in: " + login.raw().body());
        }
        ApiClient.Response created = post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        if (created.status() != 201) {
            throw new AssertionError(
                    "the call was not created: " + created.raw().body());
        }
        handle("a0", offerOf(created.json()));
    }

    /** Advisor {@code agentId} answers the offer, ends the contact and their wrap-up, each through the API. */
    public void handle(String agentId, String offerId) throws IOException, InterruptedException {
        String who = "agent-" + agentId;
        for (String path : new String[] {
            "/api/v1/offers/" + offerId + "/accept",
            "/api/v1/offers/" + offerId + "/end",
            "/api/v1/assignments/" + offerId + "/end-wrap-up"
        }) {
            int status = post(who, path, "{}").status();
            if (status != 200) {
                throw new AssertionError("POST " + path + " answered " + status);
            }
        }
    }

    /** A sample's value as {@code /metrics} shows it now ({@code labels} as written there, without braces). */
    public double scraped(String name, String labels) throws IOException, InterruptedException {
        String text = send(null, "GET", management() + "/metrics", null, Map.of())
                .raw()
                .body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?m)^" + java.util.regex.Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError(name + "{" + labels + "} is not in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    public ApiClient.Response get(String who, String path) throws IOException, InterruptedException {
        return api().get(who, path);
    }

    public ApiClient.Response post(String who, String path, String body) throws IOException, InterruptedException {
        return api().post(who, path, body);
    }

    public ApiClient.Response send(String who, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return api().send(who, method, path, body, headers);
    }

    public HttpClient client() {
        return ApiClient.HTTP;
    }

    /** The journal's length in Redis: proof that a refused request changed nothing. */
    public long journalLength() {
        return server.runtime().stream().length();
    }

    @Override
    public void close() {
        server.close();
    }
}
