package io.firstcontact.channels.voice.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.Await;
import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.peer.Transcript;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.InvalidCommandSyntaxException;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.junit.jupiter.api.Test;

/**
 * The recorded FastAGI sessions of Asterisk 20, replayed against the adapter's FastAGI front end: Asterisk's own bytes
 * (the environment in two chunks, each {@code 200 result=} line, {@code 510}, the multi-line {@code 520}, the bare
 * {@code HANGUP} before a {@code 511}) answer a script that runs the same commands, and the script reads every reply as
 * Asterisk meant it.
 */
class RecordedAgiSessionTest {

    /** The commands of {@code agi-payment-session.txt}, in order, with what the script made of each reply. */
    static final class PaymentScript implements AgiScript {
        final List<String> observed = new CopyOnWriteArrayList<>();

        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            observed.add("script=" + request.getScript() + " args=" + String.join(",", request.getArguments()));
            observed.add("channel=" + request.getChannel() + " uniqueid=" + request.getUniqueId());
            channel.answer();
            channel.verbose("payment flow started", 1);
            channel.streamFile("beep");
            observed.add("data=" + channel.getData("beep", 8000, 6));
            channel.sayDigits("1234");
            channel.setVariable("PAYMENT_RESULT", "approved");
            observed.add("var=" + channel.getVariable("PAYMENT_RESULT"));
            observed.add("unset=" + channel.getVariable("NO_SUCH_VARIABLE"));
            observed.add("full=" + channel.getFullVariable("${CALLERID(num)}|${CHANNEL}"));
            channel.exec("NoOp", "hello from FastAGI");
            channel.exec("Playback", "beep");
            observed.add("status=" + channel.getChannelStatus());
            observed.add("timeout=" + channel.getData("beep", 3000, 4));
            observed.add("digit=" + (int) channel.waitForDigit(2000));
            try {
                channel.sendCommand(new org.asteriskjava.fastagi.command.AbstractAgiCommand() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String buildCommand() {
                        return "FOO BAR";
                    }
                });
            } catch (InvalidOrUnknownCommandException e) {
                observed.add("510");
            }
            try {
                channel.sendCommand(new org.asteriskjava.fastagi.command.AbstractAgiCommand() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String buildCommand() {
                        return "GET DATA";
                    }
                });
            } catch (InvalidCommandSyntaxException e) {
                observed.add("520");
            }
            observed.add("hangup-digit=" + (int) channel.waitForDigit(60000));
            try {
                channel.streamFile("beep");
            } catch (AgiHangupException e) {
                observed.add("dead");
            }
            observed.add("still=" + channel.getVariable("PAYMENT_RESULT"));
            channel.verbose("payment flow ends", 1);
        }
    }

    @Test
    void everyReplyOfTheRecordedPaymentSessionReadsAsAsteriskMeantIt() throws Exception {
        PaymentScript script = new PaymentScript();
        try (AgiFrontEnd agi = new AgiFrontEnd(new VoiceOptions.Agi("127.0.0.1", 0, 10), Map.of("payment", script))) {
            int port = agi.start();
            List<String> commands = replay(Transcript.load("agi-payment-session.txt"), port);

            Await.until(() -> script.observed.contains("still=approved"), "the script to end");
            assertThat(script.observed)
                    .containsExactly(
                            "script=payment args=arg1,arg2",
                            "channel=Local/payment@ivr-00000008;2 uniqueid=1795390414.19",
                            "data=1234",
                            "var=approved",
                            "unset=null",
                            "full=5559876|Local/payment@ivr-00000008;2",
                            "status=6",
                            "timeout=",
                            "digit=0",
                            "510",
                            "520",
                            // Asterisk-Java reads "200 result=-1" (hung up while waiting) as no digit: the scripts
                            // learn of the hang-up from the next command's 511, as here.
                            "hangup-digit=0",
                            "dead",
                            "still=approved");
            assertThat(commands).hasSize(20).first().isEqualTo("ANSWER");
        }
    }

    /**
     * Plays Asterisk's side: the chunks it sent before the first command, then, for each command the script sends, the
     * chunks Asterisk sent before the next one. Returns the commands read.
     */
    private static List<String> replay(Transcript t, int port) throws Exception {
        List<List<byte[]>> answers = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        answers.add(current);
        for (Transcript.Chunk c : t.chunks()) {
            if (c.from().equals("S")) {
                current = new ArrayList<>();
                answers.add(current);
            } else {
                current.add(c.bytes());
            }
        }
        List<String> commands = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < answers.size(); i++) {
                if (i > 0) {
                    String command = in.readLine();
                    if (command == null) {
                        break;
                    }
                    commands.add(command);
                }
                for (byte[] chunk : answers.get(i)) {
                    out.write(chunk);
                    out.flush();
                }
            }
        }
        return commands;
    }
}
