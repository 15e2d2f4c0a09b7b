package io.firstcontact.channels.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where transcripts are kept: one file per conversation in a directory of the data directory, each record a line of
 * its own, sealed ({@link SealingKey}); an attachment a sealed file beside it. A conversation is deleted with its
 * attachments once nothing was written to it for the retention period. Every call does file I/O: call it from a
 * worker, never an event loop. Thread-safe.
 */
public final class TranscriptStore {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String LOG_SUFFIX = ".log";
    private static final String ATTACHMENT_INFIX = ".att-";

    private final Path dir;
    private final SealingKey key;
    private final Duration retention;

    /**
     * @param dir the directory (made if missing)
     * @param retention how long a conversation is kept after its last record
     */
    public TranscriptStore(Path dir, SealingKey key, Duration retention) {
        this.dir = dir;
        this.key = key;
        this.retention = retention;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the transcripts directory " + dir + " cannot be made", e);
        }
    }

    public Duration retention() {
        return retention;
    }

    /** Whether {@code name} can name a conversation or an attachment here. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Appends a record to a conversation (made at its first record). */
    public synchronized void append(String conversation, ObjectNode record) {
        byte[] sealed = key.seal(conversation, bytes(record));
        Path file = logOf(conversation);
        try {
            boolean fresh = !Files.exists(file);
            Files.write(
                    file,
                    (Base64.getEncoder().encodeToString(sealed) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                SealingKey.ownerOnly(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a transcript record cannot be written", e);
        }
    }

    /** Every record of a conversation, oldest first; empty when there is none (never kept, or expired). */
    public synchronized List<ObjectNode> records(String conversation) {
        Path file = logOf(conversation);
        List<ObjectNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    byte[] plain = key.open(conversation, Base64.getDecoder().decode(line));
                    out.add((ObjectNode) JSON.readTree(plain));
                } catch (RuntimeException | IOException e) {
                    // A record cut short by a crash mid-write, or not ours: the rest is still read.
                    LOG.warn(
                            "transcript {}: a record cannot be read and is skipped ({})", conversation, e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("a transcript cannot be read", e);
        }
        return out;
    }

    public synchronized boolean exists(String conversation) {
        return Files.exists(logOf(conversation));
    }

    /** Keeps an attachment's bytes, sealed, beside its conversation. */
    public synchronized void putAttachment(String conversation, String id, byte[] content) {
        Path file = attachmentOf(conversation, id);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.write(tmp, key.seal(conversation + "/" + id, content));
            SealingKey.ownerOnly(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("an attachment cannot be written", e);
        }
    }

    public synchronized Optional<byte[]> attachment(String conversation, String id) {
        try {
            return Optional.of(key.open(conversation + "/" + id, Files.readAllBytes(attachmentOf(conversation, id))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("an attachment cannot be read", e);
        }
    }

    /**
     * Deletes every conversation (with its attachments) nothing was written to for the retention period.
     *
     * @return when the next one is due to go, or null when none is kept
     */
    public synchronized Instant expire(Instant now) {
        Instant next = null;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "*" + LOG_SUFFIX)) {
            for (Path log : logs) {
                String name = log.getFileName().toString();
                String conversation = name.substring(0, name.length() - LOG_SUFFIX.length());
                FileTime modified = Files.getLastModifiedTime(log);
                Instant due = modified.toInstant().plus(retention);
                if (!due.isAfter(now)) {
                    delete(conversation);
                } else if (next == null || due.isBefore(next)) {
                    next = due;
                }
            }
        } catch (IOException e) {
            LOG.warn("transcripts: the expired ones could not all be deleted ({})", e.toString());
        }
        return next;
    }

    private void delete(String conversation) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, conversation + ATTACHMENT_INFIX + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(logOf(conversation));
        LOG.debug("transcript {} deleted at the end of its retention", conversation);
    }

    private Path logOf(String conversation) {
        return dir.resolve(checked(conversation) + LOG_SUFFIX);
    }

    private Path attachmentOf(String conversation, String id) {
        return dir.resolve(checked(conversation) + ATTACHMENT_INFIX + checked(id));
    }

    private static String checked(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("not a transcript name");
        }
        return name;
    }

    private static byte[] bytes(ObjectNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
