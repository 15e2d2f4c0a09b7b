package io.firstcontact.ivr.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.flow.FlowsCheck;
import io.firstcontact.ivr.flow.FlowsReader;
import io.firstcontact.ivr.flow.InvalidFlowsException;
import io.firstcontact.ivr.flow.IvrFlows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows in force, and their versions. A new call or chat takes the flows in force when it starts and keeps them to
 * its end; {@link #replace} puts a checked new version in force for the calls after it, without a restart.
 *
 * <p>Every version put in force through {@link #replace} is written to the book's directory ({@code flows-<n>.yaml},
 * written to a temporary file and moved into place), and the newest one there is in force after a restart: a change
 * made through the admin API outlives the process. The flows the configuration names are used only while the
 * directory holds none.
 */
public final class FlowBook {
    private static final Logger LOG = LoggerFactory.getLogger(FlowBook.class);
    private static final Pattern FILE = Pattern.compile("flows-(\\d+)\\.yaml");

    /** One version: the flows and the document they were read from (what the admin API shows). */
    public record Version(IvrFlows flows, JsonNode document) {}

    private final Path directory;
    private final Supplier<FlowsCheck.Routing> routing;
    private final AtomicReference<Version> current = new AtomicReference<>();

    /**
     * @param configured the flows of the configuration (a YAML document), used while {@code directory} holds none
     * @param directory where versions are kept, or null to keep them in memory only
     * @param routing what routing has now, for the queue steps to be checked against
     * @throws InvalidFlowsException if the flows in force would not hold together: the server refuses to start
     */
    public FlowBook(JsonNode configured, Path directory, Supplier<FlowsCheck.Routing> routing) {
        this.directory = directory;
        this.routing = routing;
        Optional<Path> newest = newest();
        JsonNode document = newest.map(FlowBook::readFile).orElse(configured);
        IvrFlows flows = FlowsCheck.require(FlowsReader.read(document), routing.get());
        current.set(new Version(flows, document));
        LOG.info(
                "IVR flows version {} in force ({}): {} steps, {} prompts",
                flows.version(),
                newest.map(p -> "kept in " + p).orElse("from the configuration"),
                flows.steps().size(),
                flows.prompts().size());
    }

    /** The demo flows shipped in the jar. */
    public static JsonNode demo() {
        try (InputStream in = FlowBook.class.getResourceAsStream("/io/firstcontact/ivr/demo-flows.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the demo flows are missing from the jar");
            }
            return FlowsReader.tree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flows in force. */
    public IvrFlows flows() {
        return current.get().flows();
    }

    public Version current() {
        return current.get();
    }

    /**
     * Checks {@code document} and puts it in force as the next version (its own {@code version} field must be the next
     * one, or left out). Throws {@link InvalidFlowsException} naming every problem, and changes nothing then.
     *
     * @param expected the version the change was made against (the admin API's {@code If-Match})
     * @throws StaleVersionException when another change came first
     */
    public Version replace(JsonNode document, long expected) {
        return replace(document, expected, routing.get());
    }

    /** {@link #replace(JsonNode, long)}, checked against {@code routingNow} (read by a caller that must not block). */
    public synchronized Version replace(JsonNode document, long expected, FlowsCheck.Routing routingNow) {
        Version now = current.get();
        if (now.flows().version() != expected) {
            throw new StaleVersionException(now.flows().version());
        }
        if (!(document instanceof ObjectNode tree)) {
            throw new InvalidFlowsException(List.of("the flows must be a mapping (version, start, steps, …)"));
        }
        long next = expected + 1;
        ObjectNode copy = tree.deepCopy();
        JsonNode given = copy.get("version");
        if (given != null && !(given.canConvertToLong() && (given.asLong() == next || given.asLong() == expected))) {
            throw new InvalidFlowsException(
                    List.of("version must be " + next + " (or left out): it is the next version"));
        }
        copy.put("version", next);
        IvrFlows flows = FlowsCheck.require(FlowsReader.read(copy), routingNow);
        write(next, copy);
        Version v = new Version(flows, copy);
        current.set(v);
        LOG.info("IVR flows version {} in force for new calls", next);
        return v;
    }

    /** Another change came first. */
    public static final class StaleVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long current;

        StaleVersionException(long current) {
            super("the flows are at version " + current + "; read them again and reapply the change");
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    private void write(long version, JsonNode document) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve("flows-" + version + ".yaml");
            Path temp = Files.createTempFile(directory, "flows-", ".tmp");
            Files.writeString(temp, FlowsReader.YAML.writeValueAsString(document));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the IVR flows could not be kept in " + directory, e);
        }
    }

    private Optional<Path> newest() {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                    .max((a, b) -> Long.compare(number(a), number(b)));
        } catch (IOException e) {
            throw new UncheckedIOException("the IVR flows directory " + directory + " cannot be read", e);
        }
    }

    private static long number(Path p) {
        Matcher m = FILE.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static JsonNode readFile(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return FlowsReader.tree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the IVR flows " + p + " cannot be read", e);
        }
    }
}
