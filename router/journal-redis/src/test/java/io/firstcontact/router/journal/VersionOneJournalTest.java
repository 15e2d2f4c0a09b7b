package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.Recovery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A journal written by version 1 — before the channels' edges were built — still decodes, and recovery decides every
 * entry of it again exactly as journaled: the inputs version 1 refused as not supported yet are refused again, its
 * configurations take the new settings' defaults, its offers were all of kind CONNECT. Its snapshots decode too.
 */
class VersionOneJournalTest {
    static final JournalCodec CODEC = TestCodecs.keyed();
    static final ObjectMapper JSON = new ObjectMapper();
    static final long T0 = 1_700_000_000_000L;

    @Test
    void aVersionOneJournalDecodesAndRecoversDecisionForDecision() throws Exception {
        List<String> versionOne = new ArrayList<>();
        RoutingEngine writer = RoutingEngine.create();
        long seq = 0;
        for (Command c : aChatOffered()) {
            EngineInput in = new EngineInput(1, ++seq, T0 + seq, "api", null, c);
            versionOne.add(downgradeEntry(CODEC.encodeEntry(JournalEntry.of(in, writer.apply(in)))));
        }
        // What version 1 wrote for an input it did not support yet: the caller's number in clear, and a refusal.
        ++seq;
        versionOne.add("{\"id\":\"1-" + seq + "\",\"schemaVersion\":1,\"input\":{\"epoch\":1,\"seq\":" + seq
                + ",\"at\":" + (T0 + seq) + ",\"source\":\"api\",\"idempotencyKey\":null,"
                + "\"command\":{\"type\":\"RequestCallback\",\"interactionId\":\"c1\",\"number\":\"07700900123\"}},"
                + "\"decision\":{\"seq\":" + seq + ",\"facts\":[],\"effects\":[{\"type\":\"Refused\","
                + "\"reason\":\"NOT_SUPPORTED_YET\",\"message\":\"RequestCallback is not supported yet\"}],"
                + "\"nextDeadlineAt\":" + writer.nextDeadline() + "}}");

        Recovery recovery = Recovery.from(null);
        List<JournalEntry> read = new ArrayList<>();
        for (String json : versionOne) {
            JournalEntry entry = CODEC.decodeEntry(json.getBytes(UTF_8));
            read.add(entry);
            recovery.apply(new Journal.Entry(entry.input(), entry.decision()));
        }

        assertThat(recovery.applied()).isEqualTo(versionOne.size());
        RoutingConfig config =
                ((Command.ConfigureRouting) read.getFirst().input().command()).config();
        assertThat(config.queue("billing").callbackAttempts()).isEqualTo(QueueConfig.DEFAULT_CALLBACK_ATTEMPTS);
        assertThat(config.channel("chat").disconnectGraceMillis()).isEqualTo(60_000);
        assertThat(read.get(3).decision().effects())
                .singleElement()
                .satisfies(e -> assertThat(((Effect.OfferToAgent) e).kind()).isEqualTo(OfferKind.CONNECT));
        assertThat(read.get(3).decision().facts())
                .filteredOn(f -> f instanceof Fact.OfferCreated)
                .singleElement()
                .satisfies(f -> assertThat(((Fact.OfferCreated) f).kind()).isEqualTo(OfferKind.CONNECT));
        EngineInput refused = read.getLast().input();
        assertThat(refused.command()).isEqualTo(new Command.RefusedAsNotSupported("RequestCallback"));
        assertThat(new String(CODEC.encodeEntry(read.getLast()), UTF_8)).doesNotContain("07700900123");
        assertThat(read.getLast().decision().effects())
                .containsExactly(new Effect.Refused(Refusal.NOT_SUPPORTED_YET, "RequestCallback is not supported yet"));
        assertThat(recovery.engine().lastSeq()).isEqualTo(seq);
    }

    @Test
    void aVersionOneSnapshotDecodesToTheSameState() throws Exception {
        RoutingEngine engine = RoutingEngine.create();
        long seq = 0;
        for (Command c : aChatOffered()) {
            engine.apply(new EngineInput(1, ++seq, T0 + seq, "api", null, c));
        }
        EngineSnapshot snapshot = engine.snapshot();

        EngineSnapshot read = CODEC.decodeSnapshot(
                downgradeSnapshot(CODEC.encodeSnapshot(snapshot)).getBytes(UTF_8));

        assertThat(read).isEqualTo(snapshot);
        assertThat(RoutingEngine.restore(read).stateHash()).isEqualTo(engine.stateHash());
    }

    /** A small centre configured, an advisor ready, and a chat offered to her. */
    private static List<Command> aChatOffered() {
        return List.of(
                new Command.ConfigureRouting(Centres.small()),
                new Command.DefineAgent("ann", List.of(), "council", "all"),
                new Command.LogIn("ann", true, Actor.agent("ann")),
                new Command.CreateInteraction(
                        "c1",
                        "chat",
                        Direction.INBOUND,
                        "chat:1",
                        null,
                        null,
                        Attributes.NONE,
                        QueueRequest.to("chat")));
    }

    /** The entry as version 1 wrote it: no offer kinds, no callback or disconnect settings. */
    private static String downgradeEntry(byte[] json) throws Exception {
        ObjectNode entry = (ObjectNode) JSON.readTree(json);
        entry.put("schemaVersion", 1);
        JsonNode command = entry.path("input").path("command");
        if (command.path("type").asText().equals("ConfigureRouting")) {
            downgradeConfig(command.path("config"));
        }
        entry.path("decision").path("facts").forEach(f -> ((ObjectNode) f).remove("kind"));
        entry.path("decision").path("effects").forEach(e -> ((ObjectNode) e).remove("kind"));
        return JSON.writeValueAsString(entry);
    }

    /** The snapshot as version 1 wrote it: without what the channels' edges keep. */
    private static String downgradeSnapshot(byte[] json) throws Exception {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(json);
        snapshot.put("schemaVersion", 1);
        downgradeConfig(snapshot.path("config"));
        for (JsonNode a : snapshot.path("agents")) {
            ((ObjectNode) a).remove("device");
            a.path("assignments").forEach(x -> ((ObjectNode) x).remove("consult"));
        }
        for (JsonNode i : snapshot.path("interactions")) {
            ((ObjectNode) i).remove(List.of("dialOut", "callback", "customerAway", "customerGrace", "consultOffer"));
        }
        return JSON.writeValueAsString(snapshot);
    }

    private static void downgradeConfig(JsonNode config) {
        config.path("channels").forEach(c -> ((ObjectNode) c).remove("disconnectGraceMillis"));
        config.path("queues")
                .forEach(q -> ((ObjectNode) q).remove(List.of("callbackAttempts", "callbackRetryDelayMillis")));
    }

    @Test
    void aConfigurationWrittenWithoutTheChannelsEdgesSettingsTakesTheirDefaults() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(CODEC.encodeValue(Centres.small()));
        downgradeConfig(tree);

        RoutingConfig read = new RoutingConfigForm(CODEC).read(tree, "");

        assertThat(read).isEqualTo(Centres.small());
    }
}
