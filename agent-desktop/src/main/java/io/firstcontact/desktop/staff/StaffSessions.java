package io.firstcontact.desktop.staff;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Staff sessions: a random session id in an {@code HttpOnly}, {@code SameSite=Strict} cookie ({@code Secure} when
 * configured), held in memory by Vert.x's session store. Signing in always issues a new session id (no fixation);
 * signing out destroys the session; signing out everywhere ends every session of that user at once, including open
 * desktop connections (they hear it through {@link #onSignedOutEverywhere}).
 *
 * <p>Each session carries a CSRF token (synchronizer pattern): every state-changing request must send it back in the
 * {@value #CSRF_HEADER} header, and a request whose {@code Origin} names another site is refused whatever it sends.
 */
public final class StaffSessions {
    public static final String COOKIE = "fc_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String USER = "fc.user";
    private static final String NAME = "fc.name";
    private static final String ROLES = "fc.roles";
    private static final String AGENT = "fc.agent";
    private static final String VIA = "fc.via";
    private static final String GENERATION = "fc.generation";
    private static final String CSRF = "fc.csrf";
    private static final String PRINCIPAL = "fc.principal";

    private final SessionHandler handler;
    private final SecureRandom random = new SecureRandom();
    /** Bumped by "sign out everywhere": a session signed in under an older generation is over. */
    private final ConcurrentMap<String, Long> generations = new ConcurrentHashMap<>();

    private final List<Consumer<String>> signedOutEverywhere = new CopyOnWriteArrayList<>();

    public StaffSessions(Vertx vertx, StaffOptions options) {
        this.handler = SessionHandler.create(LocalSessionStore.create(vertx, "firstcontact.staff-sessions"))
                .setSessionCookieName(COOKIE)
                .setCookieHttpOnlyFlag(true)
                .setCookieSecureFlag(options.secureCookies())
                .setCookieSameSite(CookieSameSite.STRICT)
                .setSessionTimeout(options.sessionTimeout().toMillis())
                .setMinLength(32)
                .setNagHttps(false);
    }

    /** The handler that loads the session of each request; route it before any staff route. */
    public Handler<RoutingContext> handler() {
        return handler;
    }

    /** Hears the usernames whose sessions were all ended, to close what they hold open. */
    public void onSignedOutEverywhere(Consumer<String> listener) {
        signedOutEverywhere.add(listener);
    }

    /** Who is signed in on this request's session, if anyone whose session is still valid. */
    public Optional<StaffPrincipal> principal(RoutingContext ctx) {
        StaffPrincipal cached = ctx.get(PRINCIPAL);
        if (cached != null) {
            return Optional.of(cached);
        }
        Session s = ctx.session();
        if (s == null || s.get(USER) == null) {
            return Optional.empty();
        }
        String username = s.get(USER);
        Long generation = s.get(GENERATION);
        if (generation == null || generation != generations.getOrDefault(username, 0L)) {
            s.destroy(); // signed out everywhere since
            return Optional.empty();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String r : ((String) s.get(ROLES)).split(",")) {
            roles.add(StaffRole.valueOf(r));
        }
        StaffPrincipal p = new StaffPrincipal(username, s.get(NAME), roles, s.get(AGENT), s.get(VIA));
        ctx.put(PRINCIPAL, p);
        return Optional.of(p);
    }

    /**
     * Signs {@code principal} in on this request: a new session id (the old one, which an attacker may have planted,
     * is worthless from now on) and a new CSRF token.
     */
    public void signIn(RoutingContext ctx, StaffPrincipal principal) {
        Session s = ctx.session();
        s.regenerateId();
        s.put(USER, principal.username());
        s.put(NAME, principal.name());
        s.put(
                ROLES,
                String.join(
                        ",", principal.roles().stream().map(Enum::name).sorted().toList()));
        if (principal.agentId() != null) {
            s.put(AGENT, principal.agentId());
        } else {
            s.remove(AGENT);
        }
        s.put(VIA, principal.via());
        s.put(GENERATION, generations.getOrDefault(principal.username(), 0L));
        s.put(CSRF, newToken());
        ctx.put(PRINCIPAL, principal);
    }

    /** Ends this request's session. */
    public void signOut(RoutingContext ctx) {
        Session s = ctx.session();
        if (s != null) {
            s.destroy();
        }
        ctx.remove(PRINCIPAL);
    }

    /** Ends every session of {@code username}, on every device, and closes what they hold open. */
    public void signOutEverywhere(String username) {
        generations.merge(username, 1L, Long::sum);
        signedOutEverywhere.forEach(l -> l.accept(username));
    }

    /** Whether a session signed in as {@code principal} is still valid (not signed out everywhere since). */
    public boolean stillValid(StaffPrincipal principal, long generation) {
        return generation == generations.getOrDefault(principal.username(), 0L);
    }

    /** The generation of this request's session, for {@link #stillValid}. */
    public long generation(RoutingContext ctx) {
        Long g = ctx.session() == null ? null : ctx.session().get(GENERATION);
        return g == null ? -1 : g;
    }

    /** This session's CSRF token, created on first use (a visitor's session gets one before signing in). */
    public String csrfToken(RoutingContext ctx) {
        Session s = ctx.session();
        String token = s.get(CSRF);
        if (token == null) {
            token = newToken();
            s.put(CSRF, token);
        }
        return token;
    }

    /**
     * Whether a state-changing request is the page's own: it carries this session's CSRF token, and its {@code
     * Origin}, when the browser sends one, is this server. Safe methods always pass.
     */
    public boolean sameSiteRequest(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
            return true;
        }
        if (!sameOrigin(ctx)) {
            return false;
        }
        Session s = ctx.session();
        String expected = s == null ? null : s.get(CSRF);
        String given = ctx.request().getHeader(CSRF_HEADER);
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** No {@code Origin} (not a browser's cross-site request), or one whose host is this request's host. */
    public static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && o.getHost() != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
