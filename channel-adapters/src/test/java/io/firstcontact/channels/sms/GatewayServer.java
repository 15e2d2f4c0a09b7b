package io.firstcontact.channels.sms;

import static io.firstcontact.channels.TestRouting.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on a free port playing an SMS provider: it records what it is sent and answers {@link #status}. */
final class GatewayServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request it received: its headers of interest and its JSON body. */
    record Received(String authorization, String idempotencyKey, String contentType, JsonNode body) {}

    final Vertx vertx = Vertx.vertx();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final HttpServer server;
    volatile int status = 202;

    GatewayServer() {
        this.server = join(vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage());
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                received.add(new Received(
                        request.getHeader("Authorization"),
                        request.getHeader("Idempotency-Key"),
                        request.getHeader("Content-Type"),
                        JSON.readTree(body.getBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            request.response().setStatusCode(status).end("{\"id\":\"msg-1\"}");
        });
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/messages");
    }

    @Override
    public void close() {
        join(vertx.close().toCompletionStage());
    }
}
