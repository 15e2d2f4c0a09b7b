package io.firstcontact.desktop.staff;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How staff sign in. Every field may be left out.
 *
 * @param users who signs in with a password
 * @param oidc single sign-on through an OpenID Connect provider, or null for none
 * @param secureCookies mark the session cookie {@code Secure}: set it when the server is reached over HTTPS (behind a
 *     TLS proxy), and browsers then send the cookie over HTTPS only
 * @param sessionTimeout a session unused this long ends (the desktop's open connection keeps it in use)
 * @param attemptsPerAddress sign-ins one network address may try per minute
 * @param maxFailures wrong passwords in a row that lock a username …
 * @param lockout … for this long
 */
public record StaffOptions(
        List<StaffUser> users,
        Oidc oidc,
        boolean secureCookies,
        Duration sessionTimeout,
        int attemptsPerAddress,
        int maxFailures,
        Duration lockout) {

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(12);
    public static final int DEFAULT_ATTEMPTS_PER_ADDRESS = 20;
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);

    public static final StaffOptions NONE = new StaffOptions(null, null, false, null, 0, 0, null);

    public StaffOptions {
        users = users == null ? List.of() : List.copyOf(users);
        List<String> seen = new ArrayList<>();
        for (StaffUser u : users) {
            String key = u.username().toLowerCase(Locale.ROOT);
            if (seen.contains(key)) {
                throw new IllegalArgumentException("staff user " + u.username() + " is configured twice");
            }
            seen.add(key);
        }
        sessionTimeout = Objects.requireNonNullElse(sessionTimeout, DEFAULT_SESSION_TIMEOUT);
        attemptsPerAddress = attemptsPerAddress == 0 ? DEFAULT_ATTEMPTS_PER_ADDRESS : attemptsPerAddress;
        maxFailures = maxFailures == 0 ? DEFAULT_MAX_FAILURES : maxFailures;
        lockout = Objects.requireNonNullElse(lockout, DEFAULT_LOCKOUT);
        if (sessionTimeout.isNegative() || sessionTimeout.isZero() || lockout.isNegative()) {
            throw new IllegalArgumentException("staff.sessionTimeout must be positive and staff.lockout not negative");
        }
        if (attemptsPerAddress < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("staff.attemptsPerAddress and staff.maxFailures must be at least 1");
        }
    }

    /**
     * How advisors are named to other staff: the staff name and id of the member of staff who works as them (a
     * password user), else the id alone (single sign-on users are known only once they sign in).
     */
    public Function<String, String> advisorNames() {
        Map<String, String> byAgent = new HashMap<>();
        for (StaffUser u : users) {
            if (u.agentId() != null) {
                byAgent.put(u.agentId(), u.name() + " (" + u.agentId() + ")");
            }
        }
        return id -> byAgent.getOrDefault(id, id);
    }

    public StaffOptions withUsers(List<StaffUser> more) {
        List<StaffUser> all = new ArrayList<>(users);
        all.addAll(more);
        return new StaffOptions(all, oidc, secureCookies, sessionTimeout, attemptsPerAddress, maxFailures, lockout);
    }

    public StaffOptions withOidc(Oidc o) {
        return new StaffOptions(users, o, secureCookies, sessionTimeout, attemptsPerAddress, maxFailures, lockout);
    }

    /**
     * Single sign-on. The provider is found by discovery ({@code <issuer>/.well-known/openid-configuration}); staff
     * come back to {@code <publicUrl>/auth/oidc/callback}, which must be registered with it.
     *
     * @param issuer the provider's issuer URL
     * @param clientId this server's client id at the provider
     * @param clientSecretFile a file holding the client secret (kept out of the configuration)
     * @param publicUrl where staff reach this server ({@code https://contact.example.gov.uk}), for the callback
     * @param rolesClaim the ID-token claim listing the user's groups or roles (a string or an array)
     * @param roles each claim value that gives a role ({@code contact-centre-advisors: advisor})
     * @param agentIdClaim the claim naming the advisor an advisor works as
     * @param nameClaim the claim with the user's display name
     */
    public record Oidc(
            String issuer,
            String clientId,
            Path clientSecretFile,
            String publicUrl,
            String rolesClaim,
            Map<String, StaffRole> roles,
            String agentIdClaim,
            String nameClaim) {
        public Oidc {
            Objects.requireNonNull(issuer, "staff.oidc.issuer is required");
            Objects.requireNonNull(clientId, "staff.oidc.clientId is required");
            Objects.requireNonNull(clientSecretFile, "staff.oidc.clientSecretFile is required");
            Objects.requireNonNull(publicUrl, "staff.oidc.publicUrl is required");
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            rolesClaim = Objects.requireNonNullElse(rolesClaim, "roles");
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("staff.oidc.roles must map at least one claim value to a role");
            }
            agentIdClaim = Objects.requireNonNullElse(agentIdClaim, "agent_id");
            nameClaim = Objects.requireNonNullElse(nameClaim, "name");
        }
    }
}
