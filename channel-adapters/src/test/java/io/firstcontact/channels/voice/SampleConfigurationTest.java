package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AsteriskPeer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sample manager user in {@code docs/asterisk/manager.conf} against what Asterisk asks of it: every event the
 * adapter takes is in a read class it has, every action the adapter sends is allowed by a write class it has, it has
 * nothing more (no dtmf, agi or dialplan: those events carry the digits callers key), and it is the user the tests run
 * the adapter with.
 */
class SampleConfigurationTest {
    private static final Path DOCS = Path.of("..", "docs", "asterisk");

    /**
     * The read class of each event the adapter takes (AmiTranslator), as Asterisk 18, 20 and 22 raise it:
     * main/manager_channels.c (Newchannel, Newstate, Hangup, Hold, Unhold), main/manager_bridges.c (BridgeEnter,
     * BridgeLeave), main/manager.c (OriginateResponse), main/devicestate.c (DeviceStateChange), main/asterisk.c
     * (FullyBooted).
     */
    private static final Map<String, String> EVENTS = Map.of(
            "Newchannel", "call",
            "Newstate", "call",
            "Hangup", "call",
            "Hold", "call",
            "Unhold", "call",
            "BridgeEnter", "call",
            "BridgeLeave", "call",
            "OriginateResponse", "call",
            "DeviceStateChange", "call",
            "FullyBooted", "system");

    /** Every action the adapter sends, and CoreSettings, which Asterisk-Java sends after the login to learn the version. */
    private static final List<String> ACTIONS = List.of(
            "Originate",
            "Redirect",
            "Bridge",
            "BlindTransfer",
            "Hangup",
            "Status",
            "DeviceStateList",
            "MixMonitorMute",
            "CoreSettings");

    @Test
    void theManagerUserReceivesEveryEventTheAdapterTakes() throws IOException {
        Set<String> read = classes("read");

        EVENTS.forEach((event, eventClass) -> assertThat(read).as(event).contains(eventClass));
        assertThat(new TreeSet<>(Set.of(VoiceOptions.Ami.EVENTS.split(","))))
                .as("the event mask the adapter logs in with")
                .isEqualTo(read);
    }

    @Test
    void theManagerUserNeverReceivesWhatCallersKey() throws IOException {
        // DTMFBegin/DTMFEnd are EVENT_FLAG_DTMF, AGIExecStart/End EVENT_FLAG_AGI, Newexten/VarSet EVENT_FLAG_DIALPLAN
        assertThat(classes("read")).doesNotContain("dtmf", "agi", "dialplan", "all");
    }

    @Test
    void theManagerUserMaySendEveryActionTheAdapterSends() throws IOException {
        Set<String> write = classes("write");

        for (String action : ACTIONS) {
            Set<String> allowing = AsteriskPeer.writeClassesFor(action);
            assertThat(allowing).as(action).isNotNull();
            assertThat(write).as(action + " needs one of " + allowing).containsAnyOf(allowing.toArray(String[]::new));
        }
    }

    @Test
    void theManagerUserCanRunNoShellCommand() throws IOException {
        // system: Originate of System()/Exec()/AGI(); command: any CLI command
        assertThat(classes("write")).doesNotContain("system", "command", "config", "all");
    }

    @Test
    void theSampleManagerUserIsTheOneTheAdapterIsTestedWith() throws IOException {
        assertThat(classes("read")).isEqualTo(new TreeSet<>(AsteriskPeer.ROUTER.read()));
        assertThat(classes("write")).isEqualTo(new TreeSet<>(AsteriskPeer.ROUTER.write()));
    }

    private static Set<String> classes(String key) throws IOException {
        return AsteriskConfigFile.read(DOCS.resolve("manager.conf")).items("firstcontact", key);
    }
}
