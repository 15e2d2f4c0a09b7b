package io.firstcontact.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.rig.Documents;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prompt's words become a sound file Asterisk plays: the list of sounds the demo flows need, and the script
 * that speaks them with espeak-ng and converts them with sox (both Debian packages, installed by {@code .ci/run}).
 */
class SoundFilesTest {
    @TempDir
    Path dir;

    @Test
    void everySpokenStretchOfTheDemoFlowsHasItsSoundAndWords() {
        Map<String, String> sounds = SoundList.sounds(FlowsReader.read(Documents.demo()));

        assertThat(sounds)
                .containsEntry("firstcontact/welcome", "Welcome to Harrow Council.")
                .containsEntry("firstcontact/pay-confirm-pcn-1", "Penalty charge notice")
                .containsEntry("firstcontact/say-pounds", "pounds");
        assertThat(sounds.keySet()).allMatch(s -> s.startsWith("firstcontact/"));
    }

    @Test
    void theScriptMakesEightKilohertzMonoFilesAsteriskPlays() throws Exception {
        Path list = dir.resolve("sounds.tsv");
        Files.writeString(list, "firstcontact/welcome\tWelcome to Harrow Council.\nfirstcontact/say-and\tand\n");
        Path out = dir.resolve("en");

        Process p = new ProcessBuilder(
                        "bash", "sounds/make-sounds.sh", "--list", list.toString(), "--out", out.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).contains("2 sound files");
        for (String name : new String[] {"welcome", "say-and"}) {
            Path wav = out.resolve("firstcontact/" + name + ".wav");
            assertThat(wav).exists();
            assertThat(format(wav)).isEqualTo("8000 Hz, 1 channel(s), 16 bit");
        }
    }

    /** The sample rate, channels and bits of a WAV file, from its header. */
    private static String format(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(b.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        return b.getInt(24) + " Hz, " + b.getShort(22) + " channel(s), " + b.getShort(34) + " bit";
    }
}
