package io.firstcontact.channels.voice.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One FastAGI session as Asterisk 20 runs it (recordings {@code agi-*.txt}): it connects to the router's FastAGI port,
 * sends the {@code agi_*} environment in two chunks and an empty line, then answers each command line with a
 * {@code 200 result=} line; a hang-up sends {@code HANGUP} (AGISIGHUP=yes) and every command a dead channel cannot run
 * gets {@code 511}. The session ends when the script closes the socket; the dialplan then goes on.
 */
public final class PeerAgiSession implements Runnable {
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private final PeerPbx pbx;
    private final PeerChannel channel;
    private final String script;
    private final Runnable onEnd;
    private final Object writeLock = new Object();
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile boolean dead;
    private volatile boolean hangupSent;
    /** The script asked for the hang-up itself: Asterisk answers the command first, then says HANGUP. */
    private volatile boolean hangingUpItself;

    private volatile boolean ended;
    /** A command is being answered: a hang-up now says HANGUP after its reply. */
    private volatile boolean running;
    /** Every command the script sent, and the reply it got, in order: what the caller heard and did. */
    final List<String[]> exchanges = new CopyOnWriteArrayList<>();

    private volatile String executing;

    PeerAgiSession(PeerPbx pbx, PeerChannel channel, String script, Runnable onEnd) {
        this.pbx = pbx;
        this.channel = channel;
        this.script = script;
        this.onEnd = onEnd;
    }

    public String script() {
        return script;
    }

    PeerChannel channel() {
        return channel;
    }

    /** Whether the script has let go of the channel. */
    public boolean ended() {
        return ended;
    }

    /** The command the peer is carrying out now (a prompt waiting for a key, say), or null between commands. */
    public String executing() {
        return executing;
    }

    /** The commands the script sent, as the peer read them. */
    public List<String> commands() {
        return exchanges.stream().map(e -> e[0]).toList();
    }

    @Override
    public void run() {
        try (Socket s = new Socket(pbx.agiHost, pbx.agiPort)) {
            socket = s;
            out = s.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String[] env = environment();
            write(env[0]);
            write(env[1]);
            String line;
            while ((line = in.readLine()) != null) {
                running = true;
                executing = line;
                String reply = execute(line);
                executing = null;
                exchanges.add(new String[] {line, reply});
                write(reply + "\n");
                running = false;
                if ((hangingUpItself || dead) && !hangupSent) {
                    hangupSent = true;
                    write("HANGUP\n");
                }
            }
        } catch (IOException e) {
            // the router closed the session, or Asterisk was restarted under it
        } finally {
            ended = true;
            onEnd.run();
        }
    }

    /** The environment block, in the two chunks Asterisk sends it in. */
    private String[] environment() {
        String first = "agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://" + pbx.agiHost + ":" + pbx.agiPort + "/" + script + "\n"
                + "agi_channel: " + channel.name + "\n"
                + "agi_language: en\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + channel.uniqueid + "\n"
                + "agi_version: 20.20.1\n"
                + "agi_callerid: " + channel.callerNum + "\n"
                + "agi_calleridname: " + channel.callerName + "\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: " + channel.exten + "\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: " + channel.context + "\n";
        String second = "agi_extension: " + channel.exten + "\n"
                + "agi_priority: " + channel.priority + "\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: " + (140_000_000_000_000L + channel.uniqueid.hashCode()) + "\n"
                + "\n";
        return new String[] {first, second};
    }

