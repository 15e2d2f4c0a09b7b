package io.firstcontact.server.runtime;

import io.firstcontact.router.journal.PersonalData;
import io.firstcontact.server.config.SecretFile;
import io.firstcontact.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal keys that seal personal attributes: {@code journal.keyFile}, or {@value #DEFAULT_FILE} in the data
 * directory, generated at the first start; and {@code journal.previousKeyFiles}, which only open what they sealed
 * before a rotation. A key file holds the base64 of {@value PersonalData#KEY_BYTES} random bytes and is readable only
 * by its owner.
 */
public final class JournalKeys {
    /** The key's file when {@code journal.keyFile} is not set. */
    public static final String DEFAULT_FILE = "journal.key";

    private static final Logger LOG = LoggerFactory.getLogger(JournalKeys.class);

    private JournalKeys() {}

    /** The configured keys; the current one is generated if its file does not exist yet. */
    public static PersonalData load(ServerConfig config) {
        Path file = Objects.requireNonNullElse(
                config.journal().keyFile(), config.dataDir().resolve(DEFAULT_FILE));
        SecretFile.Secret secret = SecretFile.readOrCreate(file, JournalKeys::newKeyText, "journal key");
        byte[] key = decode(file, secret.value());
        List<byte[]> previous = new ArrayList<>();
        for (Path p : config.journal().previousKeyFiles()) {
            previous.add(decode(p, SecretFile.read(p, "journal key")));
        }
        PersonalData personal = PersonalData.withKeys(key, previous);
        if (secret.generated()) {
            LOG.info(
                    "generated journal key {} in {} (readable only by its owner): personal attributes are sealed with"
                            + " it; keep it as safely as the journal's backups but apart from them, and give every"
                            + " node the same key",
                    personal.keyId(),
                    file);
        }
        if (!previous.isEmpty()) {
            List<String> ids = personal.openingKeyIds();
            LOG.info(
                    "journal key {} seals; previous keys {} only open what they sealed (not needed once two snapshots"
                            + " have been taken under the new key)",
                    ids.getFirst(),
                    ids.subList(1, ids.size()));
        }
        return personal;
    }

    /**
     * Writes a new key to {@code file}, readable only by its owner, for a rotation; an existing file is never
     * overwritten.
     *
     * @return the new key's id
     */
    public static String create(Path file) {
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; a key file is never overwritten");
        }
        String text = SecretFile.readOrCreate(file, JournalKeys::newKeyText, "journal key")
                .value();
        return PersonalData.withKey(decode(file, text)).keyId();
    }

    private static String newKeyText() {
        return Base64.getEncoder().encodeToString(PersonalData.newKey());
    }

    private static byte[] decode(Path file, String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != PersonalData.KEY_BYTES) {
            throw new IllegalStateException("the journal key file " + file + " does not hold a key (the base64 of "
                    + PersonalData.KEY_BYTES + " bytes)");
        }
        return key;
    }
}
