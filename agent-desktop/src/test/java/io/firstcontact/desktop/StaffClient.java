package io.firstcontact.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A member of staff's browser without a browser: a cookie jar, the CSRF token, JSON requests. */
public final class StaffClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final CookieManager cookies = new CookieManager();
    public final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    public String csrf;

    public StaffClient(String base) {
        this.base = base;
    }

    /** Opens a session (a visitor's, with its CSRF token). */
    public JsonNode session() {
        JsonNode s = body(get("/auth/session"));
        csrf = s.path("csrfToken").asText();
        return s;
    }

    /** Signs in and fetches the new session's token; returns the sign-in's status. */
    public int signIn(String username, String password) {
        session();
        HttpResponse<String> r = post(
                "/auth/password",
                JSON.createObjectNode()
                        .put("username", username)
                        .put("password", password)
                        .toString());
        session();
        return r.statusCode();
    }

    /** {@code username} signs in and logs in ready at their desk. */
    public static StaffClient readyAdvisor(TestCentre centre, String username) {
        StaffClient c = new StaffClient(centre.baseUrl());
        c.signIn(username, TestCentre.PASSWORD);
        HttpResponse<String> r = c.post("/desk/api/login", "{\"ready\":true}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException(username + " could not log in: " + r.body());
        }
        return c;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode body(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    /** The session cookie's value now. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("fc_session"))
                .map(c -> c.getValue())
                .findFirst()
                .orElse(null);
    }
}
