package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.staff.Argon2Passwords;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop as the server mounts it: staff from the YAML sign in and work as their advisor in the real routing. */
class DeskOnTheServerTest {
    @TempDir
    Path dataDir;

    @Test
    void aConfiguredAdvisorSignsInAndLogsInAsTheirAgent() throws Exception {
        Map<String, Object> desktop = Map.of(
                "staff",
                Map.of(
                        "users",
                        List.of(Map.of(
                                "username", "asha",
                                "name", "Asha Patel",
                                "passwordHash", Argon2Passwords.hash("a long pass phrase"),
                                "roles", List.of("advisor"),
                                "agentId", "a0"))));
        try (TestServer server = TestServer.start(dataDir, Map.of("desktop", desktop))) {
            String base = "http://127.0.0.1:" + server.server.apiPort();
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String csrf = json(browser.send(get(base + "/auth/session"), HttpResponse.BodyHandlers.ofString()))
                    .path("csrfToken")
                    .asText();
            var signIn = browser.send(
                    post(base + "/auth/password", csrf, "{\"username\":\"asha\",\"password\":\"a long pass phrase\"}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            csrf = json(browser.send(get(base + "/auth/session"), HttpResponse.BodyHandlers.ofString()))
                    .path("csrfToken")
                    .asText();

            var login = browser.send(
                    post(base + "/desk/api/login", csrf, "{\"ready\":true}"), HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // The API sees the same advisor READY.
            JsonNode a0 = json(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/agents/a0"))
                                    .header("Authorization", "Bearer " + TestServer.TOKENS.get("admin"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            assertThat(a0.path("presence").asText()).isEqualTo("READY");
            assertThat(browser.send(get(base + "/desk/"), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpRequest post(String url, String csrf, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body());
    }
}
