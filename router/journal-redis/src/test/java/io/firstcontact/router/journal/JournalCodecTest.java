package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
    /** The samples' attributes in clear, so that the bytes can be compared (sealed ones: see PersonalDataTest). */
    static final JournalCodec CODEC = TestCodecs.keyed("reason", "name", Command.RequestCallback.NUMBER);

    static EngineInput input(long seq, Command c) {
        return new EngineInput(3, seq, 1_700_000_000_000L + seq, "api", null, c);
    }

    @Test
    void theSamplesCoverEveryCommandFactAndEffect() {
        TreeSet<String> sampled = new TreeSet<>();
        Samples.commands().forEach(c -> sampled.add(c.getClass().getSimpleName()));
        Samples.facts().forEach(f -> sampled.add(f.getClass().getSimpleName()));
        Samples.effects().forEach(e -> sampled.add(e.getClass().getSimpleName()));
        assertThat(sampled).containsExactlyElementsOf(CODEC.typeNames().keySet());
    }

    @Test
    void everyCommandRoundTrips() {
        long seq = 1;
        for (Command c : Samples.commands()) {
            EngineInput in = input(seq++, c);
            byte[] json = CODEC.encodeInput(in);
            assertThat(CODEC.decodeInput(json)).as(c.type()).isEqualTo(in);
            assertThat(CODEC.encodeInput(CODEC.decodeInput(json))).as(c.type()).isEqualTo(json);
            assertThat(new String(json, UTF_8)).contains("\"command\":{\"type\":\"" + c.type() + "\"");
        }
    }

    @Test
    void everyFactAndEffectRoundTrips() {
        Decision d = new Decision(12, Samples.facts(), Samples.effects(), Decision.NO_DEADLINE);
        byte[] json = CODEC.encodeDecision(d);
        assertThat(CODEC.decodeDecision(json)).isEqualTo(d);
        assertThat(CODEC.encodeDecision(CODEC.decodeDecision(json))).isEqualTo(json);
        for (Fact f : Samples.facts()) {
            Decision one = new Decision(1, List.of(f), List.of(), 5);
            assertThat(CODEC.decodeDecision(CODEC.encodeDecision(one))).isEqualTo(one);
        }
        for (Effect e : Samples.effects()) {
            Decision one = new Decision(1, List.of(), List.of(e), 5);
            assertThat(CODEC.decodeDecision(CODEC.encodeDecision(one))).isEqualTo(one);
        }
    }

    @Test
    void aFullConfigurationRoundTrips() {
        RoutingConfig config = Samples.fullConfig();
        EngineInput in = input(1, new Command.ConfigureRouting(config));
        byte[] json = CODEC.encodeInput(in);
        EngineInput back = CODEC.decodeInput(json);
        assertThat(((Command.ConfigureRouting) back.command()).config()).isEqualTo(config);
        assertThat(CODEC.encodeInput(back)).isEqualTo(json);
    }

    @Test
    void equalValuesEncodeToEqualBytes() {
        for (int i = 0; i < 3; i++) {
            assertThat(CODEC.encodeInput(input(1, new Command.ConfigureRouting(Samples.fullConfig()))))
                    .isEqualTo(new JournalCodec()
                            .encodeInput(input(1, new Command.ConfigureRouting(Samples.fullConfig()))));
        }
    }

    /** The wire format, exactly: it changes only on purpose (and then with a schema version and an upcaster). */
    @Test
    void goldenEntry() {
        EngineInput in = new EngineInput(
                2,
                41,
                1_700_000_000_000L,
                "genesys",
                "k-41",
                new Command.CreateInteraction(
                        "i7",
                        "voice",
                        Direction.INBOUND,
                        "call-7",
                        null,
                        "cust-1",
                        Attributes.of("reason", "bins"),
                        QueueRequest.to("general")));
        Decision d = new Decision(
                41,
                List.of(
                        new Fact.InteractionCreated(
                                "i7", "voice", Direction.INBOUND, "call-7", null, "cust-1", 1_700_000_000_000L),
                        new Fact.VisitStarted(
                                "i7", "v1", "general", 1_700_000_000_000L, 1_700_000_030_000L, 1, 0, false)),
                List.of(),
                Decision.NO_DEADLINE);
        String golden = """
                {"id":"2-41","schemaVersion":3,\
                "input":{"epoch":2,"seq":41,"at":1700000000000,"source":"genesys","idempotencyKey":"k-41",\
                "command":{"type":"CreateInteraction","interactionId":"i7","channel":"voice","direction":"INBOUND",\
                "sourceRef":"call-7","conversationId":null,"customerRef":"cust-1",\
                "attributes":{"entries":[{"name":"reason","value":"bins"}]},\
                "queue":{"queue":"general","requirements":null,"tier":0,"ageBonusMillis":0,"targets":[],\
                "expectedWaitHintMillis":-1,"waitStartedAt":-1}}},\
                "decision":{"seq":41,"facts":[\
                {"type":"InteractionCreated","interactionId":"i7","channel":"voice","direction":"INBOUND",\
                "sourceRef":"call-7","conversationId":null,"customerRef":"cust-1","arrivedAt":1700000000000},\
                {"type":"VisitStarted","interactionId":"i7","visitId":"v1","queue":"general",\
                "enteredAt":1700000000000,"dueAt":1700000030000,"order":1,"tier":0,"inherited":false}],\
                "effects":[],"nextDeadlineAt":9223372036854775807}}""";
        byte[] json = CODEC.encodeEntry(JournalEntry.of(in, d));
        assertThat(new String(json, UTF_8)).isEqualTo(golden);
        assertThat(CODEC.decodeEntry(golden.getBytes(UTF_8))).isEqualTo(JournalEntry.of(in, d));
    }

    /** Not a timing assertion: 10,000 typical inputs are written and read without anything pathological. */
    @Test
    void tenThousandTypicalInputsEncode() {
        List<Command> typical = new ArrayList<>();
        for (Command c : Samples.commands()) {
            if (!(c instanceof Command.ConfigureRouting)) {
                typical.add(c);
            }
        }
        long bytes = 0;
        for (int i = 0; i < 10_000; i++) {
            EngineInput in = input(i + 1, typical.get(i % typical.size()));
            byte[] json = CODEC.encodeInput(in);
            bytes += json.length;
            if (i % 100 == 0) {
                assertThat(CODEC.decodeInput(json)).isEqualTo(in);
            }
        }
        assertThat(bytes / 10_000).as("average input size").isBetween(60L, 600L);
    }

    @Test
    void twoRecordsWithOneSimpleNameAreRefusedAtConstruction() {
        assertThatThrownBy(() -> SealedTypes.leavesByName(List.of(Clash.A.class, Clash.B.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("share the name Same");
        assertThatThrownBy(() -> SealedTypes.leavesByName(List.of(Clash.Nested.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("share the name Same");
        assertThat(SealedTypes.leavesByName(List.of(Command.class))).containsKeys("CreateInteraction", "Park");
    }

    /** Test-only hierarchies with clashing names. */
    static final class Clash {
        sealed interface A {
            record Same() implements A {}
        }

        sealed interface B {
            record Same() implements B {}
        }

        sealed interface Nested {
            record Same() implements Nested {}

            sealed interface Inner extends Nested {
                record Same() implements Inner {}
            }
        }
    }
}
