package io.firstcontact.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.firstcontact.server.config.ServerConfig.Role;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A 500 says "see the log": the log then holds its cause, with the route's template and no value of the request. */
class InternalErrorsAreLoggedTest {
    private Vertx vertx;
    private HttpServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Api.class);

    @BeforeEach
    void start() throws Exception {
        log.start();
        logger.addAppender(log);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route("/api/v1/*").handler(ctx -> {
            ctx.put(Api.PRINCIPAL, new Principal("tester", Role.ADMIN, null));
            ctx.next();
        });
        Api api = new Api(router, null, new Idempotency(Duration.ofMinutes(1)), d -> "[]");
        api.get("/api/v1/things/:id", Api.anyRole(), (ctx, p) -> {
            throw new ArithmeticException("a bug on the way");
        });
        api.post(
                HttpMethod.POST,
                "/api/v1/things/:id/later",
                Api.anyRole(),
                call -> CompletableFuture.failedFuture(new NullPointerException("a bug later")));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        logger.detachAppender(log);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailureInAHandlerIsA500WhoseCauseIsLogged() throws Exception {
        var r = send("GET", "/api/v1/things/secret-42");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("see its log").doesNotContain("a bug");
        ILoggingEvent event = log.list.stream()
                .filter(e -> e.getLevel() == Level.ERROR)
                .findFirst()
                .orElseThrow();
        assertThat(event.getThrowableProxy().getClassName()).isEqualTo(ArithmeticException.class.getName());
        assertThat(event.getFormattedMessage()).contains("/api/v1/things/:id").doesNotContain("secret-42");
    }

    @Test
    void aFailureOfAnAnswerStillToComeIsLoggedToo() throws Exception {
        var r = send("POST", "/api/v1/things/x/later");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(log.list)
                .anySatisfy(e -> assertThat(e.getThrowableProxy().getClassName())
                        .isEqualTo(NullPointerException.class.getName()));
    }
}
