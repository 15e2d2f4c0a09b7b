package io.firstcontact.server.api;

import io.firstcontact.server.config.SecretFile;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.config.ServerConfig.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's principals, from bearer tokens stored only as SHA-256 hashes. Tokens are long random secrets (256 bits),
 * so a fast hash is the right one: it is what a leaked configuration reveals, and it cannot be reversed; a slow
 * password hash would only slow every request.
 *
 * <p>With no token configured, one admin token is generated at the first start and written to {@value #ADMIN_FILE}
 * in the data directory, readable only by its owner; later starts read it again.
 */
public final class Tokens {
    public static final String ADMIN_FILE = "admin-token";
    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);

    private final Map<String, Principal> byHash;

    private Tokens(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    public static Tokens of(List<ServerConfig.Token> tokens) {
        Map<String, Principal> m = new HashMap<>();
        for (ServerConfig.Token t : tokens) {
            if (m.put(t.sha256(), new Principal(t.name(), t.role(), t.agentId())) != null) {
                throw new IllegalArgumentException("two tokens have the same hash: " + t.name());
            }
        }
        return new Tokens(m);
    }

    /** The configured tokens or, with none, the generated admin token of {@code dataDir}. */
    public static Tokens load(ServerConfig config) {
        if (!config.tokens().isEmpty()) {
            return of(config.tokens());
        }
        Path file = config.dataDir().resolve(ADMIN_FILE);
        SecretFile.Secret secret = SecretFile.readOrCreate(file, Tokens::generate, "admin token");
        if (secret.generated()) {
            LOG.info("no API token configured: generated an admin token in {} (readable only by its owner)", file);
        }
        String token = secret.value();
        return of(List.of(new ServerConfig.Token("admin", sha256(token), Role.ADMIN, null)));
    }

    /** The principal of a bearer token, if it is one of ours. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(token)));
    }

    /** One digest per thread: looking the algorithm up on every request was the API's largest allocation. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    /** Hex SHA-256 of a token, as written in the configuration's {@code tokens[].sha256}. */
    public static String sha256(String token) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new random token: 32 bytes, base64url. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
