package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.agi.AgiScripts;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sample Asterisk configuration in {@code docs/asterisk} is the one the tests run against: the manager user has
 * exactly the classes the peer grants the adapter (and no dtmf, agi or dialplan), and the dialplan has the contexts and
 * scripts the adapter uses.
 */
class SampleConfigurationTest {
    private static final Path DOCS = Path.of("..", "docs", "asterisk");

    @Test
    void theSampleManagerUserHasTheLeastPrivilegeTheAdapterIsTestedWith() throws IOException {
        String section = section(Files.readString(DOCS.resolve("manager.conf")), "firstcontact");

        Set<String> read = classes(section, "read");
        Set<String> write = classes(section, "write");
        assertThat(read).isEqualTo(new TreeSet<>(AsteriskPeer.ROUTER.read()));
        assertThat(write).isEqualTo(new TreeSet<>(AsteriskPeer.ROUTER.write()));
        assertThat(read).doesNotContain("dtmf", "agi", "dialplan", "all");
        assertThat(write).doesNotContain("system", "command", "all");
    }

    @Test
    void theSampleDialplanHasEveryContextAndScriptTheAdapterUses() throws IOException {
        String dialplan = Files.readString(DOCS.resolve("extensions.conf"));
        VoiceOptions.Contexts c = VoiceOptions.Contexts.DEFAULT;
        for (String context :
                new String[] {c.holding(), c.connecting(), c.hold(), c.callback(), c.treatment(), c.outbound()}) {
            assertThat(dialplan).contains("[" + context + "]");
        }
        for (String script :
                new String[] {AgiScripts.ENTRY, AgiScripts.ANNOUNCE, AgiScripts.CALLBACK, AgiScripts.SMS_LINK}) {
            assertThat(dialplan).contains("AGI(agi://${FC_ROUTER}/" + script + ")");
        }
        assertThat(dialplan).contains("MixMonitor(${FC_RECORDING},b)");
        assertThat(section(dialplan, c.connecting()))
                .as("both advisors' legs of a consult outlast its bridge: a second Wait before the Hangup")
                .containsPattern(
                        "exten => consult,1,.*\\n same => n,Wait\\(3600\\).*\\n same => n,Wait\\(3600\\).*\\n same => n,Hangup\\(\\)");
        assertThat(dialplan)
                .as("the entry context forwards the callers the IVR puts through out of hours")
                .contains("GotoIf($[\"${FC_FORWARD}\" != \"\"]?" + c.outbound() + ",${FC_FORWARD},1)");
    }

    private static String section(String conf, String name) {
        int start = conf.indexOf("[" + name + "]");
        assertThat(start).as("section [" + name + "]").isNotNegative();
        int end = conf.indexOf("\n[", start + 1);
        return conf.substring(start, end < 0 ? conf.length() : end);
    }

    private static Set<String> classes(String section, String key) {
        for (String line : section.split("\n")) {
            String l = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
            String[] kv = l.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals(key)) {
                return new TreeSet<>(
                        Arrays.stream(kv[1].split(",")).map(String::strip).toList());
            }
        }
        throw new AssertionError("no " + key + " in the section");
    }
}
