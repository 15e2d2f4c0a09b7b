package io.firstcontact.benchmarks;

import io.firstcontact.benchmarks.load.Centre;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalEntry;
import io.firstcontact.router.journal.PersonalData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What sealing personal attributes costs the journal: one arrival's entry (a {@code CreateInteraction} carrying what
 * an IVR hands over — the menu choice, the caller's name, a UPRN — with the engine's decision for it) written and read, with the two
 * personal values sealed ({@code sealed}, the load centre's classification) or, as the baseline in the same run,
 * every attribute classified DISPLAY and written in clear ({@code clear}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JournalCodecBenchmark {

    @Param({"clear", "sealed"})
    public String attributes;

    private static final long AT = 1_700_000_000_000L;

    private JournalCodec codec;
    private JournalEntry entry;
    private byte[] encoded;

    @Setup
    public void setUp() {
        RoutingConfig centre = new Centre(10, 100, 10, 42).config();
        RoutingConfig config = attributes.equals("sealed")
                ? centre
                : new RoutingConfig(
                        centre.version(),
                        centre.channels(),
                        centre.skills(),
                        centre.queues(),
                        centre.utilisationProfiles(),
                        centre.routingProfiles(),
                        centre.notReadyReasons(),
                        List.of(
                                new AttributeDefinition("ivrChoice", AttributeClass.DISPLAY),
                                new AttributeDefinition("callerName", AttributeClass.DISPLAY),
                                new AttributeDefinition("uprn", AttributeClass.DISPLAY)),
                        centre.policy());
        PersonalData personal = PersonalData.withKey(PersonalData.newKey());
        personal.follow(config);
        codec = new JournalCodec(personal);
        // The entry as the host journals it: the input with the engine's own decision for it (nobody is staffed,
        // so the call is created and waits).
        RoutingEngine engine = RoutingEngine.create();
        engine.apply(new EngineInput(3, 1, AT, "admin", null, new Command.ConfigureRouting(config)));
        String queue = Centre.frontQueue(0);
        EngineInput input = new EngineInput(
                3,
                2,
                AT,
                "api",
                "k-2",
                new Command.CreateInteraction(
                        "i-2",
                        Centre.CHANNEL,
                        Direction.INBOUND,
                        "load:2",
                        null,
                        null,
                        Attributes.of("ivrChoice", queue, "callerName", "Caller 2", "uprn", "100000123456"),
                        QueueRequest.to(queue)));
        Decision decision = engine.apply(input);
        entry = JournalEntry.of(input, decision);
        encoded = codec.encodeEntry(entry);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encodeEntry(entry);
    }

    @Benchmark
    public JournalEntry decode() {
        return codec.decodeEntry(encoded);
    }
}
