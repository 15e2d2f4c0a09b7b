package io.firstcontact.desktop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.port.DeposedException;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the staff API's handlers share: strict JSON bodies, replies written on the request's own context, every
 * failure as a problem (a refused command as 404/409/422/501, anything unexpected as a logged 500).
 */
public final class JsonRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRoutes.class);

    private JsonRoutes() {}

    /** A handler of a guarded route: the principal, the request, and a future reply body (null for 204). */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<JsonNode> handle(StaffPrincipal principal, RoutingContext ctx);
    }

    /** Installs {@code handler} on a route already behind a {@link StaffGuard}. */
    public static void handle(Route route, Handler handler) {
        route.handler(ctx -> {
            Context context = Vertx.currentContext();
            CompletableFuture<JsonNode> reply;
            try {
                reply = handler.handle(StaffGuard.principal(ctx), ctx);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete((body, error) -> context.runOnContext(v -> write(ctx, body, error)));
        });
    }

    /**
     * Checks, before anything else (the session and role included), that every segment of a staff API path is an id
     * ({@code Ids}): a path holding anything else is 400 and changes nothing.
     */
    public static void pathIds(RoutingContext ctx) {
        for (String segment : ctx.request().path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(
                        segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = null;
            }
            if (!io.firstcontact.router.api.model.Ids.valid(decoded)) {
                Problem.malformedPath().write(ctx);
                return;
            }
        }
        ctx.next();
    }

    /** Reads the body strictly as {@code type}: 400 when it is missing, malformed or has unknown fields. */
    public static <T> T body(RoutingContext ctx, Class<T> type) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw Problem.malformed("a JSON body is required");
        }
        try {
            T value = PublicJson.MAPPER.readValue(ctx.body().buffer().getBytes(), type);
            if (value == null) {
                throw Problem.malformed("the body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw Problem.malformed("the body is not the expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.malformed("the body cannot be read");
        }
    }

    /** The decision as a reply: a refusal becomes its problem. */
    public static JsonNode decided(Decision d) {
        for (Effect e : d.effects()) {
            if (e instanceof Effect.Refused r) {
                throw switch (r.reason()) {
                    case NOT_FOUND -> Problem.notFound(r.message());
                    case CONFLICT -> Problem.conflict(r.message());
                    case INVALID -> Problem.invalid(r.message());
                    case NOT_SUPPORTED_YET -> new Problem(501, "not-supported-yet", r.message());
                };
            }
        }
        return PublicJson.MAPPER.createObjectNode().put("ok", true);
    }

    private static void write(RoutingContext ctx, JsonNode body, Throwable error) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (error != null) {
            problem(ctx.request().path(), error).write(ctx);
            return;
        }
        if (body == null) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }

    private static Problem problem(String path, Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case Problem p -> p;
            case DeposedException d -> new Problem(503, "unavailable", "this node no longer leads routing");
            case IllegalStateException s -> new Problem(503, "unavailable", s.getMessage());
            case IllegalArgumentException a -> Problem.invalid(a.getMessage());
            default -> {
                LOG.error("desktop request {} failed", path, e);
                yield new Problem(500, "internal", "the server failed on this request; see its log");
            }
        };
    }
}
