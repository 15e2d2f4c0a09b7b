package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static String v0(String v1) {
        return v1.replace("\"schemaVersion\":" + JournalCodec.SCHEMA_VERSION, "\"schemaVersion\":0")
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
    void oneUpcasterPerVersion() {
        Upcasters once = Upcasters.STANDARD.with(0, RENAMES_OF_V0);
        assertThatThrownBy(() -> once.with(0, RENAMES_OF_V0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> once.with(-1, RENAMES_OF_V0)).isInstanceOf(IllegalArgumentException.class);
    }
}
