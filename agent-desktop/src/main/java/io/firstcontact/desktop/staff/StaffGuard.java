package io.firstcontact.desktop.staff;

import io.firstcontact.desktop.web.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The check in front of every staff route: a valid session (else 401, or for a page a redirect to the sign-in page),
 * the route's role (else 403), and for a state-changing request the session's CSRF token and a same-site origin
 * (else 403). Handlers behind it read the principal with {@link #principal}.
 */
public final class StaffGuard {
    private final StaffSessions sessions;

    public StaffGuard(StaffSessions sessions) {
        this.sessions = sessions;
    }

    /** Guards an API route (JSON answers). */
    public Handler<RoutingContext> api(StaffRole role) {
        return ctx -> check(ctx, role, false);
    }

    /** Guards a page: without a session the browser is sent to sign in, and comes back afterwards. */
    public Handler<RoutingContext> page(StaffRole role) {
        return ctx -> check(ctx, role, true);
    }

    /** The principal the guard let through. */
    public static StaffPrincipal principal(RoutingContext ctx) {
        StaffPrincipal p = ctx.get(GUARDED);
        if (p == null) {
            throw new IllegalStateException("route is not behind a StaffGuard");
        }
        return p;
    }

    private static final String GUARDED = "fc.guarded";

    private void check(RoutingContext ctx, StaffRole role, boolean page) {
        Optional<StaffPrincipal> p = sessions.principal(ctx);
        if (p.isEmpty()) {
            if (page && ctx.request().method() == HttpMethod.GET) {
                String next = URLEncoder.encode(ctx.request().path(), StandardCharsets.UTF_8);
                ctx.response()
                        .setStatusCode(303)
                        .putHeader("Location", "/signin?next=" + next)
                        .end();
            } else {
                Problem.unauthenticated().write(ctx);
            }
            return;
        }
        if (!p.get().has(role)) {
            Problem.forbidden("this needs the " + role.name().toLowerCase(java.util.Locale.ROOT) + " role")
                    .write(ctx);
            return;
        }
        if (!sessions.sameSiteRequest(ctx)) {
            Problem.forbidden("missing or wrong CSRF token, or a request from another site")
                    .write(ctx);
            return;
        }
        ctx.put(GUARDED, p.get());
        ctx.next();
    }
}
