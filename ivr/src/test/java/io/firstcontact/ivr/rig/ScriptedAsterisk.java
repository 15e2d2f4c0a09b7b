package io.firstcontact.ivr.rig;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.voice.VoiceIvr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;

/**
 * A call into the IVR over a real FastAGI socket: Asterisk-Java's own FastAGI handler runs {@link VoiceIvr} on one
 * side, and this scripted Asterisk on the other sends the {@code agi_*} environment and answers every command in the
 * forms the recorded sessions ({@code src/test/resources/asterisk/agi-*.txt}) show: {@code 200 result=0 endpos=N} for
 * a file played, {@code 200 result=<digits>} or {@code 200 result= (timeout)} for {@code GET DATA},
 * {@code 200 result=-1} when the caller hangs up, then a bare {@code HANGUP} line and {@code 511} for every command on
 * the dead channel.
 *
 * <p>The caller's part is a script of actions, used one per question ({@code GET DATA}); a key may also be pressed
 * during a prompt (barge-in).
 */
public final class ScriptedAsterisk {
    /** What the caller does at the next question. */
    public sealed interface Action {
        /** Keys digits ({@code #} ends them, as Asterisk's GET DATA does). */
        record Keys(String digits) implements Action {}

        /** Keys nothing: {@code 200 result= (timeout)}. */
        record Silence() implements Action {}

        /** Hangs up during the question: {@code 200 result=-1}. */
        record HangUp() implements Action {}

        /** Presses a key while the next prompt file plays, interrupting it. */
        record BargeIn(char key) implements Action {}

        /** Hangs up while the next file plays: {@code 200 result=-1 endpos=N}. */
        record HangUpDuringPrompt() implements Action {}

        /** Hangs up right after the next question's answer: the command after it finds a dead channel. */
        record KeysThenHangUp(String digits) implements Action {}

        /**
         * At the next question, counts {@code reached} down and waits for {@code go} before the caller answers with the
         * action after this one (a load test holds every call at the same question).
         */
        record Hold(java.util.concurrent.CountDownLatch reached, java.util.concurrent.CountDownLatch go)
                implements Action {}
    }

    public static Action keys(String digits) {
        return new Action.Keys(digits);
    }

    public static Action silence() {
        return new Action.Silence();
    }

    public static Action hangUp() {
        return new Action.HangUp();
    }

    /** Every command line the IVR sent, in order: the AGI trace. */
    public final List<String> commands = new CopyOnWriteArrayList<>();
    /** Every reply line this Asterisk sent, in order. */
    public final List<String> replies = new CopyOnWriteArrayList<>();
    /** When each question ({@code GET DATA}) arrived, and when each was answered ({@link System#nanoTime()}). */
    public final List<Long> asked = new CopyOnWriteArrayList<>();

    public final List<Long> answered = new CopyOnWriteArrayList<>();
    /** When the IVR let the call go (its connection closed), or 0. */
    public volatile long endedAt;

    private final Deque<Action> script;
    private boolean dead;
    private boolean hangupAnnounced;

    private ScriptedAsterisk(List<Action> script) {
        this.script = new ArrayDeque<>(script);
    }

    /**
     * Places a call from {@code call.callerNumber()} through {@code ivr}, the caller acting out {@code script}, and
     * returns how it left the IVR; the trace is in {@link #commands}.
     */
    public static Result call(VoiceIvr ivr, Call call, List<Action> script) throws Exception {
        return call((request, channel) -> ivr.run(channel, call), call, script);
    }

