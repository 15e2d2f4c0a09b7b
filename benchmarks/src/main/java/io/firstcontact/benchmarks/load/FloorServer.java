package io.firstcontact.benchmarks.load;

import io.firstcontact.router.journal.redis.EmbeddedRedis;
import io.firstcontact.router.journal.redis.RedisClients;
import io.firstcontact.router.journal.redis.RedisJournal;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The floor of the server's shape, measured beside it in the same run ({@link Floor}): what any server built this
 * way spends per command when a command is one HTTP/1.1 request with a JSON body, parsed; one entry appended to a
 * Redis Stream by the journal's own code (explicit id, embedded redis-server with AOF everysec, its connection on the
 * event loop as the server's is); one event pushed on each open Server-Sent Events stream; and one JSON reply. On
 * the same Vert.x HTTP stack and router, on one event loop. No routing, read model, authentication, idempotency,
 * validation or metrics: the server's cost above this floor is what those cost.
 *
 * <p>{@code FloorServer <dataDir>}: prints {@code ready <port>} once it listens on 127.0.0.1; {@code POST} to any path
 * is a command, {@code GET /events} an event stream. Runs until stopped (SIGTERM stops its redis-server too).
 */
public final class FloorServer {
    private FloorServer() {}

    public static void main(String[] args) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]).resolve("redis"), 0, true);
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "floor-stop"));
        Vertx vertx = Vertx.vertx();
        Loop loop = new Loop();
        vertx.deployVerticle(loop).await();
        ContextInternal context = (ContextInternal) loop.context();
        ClientResources resources =
                RedisClients.onEventLoop(context.nettyEventLoop()).orElseThrow();
        RedisClient client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(5), resources);
        Commands commands = new Commands(context, RedisJournal.open(client, "floor:journal"));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        context.runOnContext(v -> {
            Router router = Router.router(vertx);
            router.get("/events").handler(commands::events);
            router.post().handler(BodyHandler.create().setBodyLimit(65_536));
            router.post().handler(commands::command);
            vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .onSuccess(s -> listening.complete(s.actualPort()))
                    .onFailure(listening::completeExceptionally);
        });
        System.out.println("ready " + listening.get(30, TimeUnit.SECONDS));
        System.out.flush();
    }

    /** Gives the HTTP server, the journal's connection and the handlers one event loop, as the server does. */
    private static final class Loop extends VerticleBase {
        Context context() {
            return context;
        }

        @Override
        public Future<?> start() {
            return Future.succeededFuture();
        }
    }

    /** The handlers; all on the loop. */
    private static final class Commands {
        private final Context context;
        private final RedisJournal journal;
        private final List<HttpServerResponse> streams = new ArrayList<>();
        private long seq;

        Commands(Context context, RedisJournal journal) {
            this.context = context;
            this.journal = journal;
        }

        void events(RoutingContext rc) {
            HttpServerResponse stream = rc.response()
                    .setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-store");
            stream.write(": open\n\n");
            streams.add(stream);
            stream.closeHandler(v -> streams.remove(stream));
        }

        void command(RoutingContext rc) {
            JsonObject input = rc.body().asJsonObject();
            long id = ++seq;
            JsonObject entry = new JsonObject()
                    .put("seq", id)
                    .put("at", System.currentTimeMillis())
                    .put("input", input);
            byte[] payload = entry.toBuffer().getBytes();
            journal.append(List.of(new RedisJournal.Entry(1, id, payload)))
                    .whenComplete((ok, failure) -> context.runOnContext(v -> {
                        if (failure != null) {
                            rc.fail(failure);
                            return;
                        }
                        String data = entry.encode();
                        for (HttpServerResponse stream : streams) {
                            stream.write("id: 1-" + id + "\ndata: " + data + "\n\n");
                        }
                        rc.response()
                                .putHeader("Content-Type", "application/json")
                                .end(data);
                    }));
        }
    }
}
