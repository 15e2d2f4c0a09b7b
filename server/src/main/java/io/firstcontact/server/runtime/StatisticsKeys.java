package io.firstcontact.server.runtime;

import io.firstcontact.metrics.statistics.CustomerKeys;
import io.firstcontact.server.config.SecretFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the statistics recognise a returning customer without keeping who they are: HMAC-SHA-256 of what identifies
 * them (a customer reference, a caller number, an email address) under a secret kept in {@value #FILE} in the data
 * directory, generated at the first start and readable only by its owner. Without the secret a key cannot be turned
 * back into a phone number by trying them all. Every node of a centre needs the same file (a standby's statistics are
 * rebuilt from the same journal and must recognise the same customers).
 */
public final class StatisticsKeys implements CustomerKeys {
    public static final String FILE = "statistics.key";
    private static final int KEY_BYTES = 32;

    private final Mac mac;

    private StatisticsKeys(byte[] key) {
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The data directory's statistics key, generated if there is none. */
    public static StatisticsKeys load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        String text = SecretFile.readOrCreate(
                        file,
                        () -> {
                            byte[] k = new byte[KEY_BYTES];
                            new SecureRandom().nextBytes(k);
                            return Base64.getEncoder().encodeToString(k);
                        },
                        "statistics key")
                .value();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "the statistics key file " + file + " does not hold a key (the base64 of " + KEY_BYTES + " bytes)");
        }
        return new StatisticsKeys(key);
    }

    @Override
    public synchronized String key(String kind, String value) {
        byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
