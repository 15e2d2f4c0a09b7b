package io.firstcontact.ivr.voice;

import static io.firstcontact.ivr.rig.ScriptedAsterisk.hangUp;
import static io.firstcontact.ivr.rig.ScriptedAsterisk.keys;
import static io.firstcontact.ivr.rig.ScriptedAsterisk.silence;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.ScriptedAsterisk;
import io.firstcontact.ivr.rig.ScriptedAsterisk.Action;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IVR on the telephone: the same flows over FastAGI, spoken in the commands and replies Asterisk uses. */
class VoiceIvrTest {
    private final Rig rig = new Rig();
    private final VoiceIvr voice = new VoiceIvr(rig.ivr(), rig.recording);

    private ScriptedAsterisk.Result call(String number, Action... script) throws Exception {
        return ScriptedAsterisk.call(voice, new Call("call-1", "voice", number, null, null), List.of(script));
    }

    /** Pays the open PCN with the card, up to the receipt question. */
    private static List<Action> payment(TestCard card) {
        List<Action> a = new ArrayList<>();
        a.add(keys("1"));
        a.add(keys(Residents.keyed(Residents.PCN_OPEN)));
        a.add(keys("1"));
        a.add(keys(card.number()));
        a.add(keys("1229"));
        a.add(keys(card == TestCard.AMEX_APPROVED ? "1234" : "123"));
        return a;
    }

    @Test
    void theWelcomePlaysAndTheMenuIsAskedWithGetData() throws Exception {
        var r = call(Residents.MOBILE, hangUp());

        assertThat(r.asterisk().commands)
                .startsWith("STREAM FILE \"firstcontact/welcome\" \"\"", "GET DATA \"firstcontact/main-menu\" 8000 1");
        assertThat(r.ending()).isInstanceOf(Ending.CallerLeft.class);
    }

    @Test
    void aPaymentByKeypadReadsBackOnlyTheLastFourAndNoCommandCarriesACardDigit() throws Exception {
        List<Action> script = payment(TestCard.VISA_APPROVED);
        script.add(keys("3"));
        script.add(keys("2"));

        var r = call(Residents.MOBILE, script.toArray(Action[]::new));

        List<String> trace = r.asterisk().commands;
        assertThat(trace)
                .contains(
                        "GET DATA \"firstcontact/pay-card-number\" 20000 19",
                        "STREAM FILE \"firstcontact/pay-card-ending\" \"0123456789*#\"",
                        "SAY DIGITS \"1111\" \"0123456789*#\"",
                        "GET DATA \"firstcontact/pay-expiry\" 20000 4",
                        "GET DATA \"firstcontact/pay-security-code\" 20000 3");
        assertThat(String.join("\n", trace))
                .doesNotContain(TestCard.VISA_APPROVED.number())
                .doesNotContain("1229")
                .doesNotContain("SAY DIGITS \"123\"");
        assertThat(r.ending()).isEqualTo(new Ending.SelfServed(List.of("pay-pcn")));
        assertThat(rig.sandbox.chargesTaken()).isEqualTo(1);
        assertThat(rig.recording.asked).containsExactly("pause", "resume");
    }

    @Test
    void theAmountIsSaidInPoundsAndTheReferenceLetterByLetter() throws Exception {
        var r = call(Residents.MOBILE, keys("1"), keys(Residents.keyed(Residents.PCN_OPEN)), hangUp());

        assertThat(r.asterisk().commands)
                .containsSubsequence(
                        "STREAM FILE \"firstcontact/pay-confirm-pcn-1\" \"0123456789*#\"",
                        "SAY ALPHA \"" + Residents.PCN_OPEN + "\" \"0123456789*#\"",
                        "STREAM FILE \"firstcontact/pay-confirm-pcn-2\" \"0123456789*#\"",
                        "SAY NUMBER \"65\" \"0123456789*#\"",
                        "STREAM FILE \"firstcontact/say-pounds\" \"0123456789*#\"",
                        "GET DATA \"firstcontact/pay-confirm-pcn-3\" 8000 1");
    }

