package io.firstcontact.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.wire.PublicJson;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.firstcontact.server.runtime.RuntimeState;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The management listener, separate from the public API: {@code /metrics} (Prometheus text), {@code /health/live}
 * (liveness: the process answers, always 200), {@code /health/ready} (readiness for a load balancer: 200 only when
 * routing is open and the journal commits to Redis) and {@code /health} (what a person asks: 200 while routing is open,
 * even if entries are spilling to the local file, else 503; the body says the state and the journal's). Meant for
 * loopback or an internal network; it exposes no business data.
 */
public final class Management {
    private final Vertx vertx;
    private final ServerConfig config;
    private final PrometheusMeterRegistry registry;
    private volatile RoutingRuntime runtime;
    private volatile boolean accepting;
    private HttpServer server;

    public Management(Vertx vertx, ServerConfig config, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
    }

    public void attach(RoutingRuntime runtime) {
        this.runtime = runtime;
    }

    /** The API listens (or, when stopping, no longer does): ready only in between. */
    public void accepting(boolean accepting) {
        this.accepting = accepting;
    }

    public Future<HttpServer> start() {
        Router router = Router.router(vertx);
        router.get("/metrics")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape()));
        router.get("/health/live").handler(ctx -> json(ctx, 200, status("UP")));
        router.get("/health/ready").handler(ctx -> {
            String s = readiness();
            json(ctx, s.equals("UP") ? 200 : 503, status(s));
        });
        router.get("/health").handler(ctx -> {
            String s = readiness();
            json(ctx, routingOpen(s) ? 200 : 503, status(s));
        });
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(config.management().port(), config.management().host())
                .onSuccess(s -> server = s);
    }

    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    /**
     * UP, DEGRADED (routing on, Redis unreachable, entries spilling), STARTING, RECOVERING (reading the journal),
     * WAITING_FOR_LEASE (another node routes), DEPOSED (a newer node took over) or DOWN (stopping).
     */
    public String readiness() {
        RoutingRuntime r = runtime;
        if (r == null) {
            return "STARTING";
        }
        RuntimeState state = r.state();
        return switch (state) {
            case OPEN -> !accepting ? "STARTING" : r.degraded() || !r.redisReachable() ? "DEGRADED" : "UP";
            case STARTING -> "STARTING";
            case RECOVERING -> "RECOVERING";
            case WAITING_FOR_LEASE -> "WAITING_FOR_LEASE";
            case DEPOSED -> "DEPOSED";
            case STOPPING, STOPPED -> "DOWN";
        };
    }

    /** Whether a readiness status means that routing is open (answers and decides), if perhaps spilling. */
    static boolean routingOpen(String readiness) {
        return readiness.equals("UP") || readiness.equals("DEGRADED");
    }

    private ObjectNode status(String status) {
        ObjectNode o = PublicJson.MAPPER.createObjectNode();
        o.put("status", status);
        o.put("mode", config.demoMode() ? "demo" : "production");
        RoutingRuntime r = runtime;
        if (r != null) {
            o.put("node", r.nodeId());
            o.put("routing", r.state().name());
            o.put("epoch", r.epoch());
            ObjectNode journal = o.putObject("journal");
            journal.put("redis", r.redisReachable() ? "reachable" : "unreachable");
            journal.put("spilling", r.degraded());
            journal.put("embeddedRedis", r.embeddedRedis() != null);
            // Entries Redis acknowledged and lost (a snapshot covers them; readers of the journal miss their facts).
            journal.put("lostEntries", r.lostEntries());
            r.lastLoss().ifPresent(loss -> journal.put("lastLoss", loss.range()));
        }
        return o;
    }

    private static void json(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.toString());
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
