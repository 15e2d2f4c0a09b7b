package io.firstcontact.channels.voice.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.AsteriskConfigFile;
import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.agi.AgiScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample dialplan ({@code docs/asterisk/extensions.conf}) read line by line as Asterisk reads it: every place the
 * adapter's default configuration sends a channel (Originate, Redirect, BlindTransfer) is an extension there at
 * priority 1 — Asterisk refuses an Originate to a missing one ("Extension does not exist.") and hangs up a channel
 * redirected to one — and every script it calls is one the FastAGI front end serves.
 */
class SampleDialplanTest {
    private static final VoiceOptions.Contexts CONTEXTS = VoiceOptions.Contexts.DEFAULT;
    /** Asterisk's start extension: where the adapter sends a channel that has no extension of its own. */
    private static final String START = "s";

    private static AsteriskConfigFile dialplan;

    @BeforeAll
    static void read() throws IOException {
        dialplan = AsteriskConfigFile.read(Path.of("..", "docs", "asterisk", "extensions.conf"));
    }

    @Test
    void advisorsPhonesAreRungIntoExtensionsThatExist() {
        // Dialler: an offer's leg, a consulted colleague's; Callbacks: the customer's leg
        assertExists(CONTEXTS.connecting(), START);
        assertExists(CONTEXTS.connecting(), Consults.EXTEN);
        assertExists(CONTEXTS.callback(), START);
    }

    @Test
    void holdsAndConsultsMoveBothPartiesToExtensionsThatExist() {
        assertExists(CONTEXTS.hold(), START);
        assertExists(CONTEXTS.connecting(), Holds.EXTEN);
        assertExists(CONTEXTS.connecting(), Consults.EXTEN);
    }

    @Test
    void aCallerTransferredBackToAQueueWaitsInTheHoldingContext() {
        assertExists(CONTEXTS.holding(), START);
    }

    @Test
    void transfersOutReachTheTrunkWithNationalAndInternationalNumbers() {
        assertThat(dialplan.find(CONTEXTS.outbound(), "02079460000", 1))
                .get()
                .extracting(s -> s.app())
                .isEqualTo("Dial");
        assertThat(dialplan.find(CONTEXTS.outbound(), "+442079460000", 1))
                .get()
                .extracting(s -> s.app())
                .isEqualTo("Dial");
    }

    @Test
    void everyTreatmentTheAdapterCanAskForIsPlayed() {
        assertThat(dialplan.find(CONTEXTS.treatment(), Switchboard.treatmentExten(null), 1))
                .get()
                .extracting(s -> s.data())
                .isEqualTo("fc-closed");
        for (String action : List.of("queue-full", "Max_Wait", "2nd-message", "x")) {
            String exten = Switchboard.treatmentExten(action);
            assertThat(dialplan.find(CONTEXTS.treatment(), exten, 1))
                    .as("treatment %s (extension %s)", action, exten)
                    .get()
                    .extracting(s -> s.app())
                    .isEqualTo("Playback");
        }
    }

    @Test
    void callsArriveWhicheverWayTheTrunkGivesTheDialledNumber() {
        for (String dialled : List.of("02079460000", "+442079460000", "s")) {
            assertThat(dialplan.find("fc-entry", dialled, 1))
                    .as("a call for %s", dialled)
                    .isPresent();
        }
    }

    @Test
    void waitingCallersKeysAndTheAnnouncementTimeoutHaveExtensions() {
        assertThat(scriptAt(CONTEXTS.holding(), "1")).isEqualTo(AgiScripts.CALLBACK);
        assertThat(scriptAt(CONTEXTS.holding(), "2")).isEqualTo(AgiScripts.SMS_LINK);
        assertThat(scriptAt(CONTEXTS.holding(), "t")).isEqualTo(AgiScripts.ANNOUNCE);
        assertExists(CONTEXTS.holding(), "i");
    }