    @Test
    void aGetDataTimeoutIsSilenceAndTheMenuIsAskedAgain() throws Exception {
        var r = call(Residents.MOBILE, silence(), hangUp());

        assertThat(r.asterisk().replies).contains("200 result= (timeout)");
        assertThat(r.asterisk().commands)
                .containsSubsequence(
                        "GET DATA \"firstcontact/main-menu\" 8000 1",
                        "STREAM FILE \"firstcontact/no-entry\" \"0123456789*#\"",
                        "GET DATA \"firstcontact/main-menu\" 8000 1");
    }

    @Test
    void aCallerWhoHangsUpDuringCardEntryLeavesTheRecordingUnmutedAndNothingCharged() throws Exception {
        var r = call(
                Residents.MOBILE,
                keys("1"),
                keys(Residents.keyed(Residents.PCN_OPEN)),
                keys("1"),
                keys(TestCard.VISA_APPROVED.number()),
                hangUp());

        assertThat(r.asterisk().replies).contains("200 result=-1");
        assertThat(r.ending()).isInstanceOf(Ending.CallerLeft.class);
        assertThat(rig.recording.asked).containsExactly("pause", "resume");
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn ABANDONED");
        assertThat(rig.sandbox.chargesTaken()).isZero();
    }

    @Test
    void aDeadChannelAfterTheAnswerEndsTheCallAtTheNextCommand() throws Exception {
        var r = call(Residents.MOBILE, new Action.KeysThenHangUp("4"));

        assertThat(r.asterisk().replies)
                .containsSubsequence("HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(r.ending()).isInstanceOf(Ending.CallerLeft.class);
        assertThat(rig.recorded.outcomes()).containsExactly("opening-hours ABANDONED");
    }

    @Test
    void aHangUpWhileAPromptPlaysEndsTheCall() throws Exception {
        var r = call(Residents.MOBILE, new Action.HangUpDuringPrompt());

        assertThat(r.asterisk().replies).contains("200 result=-1 endpos=1280");
        assertThat(r.ending()).isInstanceOf(Ending.CallerLeft.class);
    }

    @Test
    void aKeyPressedDuringAPromptAnswersTheQuestion() throws Exception {
        var r = call(
                Residents.MOBILE,
                keys("1"),
                keys(Residents.keyed(Residents.PCN_OPEN)),
                new Action.BargeIn('1'),
                hangUp());

        assertThat(r.asterisk().replies).contains("200 result=49 endpos=960");
        assertThat(r.asterisk().commands)
                .doesNotContain("GET DATA \"firstcontact/pay-confirm-pcn-3\" 8000 1")
                .contains("GET DATA \"firstcontact/pay-card-number\" 20000 19");
    }

    @Test
    void aStatusIsSaidWithAsterisksOwnDatesAndDays() throws Exception {
        var r = call(Residents.MOBILE, keys("3"), hangUp());

        assertThat(r.asterisk().commands)
                .containsSubsequence(
                        "STREAM FILE \"firstcontact/sr-bin-scheduled-1\" \"\"",
                        "STREAM FILE \"firstcontact/type-missed-bin\" \"\"",
                        "STREAM FILE \"firstcontact/sr-bin-scheduled-2\" \"\"")
                .anySatisfy(c -> assertThat(c).matches("SAY DATETIME \\d+ \"\" \"dB\" \"Europe/London\""))
                .anySatisfy(c -> assertThat(c).matches("SAY DATETIME \\d+ \"\" \"A\" \"Europe/London\""));
    }

    @Test
    void theHandOverCarriesTheQueueAndWhatWasKeyed() throws Exception {
        var r = call(Residents.MOBILE, keys("1"), keys(Residents.keyed(Residents.PCN_UNKNOWN)));

        Ending.HandOver h = (Ending.HandOver) r.ending();
        assertThat(h.request().queue()).isEqualTo("parking");
        assertThat(h.attributes().get("pcnReference")).isEqualTo(Residents.PCN_UNKNOWN);
    }
}
