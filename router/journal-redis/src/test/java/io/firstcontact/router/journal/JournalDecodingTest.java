package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Decoding is strict, and its refusals name the entry and the field, never a value. */
class JournalDecodingTest {
    /** {@code note} in clear: these tests are about strictness, and a value in clear must not be echoed either. */
    static final JournalCodec CODEC = TestCodecs.keyed("note");
    /** A Luhn-valid test card number (a well-known test PAN), as an IVR might capture it by mistake. */
    static final String CARD = "4111 1111 1111 1111";

    static final EngineInput INPUT = new EngineInput(
            4,
            9,
            1_700_000_000_000L,
            "genesys",
            null,
            new Command.CreateInteraction(
                    "i9",
                    "voice",
                    Direction.INBOUND,
                    "call-9",
                    null,
                    "secret-customer",
                    Attributes.of("note", "private-note"),
                    QueueRequest.to("general")));
    static final Decision DECISION = new Decision(
            9,
            List.of(new Fact.InteractionCreated(
                    "i9", "voice", Direction.INBOUND, "call-9", null, "secret-customer", 1_700_000_000_000L)),
            List.of(),
            Decision.NO_DEADLINE);

    static String entryJson() {
        return new String(CODEC.encodeEntry(JournalEntry.of(INPUT, DECISION)), UTF_8);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusingEntry(String json) {
        return assertThatThrownBy(() -> CODEC.decodeEntry(json.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-customer", "private-note"));
    }

    @Test
    void anUnknownPropertyIsRefused() {
        refusingEntry(entryJson()
                        .replace(
                                "\"customerRef\":\"secret-customer\",",
                                "\"customerRef\":\"secret-customer\",\"colour\":\"red\","))
                .hasMessageContaining("journal entry 4-9")
                .hasMessageContaining("unknown property at entry.input.command.colour")
                .hasMessageNotContaining("red");
        refusingEntry(entryJson().replace("{\"id\"", "{\"extra\":1,\"id\""))
                .hasMessageContaining("unknown property at entry.extra");
    }

    @Test
    void aMissingPropertyIsRefused() {
        refusingEntry(entryJson().replace("\"customerRef\":\"secret-customer\",", ""))
                .hasMessageContaining("journal entry 4-9")
                .hasMessageContaining("missing property at entry.input.command.customerRef");
        refusingEntry(entryJson().replace("\"effects\":[],", ""))
                .hasMessageContaining("missing property at entry.decision.effects");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithoutQuotingIt() {
        refusingEntry(entryJson().replace("\"at\":1700000000000", "\"at\":\"secret-customer\""))
                .hasMessageContaining("entry.input.at");
        refusingEntry(entryJson().replace("\"at\":1700000000000", "\"at\":1.5")).hasMessageContaining("entry.input.at");
        refusingEntry(entryJson().replace("\"source\":\"genesys\"", "\"source\":12"))
                .hasMessageContaining("entry.input.source");
        refusingEntry(entryJson().replace("\"direction\":\"INBOUND\"", "\"direction\":\"SIDEWAYS\""))
                .hasMessageContaining("entry.input.command.direction")
                .hasMessageNotContaining("SIDEWAYS");
        refusingEntry(entryJson().replace("\"at\":1700000000000", "\"at\":null"))
                .hasMessageContaining("entry.input.at");
        refusingEntry(entryJson().replace("\"at\":1700000000000", "\"at\":99999999999999999999999"))
                .hasMessageContaining("entry.input.at");
    }

    @Test
    void whatARecordRefusesIsRefused() {
        refusingEntry(entryJson().replace("\"seq\":9,\"at\"", "\"seq\":0,\"at\""))
                .hasMessageContaining("invalid EngineInput at entry.input, refused by its constructor");
        refusingEntry(entryJson()
                        .replace("\"interactionId\":\"i9\",\"channel\"", "\"interactionId\":\"i 9\",\"channel\""))
                .hasMessageContaining("invalid Command.CreateInteraction at entry.input.command");
        refusingEntry(entryJson().replace("\"id\":\"4-9\"", "\"id\":\"4-10\""))
                .hasMessageContaining("invalid JournalEntry")
                .cause()
                .hasMessageContaining("<epoch>-<seq>");
        refusingEntry(entryJson().replace("\"decision\":{\"seq\":9", "\"decision\":{\"seq\":8"))
                .hasMessageContaining("invalid JournalEntry");
    }

    @Test
    void aMissingOrUnknownTypeIsRefused() {
        refusingEntry(entryJson().replace("\"type\":\"CreateInteraction\",", ""))
                .hasMessageContaining("missing or unknown \"type\"")
                .hasMessageContaining("entry.input.command");
        refusingEntry(entryJson().replace("\"type\":\"CreateInteraction\"", "\"type\":\"InteractionCreated\""))
                .hasMessageContaining("missing or unknown \"type\"");
        refusingEntry(entryJson().replace("\"type\":\"CreateInteraction\"", "\"type\":\"Hack\""))
                .hasMessageContaining("missing or unknown \"type\"")
                .hasMessageNotContaining("Hack");
    }

    @Test
    void malformedJsonIsRefusedWithoutQuotingIt() {
        refusingEntry(entryJson().replace("\"secret-customer\"", "secret-customer"))
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("line 1");
        refusingEntry(entryJson() + "{}").hasMessageContaining("content after the JSON value");
        refusingEntry(entryJson().replace("{\"id\":\"4-9\",", "{\"id\":\"4-9\",\"id\":\"4-9\","))
                .hasMessageContaining("malformed JSON");
        refusingEntry("[1,2]").hasMessageContaining("not a JSON object");
        refusingEntry("").hasMessageContaining("journal entry: no content");
        assertThatThrownBy(() -> CODEC.decodeInput("{\"epoch\":1".getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal input: malformed JSON");
    }

    /** The {@code schemaVersion} property of the entries this codec writes. */
    private static final String CURRENT = "\"schemaVersion\":" + JournalCodec.SCHEMA_VERSION;

    @Test
    void anEntryOfANewerSchemaVersionIsRefused() {
        int newer = JournalCodec.SCHEMA_VERSION + 1;
        refusingEntry(entryJson().replace(CURRENT, "\"schemaVersion\":" + newer))
                .hasMessage("journal entry 4-9 has schema version " + newer + ", newer than this codec knows ("
                        + JournalCodec.SCHEMA_VERSION + "); it was written by a newer router");
        refusingEntry(entryJson().replace(CURRENT + ",", "")).hasMessageContaining("has no integer schemaVersion");
        refusingEntry(entryJson().replace(CURRENT, "\"schemaVersion\":\"1\""))
                .hasMessageContaining("has no integer schemaVersion");
    }

    @Test
    void anEntryOfAnOlderVersionWithoutAnUpcasterIsRefused() {
        refusingEntry(entryJson().replace(CURRENT, "\"schemaVersion\":0"))
                .hasMessageContaining("journal entry 4-9 has schema version 0, and no upcaster reads version 0");
    }

    @Test
    void aCardNumberInAnAttributeIsRefusedAndNeverEchoed() {
        String json = entryJson().replace("private-note", "card " + CARD);
        for (String form :
                List.of(json, json.replace(CARD, CARD.replace(" ", "")), json.replace(CARD, CARD.replace(' ', '-')))) {
            assertThatThrownBy(() -> CODEC.decodeEntry(form.getBytes(UTF_8)))
                    .isInstanceOf(JournalFormatException.class)
                    .hasMessageContaining("journal entry 4-9")
                    .hasMessageContaining("invalid Attribute at entry.input.command.attributes.entries[0]")
                    .satisfies(e -> {
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        assertThat(trace.toString())
                                .doesNotContain(
                                        CARD, CARD.replace(" ", ""), CARD.replace(' ', '-'), "1111 1111", "11111111");
                    });
        }
        // The same in a snapshot: restored state cannot carry a card number either.
        assertThatThrownBy(() -> CODEC.decodeInput(new String(CODEC.encodeInput(INPUT), UTF_8)
                        .replace("private-note", CARD)
                        .getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageNotContaining("1111");
    }

    private static final String SNAPSHOT = "\"schemaVersion\":" + EngineSnapshot.SCHEMA_VERSION;

    @Test
    void snapshotsOfANewerOrAnUnknownOlderVersionAreRefused() {
        RoutingEngine engine = RoutingEngine.create();
        engine.apply(new EngineInput(1, 1, 0, "api", null, new Command.DeadlinesDue()));
        String json = new String(CODEC.encodeSnapshot(engine.snapshot()), UTF_8);
        assertThat(CODEC.decodeSnapshot(json.getBytes(UTF_8))).isEqualTo(engine.snapshot());
        assertThatThrownBy(() -> CODEC.decodeSnapshot(
                        json.replace(SNAPSHOT, "\"schemaVersion\":" + (EngineSnapshot.SCHEMA_VERSION + 1))
                                .getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("snapshot has schema version " + (EngineSnapshot.SCHEMA_VERSION + 1)
                        + ", newer than this codec knows");
        assertThatThrownBy(() -> CODEC.decodeSnapshot(
                        json.replace(SNAPSHOT, "\"schemaVersion\":0").getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("snapshot has schema version 0, and no upcaster reads version 0");
        assertThatThrownBy(() -> CODEC.decodeSnapshot(
                        json.replace("\"lastSeq\"", "\"lastSequence\"").getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("snapshot: missing property at snapshot.lastSeq");
    }

    @Test
    void aNullInAListIsRefusedAlsoWhereNoConstructorChecks() {
        RoutingEngine engine = RoutingEngine.create();
        RandomInputs gen = new RandomInputs(7);
        gen.start().forEach(engine::apply);
        String json = new String(CODEC.encodeSnapshot(engine.snapshot()), UTF_8);
        assertThat(json).contains("\"active\":[0,");
        assertThatThrownBy(() -> CODEC.decodeSnapshot(json.replaceFirst("\"active\":\\[0,", "\"active\":[null,")
                        .getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("snapshot: null where a value is required at snapshot.agents[0].active");
        refusingEntry(entryJson().replace("\"effects\":[]", "\"effects\":[null]"))
                .hasMessageContaining("entry.decision.effects");
    }

    @Test
    void encodingRefusesAnEntryOfAnotherVersion() {
        JournalEntry old = new JournalEntry("4-9", 1, INPUT, DECISION);
        assertThatThrownBy(() -> CODEC.encodeEntry(old))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("writes only version 3");
    }

    @Test
    void snapshotSchemaVersionIsTheEngines() {
        assertThat(EngineSnapshot.SCHEMA_VERSION).isEqualTo(4);
    }
}
