package io.firstcontact.channels.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key transcripts and attachments are sealed with on disk (AES-256-GCM, a fresh nonce per record, the record's
 * conversation as associated data so that a record cannot be moved to another file unnoticed). Its file holds the
 * base64 of 32 random bytes, readable only by its owner, made at the first start.
 */
public final class SealingKey {
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SealingKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a sealing key is " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A key of these bytes (tests). */
    public static SealingKey of(byte[] key) {
        return new SealingKey(key.clone());
    }

    /** The key in {@code file}, made there (readable only by its owner) when the file does not exist yet. */
    public static SealingKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".new");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                ownerOnly(tmp);
                Files.move(tmp, file);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(Files.readString(file).strip());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(
                        "the transcript key file " + file + " does not hold a key (the base64 of 32 bytes)");
            }
            return new SealingKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("the transcript key file " + file + " cannot be read or made", e);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    /** {@code plain} sealed for {@code context}: nonce, then ciphertext with its tag. */
    byte[] seal(String context, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        }
    }

    /** What {@link #seal} sealed for {@code context}; fails when it was altered, moved or sealed with another key. */
    byte[] open(String context, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed record is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a sealed record does not verify (altered, moved, or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open", e);
        }
    }
}
