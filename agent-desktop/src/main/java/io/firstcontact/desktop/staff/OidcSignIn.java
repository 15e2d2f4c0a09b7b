package io.firstcontact.desktop.staff;

import io.firstcontact.desktop.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.OAuth2AuthHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Single sign-on with OpenID Connect: the authorization-code flow with PKCE and a state bound to the session, by
 * Vert.x's OAuth2 handler over the provider's discovery document; the ID token's signature, issuer, audience and expiry
 * are checked against the provider's published keys. Roles come from one claim, mapped through configuration; an
 * advisor's agent id from another. Someone the provider knows but the mapping gives no role is refused.
 */
public final class OidcSignIn {
    public static final String START = "/auth/oidc";
    public static final String CALLBACK = "/auth/oidc/callback";

    private final Vertx vertx;
    private final StaffOptions.Oidc options;
    private final OAuth2Auth provider;

    private OidcSignIn(Vertx vertx, StaffOptions.Oidc options, OAuth2Auth provider) {
        this.vertx = vertx;
        this.options = options;
        this.provider = provider;
    }

    /** Reads the client secret and the provider's discovery document. */
    public static Future<OidcSignIn> discover(Vertx vertx, StaffOptions.Oidc options) {
        String secret;
        try {
            secret = Files.readString(options.clientSecretFile(), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            return Future.failedFuture(new IllegalStateException(
                    "staff.oidc.clientSecretFile " + options.clientSecretFile() + " cannot be read: " + e.getMessage(),
                    e));
        }
        OAuth2Options o = new OAuth2Options()
                .setClientId(options.clientId())
                .setClientSecret(secret)
                .setSite(options.issuer());
        return OpenIDConnectAuth.discover(vertx, o).map(p -> new OidcSignIn(vertx, options, p));
    }

    /**
     * Mounts {@value #START} (sends the browser to the provider, and signs in on its return) and {@value #CALLBACK}.
     *
     * @param signIn called with the mapped principal on success: it signs the session in and answers
     */
    public void mount(Router router, BiConsumer<RoutingContext, StaffPrincipal> signIn) {
        OAuth2AuthHandler handler = OAuth2AuthHandler.create(vertx, provider, options.publicUrl() + CALLBACK)
                .withScopes(List.of("openid", "profile"))
                .pkceVerifierLength(64);
        handler.setupCallback(router.get(CALLBACK));
        router.get(START).handler(handler).handler(ctx -> {
            StaffPrincipal p;
            try {
                p = principal(ctx.user());
            } catch (Problem refused) {
                ctx.userContext().clear();
                refused.write(ctx);
                return;
            }
            ctx.userContext().clear(); // our session holds the principal; the provider's tokens are not kept
            signIn.accept(ctx, p);
        });
    }

    /** Maps the provider's ID token to a principal. */
    StaffPrincipal principal(User user) {
        JsonObject claims = user.attributes().getJsonObject("idToken");
        if (claims == null) {
            throw Problem.forbidden("the identity provider sent no ID token");
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String value : values(claims.getValue(options.rolesClaim()))) {
            StaffRole r = options.roles().get(value);
            if (r != null) {
                roles.add(r);
            }
        }
        if (roles.isEmpty()) {
            throw Problem.forbidden("your account has no FirstContact role; ask an administrator");
        }
        String username = claims.getString("preferred_username", claims.getString("sub"));
        String agentId = roles.contains(StaffRole.ADVISOR) ? claims.getString(options.agentIdClaim()) : null;
        if (roles.contains(StaffRole.ADVISOR) && (agentId == null || agentId.isBlank())) {
            throw Problem.forbidden("your account is an advisor's but names no advisor id (" + options.agentIdClaim()
                    + "); ask an administrator");
        }
        String name = claims.getString(options.nameClaim(), username);
        return new StaffPrincipal(username, name, roles, agentId, "oidc");
    }

    private static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof String s) {
            out.add(s);
        } else if (claim instanceof JsonArray a) {
            for (Object o : a) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
