package io.firstcontact.server.ivr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendars a supervisor closed for an emergency, kept in {@code dataDir/ivr/closures.json} (written to a
 * temporary file and moved into place) so that a restart keeps them closed.
 */
final class ClosureFile {
    private static final Logger LOG = LoggerFactory.getLogger(ClosureFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    ClosureFile(Path file) {
        this.file = file;
    }

    Set<String> read() {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            Set<String> closed = JSON.readValue(file.toFile(), new TypeReference<TreeSet<String>>() {});
            if (!closed.isEmpty()) {
                LOG.warn("IVR: calendars {} are closed for an emergency (kept from before the restart)", closed);
            }
            return closed;
        } catch (IOException e) {
            throw new UncheckedIOException("the IVR's emergency closures " + file + " cannot be read", e);
        }
    }

    void write(Set<String> closed) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "closures-", ".tmp");
            JSON.writeValue(temp.toFile(), new TreeSet<>(closed));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The closure is in force now; it would not outlive a restart.
            LOG.error("IVR: the emergency closures could not be kept in {}: {}", file, e.toString());
        }
    }
}
