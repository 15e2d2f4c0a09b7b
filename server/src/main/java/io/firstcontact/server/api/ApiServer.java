package io.firstcontact.server.api;

import io.firstcontact.metrics.ApiBinder;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.events.EventStream;
import io.firstcontact.server.ivr.IvrService;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The public listener: {@code /api/v1}, and beside it whatever the modules mount (the staff pages and desk). Every route needs a bearer token (401 without a valid one) and checks its role
 * (403); bodies are JSON, at most {@code api.maxBodyBytes} (413); every error is problem+json.
 */
public final class ApiServer {
    public static final String OPENAPI_RESOURCE = "/openapi.yaml";

    private final Vertx vertx;
    private final ServerConfig config;
    private final RoutingRuntime runtime;
    private final Tokens tokens;
    private final EventStream events;
    private final Ownership owners;
    private final Sessions sessions;
    private final ViewRoutes views;
    private final ApiBinder meters;
    private final StatisticsRoutes statistics;
    private final IvrService ivr;
    private final LiveView view;
    private final java.util.function.Consumer<Router> more;
    private final java.util.concurrent.CompletableFuture<io.firstcontact.router.account.AccountContext> account;
    private final List<HttpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Supervision supervision;

    public ApiServer(
            Vertx vertx,
            ServerConfig config,
            RoutingRuntime runtime,
            Tokens tokens,
            EventStream events,
            ViewRoutes views,
            Sessions sessions,
            ApiBinder meters,
            Statistics statistics,
            IvrService ivr,
            LiveView view,
            java.util.function.Consumer<Router> more,
            java.util.concurrent.CompletableFuture<io.firstcontact.router.account.AccountContext> account) {
        this.vertx = vertx;
        this.config = config;
        this.runtime = runtime;
        this.tokens = tokens;
        this.events = events;
        this.views = views;
        this.owners = views;
        this.sessions = sessions;
        this.meters = meters;
        int historyDays = config.statistics().historyDays();
        this.statistics = new StatisticsRoutes(
                new StatisticsExport(runtime, statistics, InstantSource.system(), historyDays),
                statistics,
                InstantSource.system(),
                historyDays);
        this.ivr = ivr;
        this.view = view;
        this.more = more;
        this.account = account;
    }

