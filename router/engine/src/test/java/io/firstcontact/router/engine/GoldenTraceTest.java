package io.firstcontact.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.engine.internal.Invariants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The demo morning's decisions, hashed in order, must match the committed hash: any change in what the engine decides
 * (order, ids, facts, effects, deadlines) shows up here and is committed only on purpose.
 */
class GoldenTraceTest {
    static final String RESOURCE = "golden/demo-morning.sha256";
    static final String UPDATE_PROPERTY = "golden.update";

    @Test
    void demoMorningDecidesExactlyAsCommitted() throws IOException {
        DemoMorning.Result morning = DemoMorning.run();

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, morning.hash() + "\n", StandardCharsets.UTF_8);
            fail("golden trace updated; review and commit " + file.getFileName() + " (" + morning + ")");
        }

        String expected = expectedHash();
        if (!morning.hash().equals(expected)) {
            fail("the demo morning's decisions changed: expected " + expected + " but got " + morning.hash()
                    + ". If the change is intended, run the tests with -D" + UPDATE_PROPERTY
                    + "=true to rewrite src/test/resources/" + RESOURCE
                    + ", then review and commit it. Morning: " + morning);
        }
    }

    @Test
    void demoMorningIsAPlausibleMorning() {
        DemoMorning.Result m = DemoMorning.run();
        int voiceEnded = m.voiceAnswered() + m.voiceAbandoned();
        assertThat(m.calls()).as("calls").isBetween(600, 900);
        assertThat(m.decisions()).as("decisions").isGreaterThan(4_000);
        assertThat(m.refused())
                .as("commands refused (the morning only sends what fits)")
                .isZero();
        assertThat(m.selfServed()).as("self-served in the IVR").isPositive();
        assertThat(m.voiceAnswered()).as("most calls answered").isGreaterThan(voiceEnded * 3 / 4);
        assertThat(m.voiceAbandoned()).as("some callers gave up").isPositive();
        assertThat(m.voiceAnsweredWithinSl()).as("some within 30 s").isGreaterThan(m.voiceAnswered() / 4);
        assertThat(m.voiceAnsweredWithinSl()).as("not all within 30 s").isLessThan(m.voiceAnswered());
        assertThat(m.chatsAnswered()).as("chats answered").isPositive();
        assertThat(m.emailsAnswered()).as("emails answered").isPositive();
        assertThat(m.ronas()).as("some offers rang out").isPositive();
        assertThat(m.rejects()).as("some offers were rejected").isPositive();
    }

    @Test
    void demoMorningDecidesTheSameWithTheNaiveOracleAndKeepsEveryInvariant() {
        Driver played = DemoMorning.played();
        RoutingEngine naive = Oracle.create();
        RoutingEngine indexed = RoutingEngine.create();
        Invariants naiveInvariants = new Invariants();
        Invariants indexedInvariants = new Invariants();
        for (int k = 0; k < played.inputs().size(); k++) {
            EngineInput in = played.inputs().get(k);
            Decision expected = played.decisions().get(k);
            Decision byOracle = naive.apply(in);
            Decision again = indexed.apply(in);
            assertThat(byOracle.toString()).as("oracle, input %s", in).isEqualTo(expected.toString());
            assertThat(again.toString()).as("replay, input %s", in).isEqualTo(expected.toString());
            naiveInvariants.check(naive.core(), byOracle);
            indexedInvariants.check(indexed.core(), again);
        }
        assertThat(indexed.stateHash()).isEqualTo(played.engine().stateHash());
    }

    @Test
    void demoMorningIsTheSameEveryTime() {
        assertThat(DemoMorning.run()).isEqualTo(DemoMorning.run());
    }

    private static String expectedHash() throws IOException {
        try (InputStream in = GoldenTraceTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                fail("no committed golden hash at src/test/resources/" + RESOURCE + "; run the tests with -D"
                        + UPDATE_PROPERTY + "=true to create it, then review and commit it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
