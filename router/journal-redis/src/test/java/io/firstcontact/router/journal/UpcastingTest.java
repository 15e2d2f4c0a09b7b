package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upcasting mechanism, with a test-only version 0 in which an input's {@code source} was called {@code origin}
 * and entries had no {@code decision} but a {@code result}.
 */
class UpcastingTest {
    /** Version 0 → 1: {@code input.origin} became {@code input.source}; {@code result} became {@code decision}. */
    static final Upcaster RENAMES_OF_V0 = entry -> {
        ObjectNode input = (ObjectNode) entry.get("input");
        JsonNode origin = input.remove("origin");
        // Keep the component order of version 1, so that re-encoding gives the current bytes.
        ObjectNode renamed = input.objectNode();
        input.properties().forEach(f -> {
            renamed.set(f.getKey(), f.getValue());
            if (f.getKey().equals("at")) {
                renamed.set("source", origin);
            }
        });
        entry.set("input", renamed);
        entry.set("decision", entry.remove("result"));
        return entry;
    };

    static String v0(String current) {
        return current.replace("\"schemaVersion\":" + JournalCodec.SCHEMA_VERSION, "\"schemaVersion\":0")
                .replace("\"source\":", "\"origin\":")
                .replace("\"decision\":", "\"result\":");
    }

    @Test
    void anOlderEntryIsCarriedForwardByTheRegisteredUpcasters() {
        JournalCodec codec = new JournalCodec(Upcasters.STANDARD.with(0, RENAMES_OF_V0), TestCodecs.personal("note"));
        JournalEntry current = JournalEntry.of(JournalDecodingTest.INPUT, JournalDecodingTest.DECISION);
        String v1 = new String(codec.encodeEntry(current), UTF_8);
        String v0 = v0(v1);
        assertThat(v0).contains("\"schemaVersion\":0", "\"origin\":\"genesys\"", "\"result\":{");

        JournalEntry read = codec.decodeEntry(v0.getBytes(UTF_8));
        assertThat(read).isEqualTo(current);
        assertThat(read.schemaVersion()).isEqualTo(JournalCodec.SCHEMA_VERSION);
        assertThat(new String(codec.encodeEntry(read), UTF_8)).isEqualTo(v1);
        // Current entries pass untouched.
        assertThat(codec.decodeEntry(v1.getBytes(UTF_8))).isEqualTo(current);
    }

    @Test
    void withoutTheUpcasterTheOlderEntryIsRefused() {
        String v0 = v0(new String(
                TestCodecs.keyed("note")
                        .encodeEntry(JournalEntry.of(JournalDecodingTest.INPUT, JournalDecodingTest.DECISION)),
                UTF_8));
        assertThatThrownBy(() -> TestCodecs.keyed().decodeEntry(v0.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("has schema version 0, and no upcaster reads version 0");
    }

    @Test
    void aFailingUpcasterIsReportedAsSuch() {
        JournalCodec codec = new JournalCodec(
                Upcasters.STANDARD.with(0, entry -> {
                    throw new IllegalStateException("boom");
                }),
                TestCodecs.personal("note"));
        String v0 = v0(new String(
                codec.encodeEntry(JournalEntry.of(JournalDecodingTest.INPUT, JournalDecodingTest.DECISION)), UTF_8));
        assertThatThrownBy(() -> codec.decodeEntry(v0.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal entry 4-9: the upcaster from schema version 0 failed");
    }

    @Test
    void aLoginOfAnOlderVersionReadsAsALoginWithoutADevice() {
        JournalCodec codec = TestCodecs.keyed();
        EngineInput login = new EngineInput(
                4, 9, 1_700_000_000_000L, "api", null, new Command.LogIn("ann", true, Actor.agent("ann")));
        JournalEntry current = JournalEntry.of(login, new Decision(9, List.of(), List.of(), Decision.NO_DEADLINE));
        String v3 = new String(codec.encodeEntry(current), UTF_8);
        assertThat(v3).contains("\"schemaVersion\":3", "\"device\":null");
        for (int older : new int[] {1, 2}) {
            String entry = v3.replace("\"schemaVersion\":3", "\"schemaVersion\":" + older)
                    .replace(",\"device\":null", "");
            assertThat(codec.decodeEntry(entry.getBytes(UTF_8)))
                    .as("version " + older)
                    .isEqualTo(current);
        }
    }

    @Test
    void aSnapshotOfVersionTwoReadsWithAdvisorsWithoutAPhone() {
        JournalCodec codec = TestCodecs.keyed();
        RoutingEngine engine = RoutingEngine.create();
        engine.apply(new EngineInput(1, 1, 0, "api", null, new Command.DeadlinesDue()));
        EngineSnapshot snapshot = engine.snapshot();
        String current = new String(codec.encodeSnapshot(snapshot), UTF_8);
        String v2 = current.replace("\"schemaVersion\":" + EngineSnapshot.SCHEMA_VERSION, "\"schemaVersion\":2")
                .replace(",\"phone\":null", "");
        assertThat(v2).contains("\"schemaVersion\":2");

        assertThat(codec.decodeSnapshot(v2.getBytes(UTF_8))).isEqualTo(snapshot);
        ObjectNode agents = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        agents.putArray("agents").addObject().put("id", "ann");
        assertThat(Upcasters.agentsHaveAPhone(agents).at("/agents/0").has("phone"))
                .isTrue();
    }

    @Test
    void oneUpcasterPerVersion() {
        Upcasters once = Upcasters.STANDARD.with(0, RENAMES_OF_V0);
        assertThatThrownBy(() -> once.with(0, RENAMES_OF_V0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> once.with(-1, RENAMES_OF_V0)).isInstanceOf(IllegalArgumentException.class);
    }
}
