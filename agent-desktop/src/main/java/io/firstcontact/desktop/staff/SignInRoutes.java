package io.firstcontact.desktop.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out: {@code GET /auth/session} (who is signed in, and the session's CSRF token — a visitor gets one
 * too, so the sign-in form itself is protected), {@code POST /auth/password}, single sign-on at {@code /auth/oidc}
 * when configured, {@code POST /auth/signout} and {@code POST /auth/signout-everywhere}.
 */
public final class SignInRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SignInRoutes.class);
    private static final int MAX_BODY = 4_096;

    private final Vertx vertx;
    private final StaffSessions sessions;
    private final StaffDirectory directory;
    private final SignInThrottle throttle;
    private final OidcSignIn oidc;

    /** @param oidc single sign-on, or null when not configured */
    public SignInRoutes(
            Vertx vertx, StaffSessions sessions, StaffDirectory directory, SignInThrottle throttle, OidcSignIn oidc) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.directory = directory;
        this.throttle = throttle;
        this.oidc = oidc;
    }

    /** Where a principal starts: the desk for an advisor, else the supervisor's pages. */
    public static String home(StaffPrincipal p) {
        return p.has(StaffRole.ADVISOR) ? "/desk/" : "/supervisor/";
    }

    public void mount(Router router) {
        router.get("/auth/session").handler(this::session);
        router.post("/auth/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        router.post("/auth/password").handler(this::password);
        router.post("/auth/signout").handler(ctx -> {
            if (!sessions.sameSiteRequest(ctx)) {
                Problem.forbidden("missing or wrong CSRF token").write(ctx);
                return;
            }
            sessions.signOut(ctx);
            ctx.response().setStatusCode(204).end();
        });
        router.post("/auth/signout-everywhere").handler(ctx -> {
            Optional<StaffPrincipal> p = sessions.principal(ctx);
            if (p.isEmpty()) {
                Problem.unauthenticated().write(ctx);
                return;
            }
            if (!sessions.sameSiteRequest(ctx)) {
                Problem.forbidden("missing or wrong CSRF token").write(ctx);
                return;
            }
            sessions.signOutEverywhere(p.get().username());
            sessions.signOut(ctx);
            LOG.info("staff user {} signed out everywhere", p.get().username());
            ctx.response().setStatusCode(204).end();
        });
        if (oidc != null) {
            oidc.mount(router, (ctx, p) -> {
                sessions.signIn(ctx, p);
                LOG.info("staff user {} signed in with single sign-on", p.username());
                ctx.response().setStatusCode(303).putHeader("Location", home(p)).end();
            });
        }
    }

    private void session(RoutingContext ctx) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        Optional<StaffPrincipal> p = sessions.principal(ctx);
        body.put("signedIn", p.isPresent());
        p.ifPresent(principal -> {
            ObjectNode u = body.putObject("user");
            u.put("username", principal.username());
            u.put("name", principal.name());
            var roles = u.putArray("roles");
            principal.roles().stream().sorted().forEach(r -> roles.add(r.name().toLowerCase(java.util.Locale.ROOT)));
            u.put("agentId", principal.agentId());
            u.put("home", home(principal));
        });
        body.put("csrfToken", sessions.csrfToken(ctx));
        body.put("singleSignOn", oidc != null);
        json(ctx, 200, body);
    }

    private void password(RoutingContext ctx) {
        if (!sessions.sameSiteRequest(ctx)) {
            Problem.forbidden("missing or wrong CSRF token: reload the sign-in page")
                    .write(ctx);
            return;
        }
        String username;
        String password;
        try {
            JsonNode b = PublicJson.MAPPER.readTree(
                    ctx.body().buffer() == null
                            ? new byte[0]
                            : ctx.body().buffer().getBytes());
            if (b == null
                    || !b.path("username").isTextual()
                    || !b.path("password").isTextual()) {
                throw Problem.malformed("send {\"username\": …, \"password\": …}");
            }
            username = b.get("username").asText().strip();
            password = b.get("password").asText();
        } catch (IOException e) {
            Problem.malformed("send {\"username\": …, \"password\": …}").write(ctx);
            return;
        } catch (Problem p) {
            p.write(ctx);
            return;
        }
        if (username.isEmpty() || username.length() > 64 || password.isEmpty() || password.length() > 1_024) {
            Problem.invalid("enter your username and password").write(ctx);
            return;
        }
        String address = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        switch (throttle.attempt(address, username)) {
            case SignInThrottle.Verdict.LockedOut l -> {
                tooMany(ctx, l.retryAfterSeconds(), "too many wrong passwords: this account is locked for a while");
                return;
            }
            case SignInThrottle.Verdict.TooFast f -> {
                tooMany(ctx, f.retryAfterSeconds(), "too many sign-in attempts from here: wait a minute");
                return;
            }
            case SignInThrottle.Verdict.Allowed a -> {}
        }
        vertx.executeBlocking(() -> directory.verify(username, password)).onComplete(r -> {
            if (r.failed()) {
                LOG.error("password check failed", r.cause());
                new Problem(500, "internal", "the sign-in failed; see the server log").write(ctx);
                return;
            }
            Optional<StaffPrincipal> p = r.result();
            if (p.isEmpty()) {
                throttle.failed(username);
                LOG.info("failed sign-in for a staff username from {}", address);
                new Problem(401, "wrong-credentials", "wrong username or password").write(ctx);
                return;
            }
            throttle.succeeded(username);
            sessions.signIn(ctx, p.get());
            LOG.info("staff user {} signed in", p.get().username());
            ObjectNode body = PublicJson.MAPPER.createObjectNode();
            body.put("home", home(p.get()));
            json(ctx, 200, body);
        });
    }

    private static void tooMany(RoutingContext ctx, long retryAfter, String detail) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        new Problem(429, "too-many-attempts", detail).write(ctx);
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }
}
