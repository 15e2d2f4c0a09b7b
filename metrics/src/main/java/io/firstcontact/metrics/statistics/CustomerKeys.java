package io.firstcontact.metrics.statistics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns what identifies a customer (a customer reference, a caller number, an email address) into an opaque key, so
 * that the statistics recognise a returning customer without ever keeping a number or address: only keys reach the
 * statistics' snapshot. The server keys them with a secret (HMAC-SHA-256), so a key cannot be reversed by trying
 * every phone number.
 */
@FunctionalInterface
public interface CustomerKeys {

    /**
     * @param kind what the value is: {@code ref} (customer reference) or an attribute's name ({@code callerNumber},
     *     {@code email})
     */
    String key(String kind, String value);

    /** Plain SHA-256: for tests, where there is no secret to keep. */
    CustomerKeys UNKEYED = (kind, value) -> {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(md.digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };
}
