package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(FirstContactServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts a server on {@code dataDir} (reused across restarts), with extra YAML fields merged in. */
    public static TestServer start(Path dataDir, Map<String, Object> overrides) throws Exception {
        ObjectNode yaml = JSON.createObjectNode();
        yaml.put("mode", "production");
        yaml.put("dataDir", dataDir.toString());
        yaml.putObject("http").put("host", "127.0.0.1").put("port", 0);
        yaml.putObject("management").put("host", "127.0.0.1").put("port", 0);
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
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            yaml.set(o.getKey(), JSON.valueToTree(o.getValue()));
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("test-config.yaml");
        Files.writeString(file, JSON.writeValueAsString(yaml)); // JSON is YAML
        ServerConfig config = new ConfigLoader().load(Optional.of(file), Map.of());
        FirstContactServer server = new FirstContactServer(config);
        server.start();
        return new TestServer(server, dataDir);
    }

    public String base() {
        return "http://127.0.0.1:" + server.apiPort();
    }

    public String management() {
        return "http://127.0.0.1:" + server.managementPort();
    }

    /** A response: status, headers, body as JSON (or null). */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String who, String path) throws IOException, InterruptedException {
        return send(who, "GET", path, null, Map.of());
    }

    public Response post(String who, String path, String body) throws IOException, InterruptedException {
        return send(who, "POST", path, body, Map.of());
    }

    public Response send(String who, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (who != null) {
            b.header("Authorization", "Bearer " + TOKENS.getOrDefault(who, who));
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!r.body().isEmpty()
                && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = JSON.readTree(r.body());
        }
        return new Response(r.statusCode(), r, json);
    }

    public HttpClient client() {
        return http;
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
