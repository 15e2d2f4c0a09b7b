package io.firstcontact.router.journal;

import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.AttributeClass;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the journal may hold in clear, and the seal on the rest (docs/routing-contract.md §1: PERSONAL attributes are never
 * journaled in clear). An attribute is written in clear only when the routing configuration classifies it ROUTING or
 * DISPLAY; every other one, undefined names included, is sealed with AES-256-GCM under the journal key.
 *
 * <p>A sealed value is {@code v1:} followed by the base64url of the key's id (4 bytes: the start of the key's SHA-256),
 * a random 96-bit nonce, the ciphertext and the 128-bit tag. The attribute's name is the associated data, so a sealed
 * value cannot be moved to another attribute. With random nonces one key seals about 2³² values before the chance of a
 * repeated nonce stops being negligible: years of a large centre's traffic.
 *
 * <p>Keys rotate: a new key seals from now on, previous keys still open what they sealed. Once two snapshots have been
 * taken under the new key, the journal before them is trimmed and nothing in Redis needs a previous key any more.
 *
 * <p>Thread-safe. The classification follows the routing configuration ({@link #follow}); the keys never change.
 */
public final class PersonalData {
    /** The key's length: AES-256. */
    public static final int KEY_BYTES = 32;

    /** No key: values that would need sealing are refused on writing, sealed values refused on reading. */
    public static final PersonalData NO_KEY = new PersonalData(null, List.of());

    private static final String PREFIX = "v1:";
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] keyId;
    /** Every key that opens, by id (hex): the current one first, then the previous ones in the order given. */
    private final Map<String, SecretKeySpec> openers;

    private final SecureRandom random = new SecureRandom();
    /** One cipher per thread: looking the transformation up costs more than sealing a value. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalData::newCipher);

    private volatile Set<String> inClear = Set.of();

    private PersonalData(byte[] key, List<byte[]> previous) {
        Map<String, SecretKeySpec> open = new LinkedHashMap<>();
        if (key == null) {
            this.key = null;
            this.keyId = new byte[0];
        } else {
            this.key = spec(key);
            this.keyId = id(key);
            open.put(hex(keyId), this.key);
        }
        for (byte[] p : previous) {
            open.putIfAbsent(hex(id(p)), spec(p));
        }
        this.openers = Collections.unmodifiableMap(open);
    }

    /** Seals with {@code key} ({@value #KEY_BYTES} bytes). Nothing is in clear until {@link #follow} is called. */
    public static PersonalData withKey(byte[] key) {
        return withKeys(key, List.of());
    }

    /** Seals with {@code key}, and opens what {@code key} or any of {@code previous} sealed (a rotation). */
    public static PersonalData withKeys(byte[] key, List<byte[]> previous) {
        return new PersonalData(Objects.requireNonNull(key, "key"), List.copyOf(previous));
    }

    /** The ids of the keys that open (hex), the current one first. */
    public List<String> openingKeyIds() {
        return List.copyOf(openers.keySet());
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a journal key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    private static byte[] id(byte[] key) {
        return Arrays.copyOf(sha256(key), KEY_ID_BYTES);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A new random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The key's id (hex), as it prefixes every value sealed with it; empty without a key. */
    public String keyId() {
        return hex(keyId);
    }

    /** From now on, attributes this configuration classifies ROUTING or DISPLAY are written in clear. */
    public void follow(RoutingConfig config) {
        follow(clearNames(config));
    }

    /** From now on, exactly the attributes named here are written in clear. */
    void follow(Set<String> namesInClear) {
        inClear = Set.copyOf(namesInClear);
    }

    /** The names {@code config} lets the journal hold in clear. */
    static Set<String> clearNames(RoutingConfig config) {
        return config.attributes().stream()
                .filter(d -> d.classification() != AttributeClass.PERSONAL)
                .map(AttributeDefinition::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code name} is written in clear under the configuration last {@linkplain #follow followed}. */
    boolean inClear(String name) {
        return inClear.contains(name);
    }

    /** The sealed form of attribute {@code name}'s {@code value}. */
    String seal(String name, String value) {
        if (key == null) {
            throw new JournalFormatException("attribute " + name + " is personal data and no journal key is set, so it"
                    + " cannot be journaled (it is never journaled in clear)");
        }
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(keyId).put(nonce).put(sealed);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal a value", e); // a JDK defect; no value in it
        }
    }

    /** The value sealed by {@link #seal} for attribute {@code name}; refused if another key or name sealed it. */
    String unseal(String name, String sealed) {
        byte[] bytes = decode(name, sealed);
        if (bytes.length < KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new JournalFormatException("the sealed value of attribute " + name + " is too short");
        }
        String id = hex(Arrays.copyOf(bytes, KEY_ID_BYTES));
        if (openers.isEmpty()) {
            throw new JournalFormatException(
                    "attribute " + name + " is sealed with journal key " + id + " and no journal key is set");
        }
        SecretKeySpec opener = openers.get(id);
        if (opener == null) {
            List<String> ids = openingKeyIds();
            throw new JournalFormatException("attribute " + name + " is sealed with journal key " + id + ", not with "
                    + (ids.size() == 1 ? "this one (" : "any of these (") + String.join(", ", ids)
                    + "): set the key the"
                    + " journal was written with, or add it to the previous keys");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, opener, new GCMParameterSpec(TAG_BITS, bytes, KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, KEY_ID_BYTES + NONCE_BYTES, bytes.length - KEY_ID_BYTES - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new JournalFormatException(
                    "the sealed value of attribute " + name + " does not verify (altered, or sealed for another name)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open a value", e);
        }
    }

    private static byte[] decode(String name, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new JournalFormatException("the sealed value of attribute " + name + " is not in a known form");
        }
        try {
            return Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new JournalFormatException("the sealed value of attribute " + name + " is not base64url");
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