    /** The same call into any FastAGI script that answers with an {@link Ending} (a load test's floor). */
    public static Result call(Agi script, Call call, List<Action> actions) throws Exception {
        ScriptedAsterisk asterisk = new ScriptedAsterisk(actions);
        CompletableFuture<Ending> ending = new CompletableFuture<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AgiScript agi = (request, channel) -> ending.complete(script.run(request, channel));
            Thread agiServer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    new FastAgiConnectionHandler(
                                    (request, channel) -> agi, new LineSocket(s), new DefaultAgiChannelFactory())
                            .run();
                } catch (IOException | RuntimeException e) {
                    ending.completeExceptionally(e);
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                asterisk.converse(s, call);
            }
            agiServer.join(Duration.ofSeconds(30));
        }
        return new Result(ending.get(30, TimeUnit.SECONDS), asterisk);
    }

    /** How the call left the IVR, and the Asterisk that took it. */
    public record Result(Ending ending, ScriptedAsterisk asterisk) {}

    /** A FastAGI script that says how the call ended. */
    @FunctionalInterface
    public interface Agi {
        Ending run(org.asteriskjava.fastagi.AgiRequest request, org.asteriskjava.fastagi.AgiChannel channel)
                throws org.asteriskjava.fastagi.AgiException;
    }

    private void converse(Socket s, Call call) throws IOException {
        OutputStream out = s.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        // The environment block in two chunks, as Asterisk sends it.
        write(
                out,
                "agi_network: yes\nagi_network_script: entry\nagi_request: agi://127.0.0.1:4573/entry\n"
                        + "agi_channel: PJSIP/trunk-00000008\nagi_language: en\nagi_type: PJSIP\nagi_uniqueid: 1795390414.19\n"
                        + "agi_version: 20.20.1\nagi_callerid: "
                        + (call.callerNumber() == null ? "anonymous" : call.callerNumber())
                        + "\nagi_calleridname: Caller\nagi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\n"
                        + "agi_callingtns: 0\nagi_dnid: unknown\nagi_rdnis: unknown\nagi_context: ivr\n");
        write(
                out,
                "agi_extension: s\nagi_priority: 3\nagi_enhanced: 0.0\nagi_accountcode: \n"
                        + "agi_threadid: 139876262692544\n\n");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            reply(out, line);
        }
        endedAt = System.nanoTime();
    }

    private void reply(OutputStream out, String command) throws IOException {
        if (dead) {
            if (!hangupAnnounced) {
                hangupAnnounced = true;
                send(out, "HANGUP");
            }
            send(
                    out,
                    command.startsWith("GET VARIABLE")
                            ? "200 result=0"
                            : "511 Command Not Permitted on a dead channel or intercept routine");
            return;
        }
        String verb = command.split(" ")[0] + " " + (command.contains(" ") ? command.split(" ")[1] : "");
        switch (verb) {
            case "STREAM FILE" -> {
                Action next = script.peekFirst();
                boolean interruptible = !command.endsWith("\"\"");
                if (next instanceof Action.HangUpDuringPrompt) {
                    script.removeFirst();
                    dead = true;
                    hangupAnnounced = false;
                    send(out, "200 result=-1 endpos=1280");
                } else if (next instanceof Action.BargeIn b && interruptible) {
                    script.removeFirst();
                    send(out, "200 result=" + (int) b.key() + " endpos=960");
                } else {
                    send(out, "200 result=0 endpos=3520");
                }
            }
            case "SAY NUMBER", "SAY DIGITS", "SAY ALPHA", "SAY DATETIME" -> send(out, "200 result=0");
            case "GET DATA" -> {
                asked.add(System.nanoTime());
                Action next = script.pollFirst();
                if (next instanceof Action.Hold h) {
                    h.reached().countDown();
                    try {
                        h.go().await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while held", e);
                    }
                    next = script.pollFirst();
                }
                answered.add(System.nanoTime());
                switch (next) {
                    case null -> throw new IllegalStateException("the caller's script ran out at: " + command);
                    case Action.Keys k -> send(out, "200 result=" + k.digits());
                    case Action.KeysThenHangUp k -> {
                        send(out, "200 result=" + k.digits());
                        dead = true;
                    }
                    case Action.Silence x -> send(out, "200 result= (timeout)");
                    case Action.HangUp x -> {
                        dead = true;
                        hangupAnnounced = false;
                        send(out, "200 result=-1");
                    }
                    default -> throw new IllegalStateException(next + " is not an answer to " + command);
                }
            }
            default -> send(out, "510 Invalid or unknown command");
        }
    }

    private void send(OutputStream out, String line) throws IOException {
        replies.add(line);
        write(out, line + "\n");
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