    private void write(String text) throws IOException {
        synchronized (writeLock) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** On the PBX thread: the channel hung up. A script between commands hears HANGUP at once. */
    void channelHungUp() {
        dead = true;
        if (out != null && !hangupSent && !hangingUpItself && !running) {
            hangupSent = true;
            try {
                write("HANGUP\n");
            } catch (IOException e) {
                // the script is gone already
            }
        }
    }

    /** Asterisk went away under the session. */
    void cut() {
        dead = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    private String execute(String line) {
        List<String> args = parse(line);
        if (args.isEmpty()) {
            return "510 Invalid or unknown command";
        }
        String verb = args.get(0).toUpperCase(Locale.ROOT);
        String two = args.size() > 1 ? verb + " " + args.get(1).toUpperCase(Locale.ROOT) : verb;
        String three = args.size() > 2 ? two + " " + args.get(2).toUpperCase(Locale.ROOT) : two;
        boolean allowedDead = verb.equals("VERBOSE")
                || verb.equals("EXEC")
                || verb.equals("NOOP")
                || two.equals("GET VARIABLE")
                || two.equals("SET VARIABLE")
                || three.equals("GET FULL VARIABLE");
        if (dead && !allowedDead) {
            return DEAD;
        }
        return switch (verb) {
            case "ANSWER" ->
                onPbx(() -> {
                    channel.state = 6;
                    return "200 result=0";
                });
            case "VERBOSE", "NOOP" -> "200 result=1";
            case "CHANNEL" -> dead ? DEAD : "200 result=6";
            case "STREAM" -> "200 result=0 endpos=3520";
            case "SAY" ->
                switch (two) {
                    // Asterisk 20's say commands: 0 = played to the end without a key
                    case "SAY NUMBER",
                            "SAY DIGITS",
                            "SAY ALPHA",
                            "SAY DATETIME",
                            "SAY DATE",
                            "SAY TIME",
                            "SAY PHONETIC" -> "200 result=0";
                    default -> "510 Invalid or unknown command";
                };
            case "EXEC" -> "200 result=0";
            case "HANGUP" -> {
                hangingUpItself = true;
                yield onPbx(() -> {
                    pbx.hangup(channel, 16, false);
                    return "200 result=1";
                });
            }
            case "WAIT" -> {
                String key = awaitKey(parseTimeout(arg(args, 3)));
                yield dead && key == null ? "200 result=-1" : "200 result=" + (key == null ? 0 : (int) key.charAt(0));
            }
            case "GET" ->
                switch (three) {
                    case "GET FULL VARIABLE" -> onPbx(() -> "200 result=1 (" + expand(arg(args, 3)) + ")");
                    default ->
                        switch (two) {
                            case "GET VARIABLE" ->
                                onPbx(() -> {
                                    String value = variable(arg(args, 2));
                                    return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                                });
                            case "GET DATA" ->
                                args.size() < 3
                                        ? "520-Invalid command syntax.  Proper usage follows:\n"
                                                + "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
                                                + "520 End of proper usage."
                                        : getData(parseTimeout(arg(args, 3)));
                            default -> "510 Invalid or unknown command";
                        };
                };
            case "SET" ->
                switch (two) {
                    case "SET VARIABLE" ->
                        onPbx(() -> {
                            channel.vars.put(arg(args, 2), arg(args, 3));
                            return "200 result=1";
                        });
                    case "SET MUSIC" -> "200 result=0";
                    default -> "510 Invalid or unknown command";
                };
            default -> "510 Invalid or unknown command";
        };
    }

    /** GET DATA waits for the caller's keys up to its timeout, as Asterisk does; a hang-up ends the wait. */
    private String getData(long timeoutMillis) {
        String digits = awaitKey(timeoutMillis);
        if (digits != null) {
            return "200 result=" + digits;
        }
        return dead ? "200 result=-1" : "200 result= (timeout)";
    }

    private String awaitKey(long timeoutMillis) {
        long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000;
        while (true) {
            String key = onPbx(channel.keys::poll);
            if (key != null || dead || System.nanoTime() >= deadline) {
                return key;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    private static long parseTimeout(String s) {
        try {
            long t = Long.parseLong(s.trim());
            return t <= 0 ? 5_000 : t;
        } catch (NumberFormatException e) {
            return 5_000;
        }
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** A variable or a dialplan function Asterisk would read for GET VARIABLE. */
    private String variable(String name) {
        return switch (name) {
            case "CHANNEL(linkedid)" -> channel.linkedid;
            case "CHANNEL(uniqueid)", "UNIQUEID" -> channel.uniqueid;
            case "CHANNEL", "CHANNEL(name)" -> channel.name;
            case "CALLERID(num)" -> channel.callerNum;
            case "CALLERID(name)" -> channel.callerName;
            default -> channel.vars.get(name);
        };
    }

    private String expand(String expression) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            int start = expression.indexOf("${", i);
            if (start < 0) {
                b.append(expression, i, expression.length());
                break;
            }
            int end = expression.indexOf('}', start);
            b.append(expression, i, start);
            String value = variable(expression.substring(start + 2, end));
            b.append(value == null ? "" : value);
            i = end + 1;
        }
        return b.toString();
    }

    private String onPbx(java.util.concurrent.Callable<String> work) {
        Future<String> f = pbx.thread.submit(work);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEAD;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Splits a command line as Asterisk's AGI does: words, with double quotes and backslash escapes. */
    static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                any = true;
            } else if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any) {
            args.add(cur.toString());
        }
        return args;
    }
}
