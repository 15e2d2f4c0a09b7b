package io.firstcontact.ivr.voice;

import static io.firstcontact.ivr.rig.ScriptedAsterisk.hangUp;
import static io.firstcontact.ivr.rig.ScriptedAsterisk.keys;
import static io.firstcontact.ivr.rig.ScriptedAsterisk.silence;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.ScriptedAsterisk;
import io.firstcontact.ivr.rig.ScriptedAsterisk.Action;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scripted Asterisk answers as the real one did: every reply it gives has the form of a reply in the recorded
 * FastAGI sessions (numbers aside), but for the two forms the recordings lack, which Asterisk's AGI gives for a key
 * pressed or a hang-up during {@code STREAM FILE} ({@code 200 result=<key or -1> endpos=<n>}).
 */
class ScriptedAsteriskFidelityTest {
    /** Forms Asterisk documents for STREAM FILE that the recordings happen not to hold. */
    private static final Set<String> DOCUMENTED = Set.of("200 result=-1 endpos=N");

    @Test
    void everyReplyHasTheFormOfARecordedOne() throws Exception {
        Set<String> recorded = new TreeSet<>();
        for (String file : List.of("agi-payment-session.txt", "agi-card-entry-session.txt")) {
            recorded.addAll(forms(repliesIn(file)));
        }
        List<String> given = new ArrayList<>();
        for (List<Action> script : List.<List<Action>>of(
                List.<Action>of(silence(), hangUp()),
                List.of(
                        keys("1"),
                        keys(Residents.keyed(Residents.PCN_OPEN)),
                        new Action.BargeIn('1'),
                        keys("4111111111111111"),
                        hangUp()),
                List.<Action>of(new Action.KeysThenHangUp("4")),
                List.<Action>of(new Action.HangUpDuringPrompt()))) {
            Rig rig = new Rig();
            given.addAll(ScriptedAsterisk.call(
                            new VoiceIvr(rig.ivr(), rig.recording),
                            new Call("call-1", "voice", Residents.MOBILE, null, null),
                            script)
                    .asterisk()
                    .replies);
        }

        Set<String> unrecorded = new TreeSet<>(forms(given));
        unrecorded.removeAll(recorded);
        unrecorded.removeAll(DOCUMENTED);

        assertThat(unrecorded).isEmpty();
        assertThat(forms(given))
                .contains(
                        "HANGUP",
                        "511 Command Not Permitted on a dead channel or intercept routine",
                        "200 result= (timeout)",
                        "200 result=-1",
                        "200 result=N",
                        "200 result=N endpos=N");
    }

    @Test
    void theRecordingsHoldTheFormsTheFrontEndReadsAsAHangUp() throws IOException {
        assertThat(forms(repliesIn("agi-payment-session.txt")))
                .contains(
                        "200 result=-1", "HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
    }

    /** Replies with their numbers replaced: {@code 200 result=1234} and {@code 200 result=0 endpos=3520} become N. */
    private static Set<String> forms(List<String> replies) {
        Set<String> forms = new TreeSet<>();
        for (String r : replies) {
            forms.add(r.replaceAll("result=[0-9]+", "result=N").replaceAll("endpos=[0-9]+", "endpos=N"));
        }
        return forms;
    }

    /** The A->S lines of a recording after its environment block. */
    private static List<String> repliesIn(String file) throws IOException {
        String text;
        try (InputStream in = ScriptedAsteriskFidelityTest.class.getResourceAsStream("/asterisk/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> replies = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean fromAsterisk = false;
        for (String line : lines) {
            if (line.startsWith("#### ")) {
                fromAsterisk = line.contains("A->S");
            } else if (fromAsterisk && !line.startsWith("#") && !line.startsWith("agi_") && !line.isEmpty()) {
                replies.add(line);
            }
        }
        return replies;
    }
}
