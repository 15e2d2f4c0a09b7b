package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls a server's API and management listener as one of {@link TestServer#TOKENS}' principals. */
public record ApiClient(String base, String management) {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (who != null) {
            b.header("Authorization", "Bearer " + TestServer.TOKENS.getOrDefault(who, who));
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!r.body().isEmpty()
                && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = TestServer.JSON.readTree(r.body());
        }
        return new Response(r.statusCode(), r, json);
    }

    /** Whether {@code /health/ready} answers 200 now. */
    public boolean ready() {
        try {
            return send(null, "GET", management + "/health/ready", null, Map.of())
                            .status()
                    == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
