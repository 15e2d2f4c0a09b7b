package io.firstcontact.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.port.DeposedException;
import io.firstcontact.router.journal.JsonExpected;
import io.firstcontact.router.journal.JsonPaths;
import io.firstcontact.router.wire.PublicJson;
import io.firstcontact.server.config.ServerConfig.Role;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every route shares: authentication and roles, strict bodies, {@code Idempotency-Key}, the engine's answers as
 * responses and every failure as problem+json. Routes are registered through {@link #post} and {@link #get}, which
 * check the role before anything else, so no handler can forget it.
 */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    static final String PRINCIPAL = "principal";
    static final String JSON = "application/json";

    private final Router router;
    private final RoutingRuntime runtime;
    private final Idempotency idempotency;
    private final Function<Decision, String> renderedFacts;

    /** A POST's context: who asks, the body, the key. */
    public record Call(RoutingContext ctx, Principal principal, byte[] body, String idempotencyKey) {
        public String param(String name) {
            return ctx.pathParam(name);
        }

        public <T> T body(Class<T> type) {
            if (body.length == 0) {
                throw ApiProblem.malformed("a JSON body is required");
            }
            try {
                T value = PublicJson.MAPPER.readValue(body, type);
                if (value == null) {
                    throw ApiProblem.malformed("the body must be a JSON object");
                }
                return value;
            } catch (UnrecognizedPropertyException e) {
                String field = JsonPaths.of(e);
                String valid = JsonExpected.validFields(e);
                throw new ApiProblem(
                        400,
                        "malformed-request",
                        "The request cannot be read",
                        "unknown field " + field + "; " + valid,
                        java.util.List.of(new ApiProblem.FieldError(field, "unknown field; " + valid)));
            } catch (MismatchedInputException e) {
                // What was expected, said without the value that was sent (it may be personal data).
                String field = JsonPaths.of(e);
                String expected = "expected " + JsonExpected.of(e.getTargetType(), false);
                throw new ApiProblem(
                        400,
                        "malformed-request",
                        "The request cannot be read",
                        field.isEmpty() ? "the body: " + expected : field + ": " + expected,
                        java.util.List.of(new ApiProblem.FieldError(field.isEmpty() ? "body" : field, expected)));
            } catch (JsonMappingException e) {
                String field = JsonPaths.of(e);
                throw new ApiProblem(
                        400,
                        "malformed-request",
                        "The request cannot be read",
                        field.isEmpty() ? "the body does not have the expected shape" : "wrong type at " + field,
                        field.isEmpty()
                                ? java.util.List.of()
                                : java.util.List.of(new ApiProblem.FieldError(field, "wrong type or shape")));
            } catch (InputCoercionException e) {
                // A number too large for its field's type is read as a number of the wrong type.
                String field = e.getProcessor() instanceof JsonParser parser
                        ? RequestScreen.path(parser.getParsingContext(), true)
                        : "";
                throw field.isEmpty()
                        ? ApiProblem.malformed("malformed JSON")
                        : new ApiProblem(
                                400,
                                "malformed-request",
                                "The request cannot be read",
                                "wrong type at " + field,
                                java.util.List.of(new ApiProblem.FieldError(field, "wrong type or out of range")));
            } catch (JsonProcessingException e) {
                throw ApiProblem.malformed("malformed JSON");
            } catch (IOException e) {
                throw ApiProblem.malformed("the body cannot be read");
            }
        }

        /** The key the engine dedups on: the caller's key within its own namespace. */
        String engineKey() {
            return idempotencyKey == null ? null : principal.name() + ":" + idempotencyKey;
        }
    }

    /** A response: status, JSON body, optional Location and ETag; or a file to download instead of JSON. */
    public record Reply(int status, JsonNode body, String location, String etag, Download download) {
        public Reply(int status, JsonNode body, String location, String etag) {
            this(status, body, location, etag, null);
        }

        public static Reply ok(JsonNode body) {
            return new Reply(200, body, null, null);
        }

        /** A file: {@code Content-Type} and {@code Content-Disposition: attachment} with its name. */
        public static Reply download(String contentType, String fileName, byte[] bytes) {
            return new Reply(200, null, null, null, new Download(contentType, fileName, bytes));
        }
    }

    /** A file a reply sends instead of JSON. */
    public record Download(String contentType, String fileName, byte[] bytes) {}

    @FunctionalInterface
    public interface PostHandler {
        CompletableFuture<Reply> handle(Call call);
    }

    @FunctionalInterface
    public interface GetHandler {
        CompletableFuture<Reply> handle(RoutingContext ctx, Principal principal);
    }

    /** @param renderedFacts a decision's facts as a JSON array, each as {@link PublicJson#fact} writes it */
    Api(Router router, RoutingRuntime runtime, Idempotency idempotency, Function<Decision, String> renderedFacts) {
        this.router = router;
        this.runtime = runtime;
        this.idempotency = idempotency;
        this.renderedFacts = renderedFacts;
    }

    RoutingRuntime runtime() {
        return runtime;
    }

    static Set<Role> roles(Role... roles) {
        return roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
    }

    static Set<Role> anyRole() {
        return EnumSet.allOf(Role.class);
    }

    /** A POST (or PUT) route: role check, body, idempotency, then the handler. */
    void post(HttpMethod method, String path, Set<Role> roles, PostHandler handler) {
        router.route(method, path)
                .handler(ctx -> respond(ctx, roles, p -> {
                    String key = Idempotency.validKey(ctx.request().getHeader(Idempotency.HEADER));
                    Buffer raw = ctx.body().buffer();
                    byte[] body = raw == null ? new byte[0] : raw.getBytes();
                    Call call = new Call(ctx, p, body, key);
                    return key == null ? run(handler, call) : idempotent(handler, call, method, path);
                }));
    }

    /**
     * A POST route that takes no {@code Idempotency-Key}: its body may hold what must not be kept in any form, not even
     * as the hash the key's store keeps to tell a repeat from a different request. A request with a key is refused.
     */
    void postUnkeyed(HttpMethod method, String path, Set<Role> roles, PostHandler handler) {
        router.route(method, path)
                .handler(ctx -> respond(ctx, roles, p -> {
                    if (ctx.request().getHeader(Idempotency.HEADER) != null) {
                        throw ApiProblem.invalid(
                                Idempotency.HEADER,
                                "this route takes no Idempotency-Key: its body may hold card details, which are never kept,"
                                        + " not even as a hash");
                    }
                    Buffer raw = ctx.body().buffer();
                    return run(handler, new Call(ctx, p, raw == null ? new byte[0] : raw.getBytes(), null));
                }));
    }

    /** Checks the path's ids and the role, runs the handler and writes its reply or its problem. */
    private static void respond(RoutingContext ctx, Set<Role> roles, Function<Principal, CompletableFuture<Reply>> h) {
        Principal p = ctx.get(PRINCIPAL);
        for (Map.Entry<String, String> param : ctx.pathParams().entrySet()) {
            if (!Ids.valid(param.getValue())) {
                fail(ctx, ApiProblem.malformedPath(param.getKey()));
                return;
            }
        }
        if (!roles.contains(p.role())) {
            fail(ctx, forbidden(p));
            return;
        }
        CompletableFuture<Reply> reply;
        try {
            reply = h.apply(p);
        } catch (RuntimeException e) {
            fail(ctx, e);
            return;
        }
        // Written on the request's own event loop: a reply decided on routing's thread is serialised and written
        // there, not on routing's thread (the write would hop to this loop anyway).
        Context here = ctx.vertx().getOrCreateContext();
        reply.whenComplete((r, error) -> {
            if (Vertx.currentContext() == here) {
                reply(ctx, r, error);
            } else {
                here.runOnContext(v -> reply(ctx, r, error));
            }
        });
    }

    private static void reply(RoutingContext ctx, Reply r, Throwable error) {
        if (error != null) {
            fail(ctx, error);
        } else {
            write(ctx, r);
        }
    }

    private CompletableFuture<Reply> idempotent(PostHandler handler, Call call, HttpMethod method, String path) {
        byte[] fingerprint = fingerprint(method + " " + call.ctx().request().path(), call.body());
        CompletableFuture<Idempotency.Stored> mine = new CompletableFuture<>();
        CompletableFuture<Idempotency.Stored> first =
                idempotency.claim(call.principal().name(), call.idempotencyKey(), fingerprint, mine);
        if (first != null) {
            return first.thenApply(s -> {
                try {
                    return new Reply(s.status(), PublicJson.MAPPER.readTree(s.body()), s.location(), null);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }
        CompletableFuture<Reply> reply = run(handler, call);
        reply.whenComplete((r, error) -> {
            if (error != null) {
                ApiProblem problem = problem(error);
                if (problem.status() >= 500) {
                    mine.completeExceptionally(error); // not remembered: a retry runs again
                } else {
                    mine.complete(new Idempotency.Stored(
                            problem.status(),
                            bytes(problem.toJson(call.ctx().request().path())),
                            ApiProblem.CONTENT_TYPE,
                            null));
                }
            } else {
                mine.complete(new Idempotency.Stored(r.status(), bytes(r.body()), JSON, r.location()));
            }
        });
        return reply;
    }

    private static CompletableFuture<Reply> run(PostHandler handler, Call call) {
        try {
            return handler.handle(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A GET route: role check, then the handler. */
    void get(String path, Set<Role> roles, GetHandler handler) {
        router.get(path).handler(ctx -> respond(ctx, roles, p -> handler.handle(ctx, p)));
    }

    static ApiProblem forbidden(Principal p) {
        return ApiProblem.forbidden(
                "the " + p.role().name().toLowerCase(java.util.Locale.ROOT) + " role may not do this");
    }

    // ------------------------------------------------------------------ commands

    /**
     * Submits a command and answers with what it did: {@code entryId}, the facts, plus {@code extra}'s fields. A
     * refusal becomes its problem (404, 409, 422, 501).
     */
    CompletableFuture<Reply> submit(Call call, Command command, int status, Function<Decision, ObjectNode> extra) {
        return runtime.submit("api", call.engineKey(), command).thenApply(d -> reply(d, status, extra));
    }

    CompletableFuture<Reply> submit(Call call, Command command) {
        return submit(call, command, 200, d -> null);
    }

    Reply reply(Decision d, int status, Function<Decision, ObjectNode> extra) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        for (Effect e : d.effects()) {
            if (e instanceof Effect.Refused r) {
                throw refusal(r);
            }
        }
        body.put("entryId", runtime.epoch() + "-" + d.seq());
        for (Effect e : d.effects()) {
            if (e instanceof Effect.Duplicate) {
                // The engine had applied this key's command already (before a restart): nothing changed now.
                body.put("duplicate", true);
                body.putArray("facts");
                return new Reply(200, body, null, null);
            }
        }
        ObjectNode more = extra.apply(d);
        if (more != null) {
            body.setAll(more);
        }
        body.putRawValue("facts", new RawValue(renderedFacts.apply(d)));
        return new Reply(status, body, null, null);
    }

    static ApiProblem refusal(Effect.Refused r) {
        return switch (r.reason()) {
            case NOT_FOUND -> ApiProblem.notFound(r.message());
            case CONFLICT -> ApiProblem.conflict(r.message());
            case INVALID -> new ApiProblem(422, "refused", "The request is not valid here", r.message());
            case NOT_SUPPORTED_YET -> new ApiProblem(501, "not-supported-yet", "Not supported yet", r.message());
        };
    }

    // ------------------------------------------------------------------ responses

    static void write(RoutingContext ctx, Reply r) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (r.download() != null) {
            ctx.response()
                    .setStatusCode(r.status())
                    .putHeader("Content-Type", r.download().contentType())
                    .putHeader(
                            "Content-Disposition",
                            "attachment; filename=\"" + r.download().fileName() + "\"")
                    .end(Buffer.buffer(r.download().bytes()));
            return;
        }
        ctx.response().setStatusCode(r.status()).putHeader("Content-Type", JSON);
        if (r.location() != null) {
            ctx.response().putHeader("Location", r.location());
        }
        if (r.etag() != null) {
            ctx.response().putHeader("ETag", r.etag());
        }
        ctx.response().end(Buffer.buffer(bytes(r.body())));
    }

    static void fail(RoutingContext ctx, Throwable error) {
        ApiProblem problem = problem(error);
        if (problem.status() == 500) {
            logFailure(ctx, error);
        }
        writeProblem(ctx, problem);
    }

    /** A 500 is a bug: its cause is logged with the route (a template, so no value of the request is). */
    static void logFailure(RoutingContext ctx, Throwable error) {
        String route = ctx.currentRoute() != null && ctx.currentRoute().getPath() != null
                ? ctx.currentRoute().getPath()
                : "/api/v1/…";
        LOG.error("{} {} failed with an internal error", ctx.request().method(), route, error);
    }

    static void writeProblem(RoutingContext ctx, ApiProblem problem) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", ApiProblem.CONTENT_TYPE);
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"firstcontact\"");
        }
        ctx.response().end(Buffer.buffer(bytes(problem.toJson(ctx.request().path()))));
    }

    static ApiProblem problem(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case ApiProblem p -> p;
            case DeposedException d -> ApiProblem.unavailable("this node no longer leads routing");
            case IllegalStateException s -> ApiProblem.unavailable(s.getMessage());
            default ->
                new ApiProblem(
                        500,
                        "internal",
                        "Internal error",
                        "the server failed on this request (" + e.getClass().getSimpleName() + "); see its log");
        };
    }

    static byte[] bytes(JsonNode node) {
        try {
            return PublicJson.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fingerprint(String request, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(request.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