    /** The voice channel's supervision, when Asterisk is configured; set before {@link #start()}. */
    public void supervision(Supervision s) {
        this.supervision = s;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(this::measured);
        router.route().handler(RequestScreen::wellEncodedPath); // before any route matches a path against it
        router.route("/api/v1/*").handler(ctx -> {
            String header = ctx.request().getHeader("Authorization");
            Optional<Principal> p = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.authenticate(header.substring(7).strip())
                    : Optional.empty();
            if (p.isEmpty()) {
                Api.writeProblem(
                        ctx,
                        new ApiProblem(
                                401,
                                "unauthenticated",
                                "Authentication required",
                                "send Authorization: Bearer <token>"));
                return;
            }
            ctx.put(Api.PRINCIPAL, p.get());
            HttpMethod m = ctx.request().method();
            if (m == HttpMethod.POST || m == HttpMethod.PUT) {
                String type = ctx.request().getHeader("Content-Type");
                boolean hasBody = !"0".equals(ctx.request().getHeader("Content-Length"))
                        && (ctx.request().getHeader("Content-Length") != null
                                || ctx.request().getHeader("Transfer-Encoding") != null);
                if (hasBody && !RequestScreen.isJson(type)) {
                    Api.writeProblem(
                            ctx,
                            new ApiProblem(
                                    415, "unsupported-media-type", "JSON only", "send Content-Type: application/json"));
                    return;
                }
            }
            ctx.next();
        });
        router.route("/api/v1/*")
                .handler(RequestScreen.reading(
                        BodyHandler.create(false).setBodyLimit(config.api().maxBodyBytes())));
        router.route("/api/v1/*").handler(new RequestScreen());

        Api api = new Api(router, runtime, new Idempotency(config.api().idempotencyWindow()), events::renderedFacts);
        new CommandRoutes(api, owners, sessions).register();
        new ConfigRoutes(api).register();
        new CustomerRoutes(api).register();
        new SupervisionRoutes(api, supervision).register();
        new IvrRoutes(api, ivr, view).register();
        views.register(api);
        statistics.register(api);
        new AccountRoutes(account, views).register(api);
        router.get("/api/v1/events").handler(ctx -> {
            Principal p = ctx.get(Api.PRINCIPAL);
            String last = ctx.request().getHeader("Last-Event-ID");
            if (last == null) {
                last = ctx.request().getParam("lastEventId");
            }
            long after;
            try {
                after = EventStream.resumeAfter(last);
            } catch (IllegalArgumentException e) {
                Api.writeProblem(ctx, ApiProblem.invalid("Last-Event-ID", e.getMessage()));
                return;
            }
            events.open(ctx.response(), p.role(), p.agentId(), after);
        });
        more.accept(router); // the staff pages and the desk, beside the API
        byte[] openapi = openapi();
        router.get("/api/v1/openapi.yaml")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/yaml")
                        .end(Buffer.buffer(openapi)));

        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            ApiProblem problem = switch (status) {
                case 413 ->
                    new ApiProblem(
                            413,
                            "payload-too-large",
                            "The body is too large",
                            "at most " + config.api().maxBodyBytes() + " bytes");
                case 400 -> ApiProblem.malformed("the request cannot be read");
                default ->
                    RequestScreen.failedWhileReading(ctx)
                            ? ApiProblem.malformed("the request cannot be read")
                            : ctx.failure() != null
                                    ? Api.problem(ctx.failure())
                                    : new ApiProblem(status, "error", "Error", "the request failed");
            };
            if (problem.status() == 500) {
                Api.logFailure(ctx, ctx.failure());
            }
            Api.writeProblem(ctx, problem);
        });
        router.errorHandler(404, ctx -> Api.writeProblem(ctx, ApiProblem.notFound("no such resource")));
        router.errorHandler(
                405,
                ctx -> Api.writeProblem(
                        ctx,
                        new ApiProblem(
                                405, "method-not-allowed", "Method not allowed", "see the OpenAPI description")));
        return router;
    }

    /** Every request is timed by method, route template and status when its response ends. */
    private void measured(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            Route route = ctx.currentRoute();
            String template = route != null && route.getPath() != null && route.isExactPath() ? route.getPath() : null;
            meters.request(
                    ctx.request().method().name(), template, ctx.response().getStatusCode(), System.nanoTime() - start);
        });
        ctx.next();
    }

    private static byte[] openapi() {
        try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description " + OPENAPI_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Listens on every event loop but the engine's, one server each on the same port: Vert.x hands each new connection
     * to the next of them in turn, so the connections (API calls, event streams, desks, wallboards) spread over those
     * loops and none of their reads or writes runs on routing's. A request reaches the engine through {@link
     * RoutingRuntime#submit} or {@link RoutingRuntime#query}, which queue it there; replies and events are written
     * back by Vert.x on the connection's own loop.
     */
    public Future<HttpServer> start() {
        Router router = router();
        ConnectionDeadlines deadlines = new ConnectionDeadlines(
                vertx, config.api().headerReadTimeout(), config.api().idleTimeout());
        router.route().order(-1).handler(ctx -> {
            ctx.addEndHandler(v -> deadlines.responded(ctx.request().connection()));
            ctx.next();
        });
        // HTTP/1.1 only (no cleartext HTTP/2 upgrade): each connection then carries one request at a time, so that
        // its deadlines are its requests'.
        HttpServerOptions options = new HttpServerOptions()
                .setIdleTimeout((int) config.api().idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHttp2ClearTextEnabled(false);
        // Vert.x shares one bound port among the servers that listen on it; a negative port is its "any free port,
        // shared" (port 0 would bind each server to a port of its own).
        int port = config.http().port() == 0 ? -1 : config.http().port();
        List<Future<HttpServer>> listening = new ArrayList<>();
        for (Context loop : runtime.contextsApartFromEngine()) {
            listening.add(listen(loop, options, router, deadlines, port));
        }
        // Every one answers before the outcome is known, so that none stays bound when another could not listen.
        return Future.join(listening)
                .onFailure(e -> listening.stream()
                        .filter(Future::succeeded)
                        .forEach(f -> f.result().close()))
                .map(all -> {
                    listening.forEach(f -> servers.add(f.result()));
                    return servers.get(0);
                });
    }

    private Future<HttpServer> listen(
            Context loop, HttpServerOptions options, Router router, ConnectionDeadlines deadlines, int port) {
        Promise<HttpServer> listening = Promise.promise();
        loop.runOnContext(v -> vertx.createHttpServer(options)
                .connectionHandler(deadlines::opened)
                .requestHandler(request -> {
                    deadlines.requested(request.connection());
                    router.handle(request);
                })
                .listen(port, config.http().host())
                .onComplete(listening));
        return listening.future();
    }

    public int port() {
        return servers.isEmpty() ? -1 : servers.get(0).actualPort();
    }

    /** Closes the listener: no new requests; open event streams end. */
    public Future<Void> stop() {
        List<Future<Void>> closed = new ArrayList<>();
        servers.forEach(s -> closed.add(s.close()));
        return Future.all(closed).mapEmpty();
    }
}