    @Test
    void everyScriptTheDialplanCallsIsOneTheFrontEndServes() {
        Set<String> called = dialplan.sections().keySet().stream()
                .filter(c -> !c.equals("globals"))
                .flatMap(c -> dialplan.steps(c).stream())
                .filter(s -> s.app().equals("AGI"))
                .map(s -> script(s.data()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(called)
                .containsExactlyInAnyOrder(
                        AgiScripts.ENTRY, AgiScripts.ANNOUNCE, AgiScripts.CALLBACK, AgiScripts.SMS_LINK);
        assertThat(dialplan.value("globals", "FC_ROUTER"))
                .as("the FastAGI address the AGI() lines use")
                .isPresent();
    }

    @Test
    void everyLineRunsAnApplicationAsteriskHas() {
        // The applications of a stock Asterisk 18, 20 and 22 (pbx_builtins.c, apps/) that the sample uses.
        Set<String> known = Set.of(
                "Answer",
                "AGI",
                "Dial",
                "ExecIf",
                "Goto",
                "GotoIf",
                "Hangup",
                "MixMonitor",
                "MusicOnHold",
                "NoOp",
                "Playback",
                "Wait",
                "WaitExten");
        dialplan.sections().keySet().stream()
                .filter(c -> !c.equals("globals"))
                .flatMap(c -> dialplan.steps(c).stream())
                .forEach(s ->
                        assertThat(known).as("line %d: %s", s.line(), s.app()).contains(s.app()));
    }

    @Test
    void everyExtensionStartsAtPriorityOne() {
        for (String context : dialplan.sections().keySet()) {
            if (context.equals("globals")) {
                continue;
            }
            List<AsteriskConfigFile.Step> steps = dialplan.steps(context);
            steps.stream()
                    .map(AsteriskConfigFile.Step::exten)
                    .distinct()
                    .forEach(e -> assertThat(steps).as("%s,%s", context, e).anySatisfy(s -> {
                        assertThat(s.exten()).isEqualTo(e);
                        assertThat(s.priority()).isEqualTo(1);
                    }));
        }
    }

    @Test
    void theAdvisorsLegIsRecordedUnderTheNameTheAdapterGivesIt() {
        assertThat(dialplan.find(CONTEXTS.connecting(), START, 2))
                .get()
                .extracting(s -> s.data())
                .isEqualTo("$[\"${FC_RECORDING}\" != \"\"]?MixMonitor(${FC_RECORDING},b)");
    }

    @Test
    void bothAdvisorsLegsOfAConsultOutlastItsBridge() {
        // When one advisor hangs up, Asterisk sends the other on to the next priority: a second Wait, where the
        // adapter bridges them to the caller.
        assertThat(List.of(2, 3, 4))
                .extracting(p -> dialplan.find(CONTEXTS.connecting(), Consults.EXTEN, p)
                        .map(AsteriskConfigFile.Step::app)
                        .orElse("none"))
                .containsExactly("Wait", "Wait", "Hangup");
    }

    @Test
    void aCallerTheIvrForwardsOutOfHoursLeavesThroughTheOutboundContext() {
        assertThat(dialplan.steps("fc-entry"))
                .anySatisfy(s -> assertThat(s.data())
                        .isEqualTo("$[\"${FC_FORWARD}\" != \"\"]?" + CONTEXTS.outbound() + ",${FC_FORWARD},1"));
    }

    private static void assertExists(String context, String exten) {
        assertThat(dialplan.find(context, exten, 1))
                .as("%s,%s,1", context, exten)
                .isPresent();
    }

    private static String scriptAt(String context, String exten) {
        return dialplan.find(context, exten, 1)
                .filter(s -> s.app().equals("AGI"))
                .map(s -> script(s.data()))
                .orElseThrow(() -> new AssertionError(context + "," + exten + ",1 runs no AGI script"));
    }

    /** {@code agi://${FC_ROUTER}/name} → {@code name}. */
    private static String script(String agiData) {
        assertThat(agiData).startsWith("agi://${FC_ROUTER}/");
        return agiData.substring("agi://${FC_ROUTER}/".length());
    }
}
