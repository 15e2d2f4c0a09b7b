package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that takes an id in its path, walked with each kind of id that cannot be one: each answer is a 4xx
 * problem (never a 500), names the path parameter without echoing it, and changes nothing.
 */
class BadPathIdsTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Each kind of bad id, percent-encoded as a client would send it. */
    static final Map<String, String> BAD_IDS = badIds();

    private static Map<String, String> badIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("a space", "a%20b");
        ids.put("a NUL", "a%00b");
        ids.put("CR and LF", "a%0D%0AX-Injected:%201");
        ids.put("a tab", "a%09b");
        ids.put("non-ASCII", "caf%C3%A9");
        ids.put("a right-to-left override", "a%E2%80%AEb");
        ids.put("129 characters", "x".repeat(129));
        ids.put("1,000 characters", "y".repeat(1_000));
        return ids;
    }

    /** Every registered route with a path parameter, as method and template ({@code /api/v1/agents/:id/login}). */
    static List<String[]> routesWithIds() {
        List<String[]> routes = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Route r : s.server.api().router().getRoutes()) {
            String path = r.getPath();
            if (path == null || !path.contains(":") || r.methods() == null) {
                continue;
            }
            for (HttpMethod m : r.methods()) {
                if (seen.add(m.name() + " " + path)) {
                    routes.add(new String[] {m.name(), path});
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteWithAPathIdAnswersABadIdWithA400AndChangesNothing() throws Exception {
        List<String[]> routes = routesWithIds();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(20);
        long before = s.journalLength();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String[] route : routes) {
            for (Map.Entry<String, String> bad : BAD_IDS.entrySet()) {
                String path = route[1].replaceAll(":[A-Za-z]+", bad.getValue());
                String body = route[0].equals("GET") ? null : "{}";
                var r = s.send("admin", route[0], path, body, Map.of());
                calls++;
                String at = route[0] + " " + route[1] + " with " + bad.getKey() + " → " + r.status();
                if (r.status() != 400
                        || !r.header("Content-Type").startsWith("application/problem+json")
                        || !r.json()
                                .path("errors")
                                .path(0)
                                .path("field")
                                .asText()
                                .startsWith("path ")) {
                    wrong.add(at + " " + r.raw().body());
                }
                String decoded = java.net.URLDecoder.decode(bad.getValue(), StandardCharsets.UTF_8);
                if (r.json().path("detail").asText().contains(decoded)
                        || r.json().path("errors").toString().contains(decoded)) {
                    wrong.add(at + ": the id is echoed");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(s.journalLength()).isEqualTo(before);
        System.out.println("bad path ids: " + calls + " calls on " + routes.size() + " routes, all 400");
    }

    @Test
    void aKeepAliveForAnInvalidIdIs400AndArmsNoTimer() throws Exception {
        for (String bad : BAD_IDS.values()) {
            var r = s.post("admin", "/api/v1/agents/" + bad + "/keepalive", null);
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
        assertThat(s.server.watchedSessions()).isEmpty();
    }

    @Test
    void aKeepAliveForAnAdvisorNobodyDefinedIs404AndArmsNoTimer() throws Exception {
        for (int i = 0; i < 50; i++) {
            var r = s.post("integration", "/api/v1/agents/ghost-" + i + "/keepalive", null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("detail").asText()).doesNotContain("ghost");
        }
        assertThat(s.server.watchedSessions()).isEmpty();
    }

    @Test
    void rawBytesThatCannotBeAPathAreRefusedByTheListenerWithA400() throws Exception {
        String token = TestServer.TOKENS.get("admin");
        for (byte[] line : List.of(
                "POST /api/v1/agents/a b/login HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII),
                "POST /api/v1/agents/caf\u00e9/login HTTP/1.1\r\n".getBytes(StandardCharsets.UTF_8),
                "POST /api/v1/agents/a%zz/login HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))) {
            String status = exchange(line, "Authorization: Bearer " + token + "\r\nContent-Length: 0\r\n");
            assertThat(status).as(new String(line, StandardCharsets.UTF_8)).matches("HTTP/1\\.[01] 4\\d\\d .*");
        }
    }

    /** Sends a request line and headers on a socket of its own; returns the status line of the answer. */
    static String exchange(byte[] requestLine, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server.apiPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestLine);
            out.write(("Host: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                status.append((char) c);
            }
            return status.toString();
        }
    }
}
