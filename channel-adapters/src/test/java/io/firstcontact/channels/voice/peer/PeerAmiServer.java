package io.firstcontact.channels.voice.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The AMI side of the peer: a TCP listener that greets with Asterisk's banner and serves manager sessions as
 * {@code main/manager.c} does — CRLF framing, the {@code ActionID} echoed right after {@code Response:}, logins by
 * secret or MD5 challenge (a wrong secret is answered after a second, then the socket closes), the read and write
 * permission classes of {@code manager.conf}, the session's event mask, and the actions the router uses. Its output is
 * written in chunks of random size, so a reader cannot rely on message boundaries.
 */
final class PeerAmiServer {
    /** The write class an action needs (any one of them), as Asterisk 18, 20 and 22 register it; empty for none. */
    private static final Map<String, Set<String>> AUTHORITY = Map.ofEntries(
            Map.entry("ping", Set.of()),
            Map.entry("events", Set.of()),
            Map.entry("logoff", Set.of()),
            Map.entry("login", Set.of()),
            Map.entry("challenge", Set.of()),
            Map.entry("hangup", Set.of("system", "call")),
            Map.entry("status", Set.of("system", "call", "reporting")),
            Map.entry("setvar", Set.of("call")),
            Map.entry("getvar", Set.of("call", "reporting")),
            Map.entry("redirect", Set.of("call")),
            Map.entry("bridge", Set.of("call")),
            Map.entry("blindtransfer", Set.of("call")),
            Map.entry("originate", Set.of("originate")),
            Map.entry("command", Set.of("command")),
            Map.entry("coresettings", Set.of("system", "reporting")),
            Map.entry("coreshowchannels", Set.of("system", "reporting")),
            Map.entry("devicestatelist", Set.of("call", "reporting")),
            Map.entry("mixmonitormute", Set.of("system", "call")),
            Map.entry("mixmonitor", Set.of("system")),
            Map.entry("stopmixmonitor", Set.of("system", "call")));

    static Set<String> authority(String action) {
        return AUTHORITY.get(action.toLowerCase(java.util.Locale.ROOT));
    }

    private static final Set<String> CLASSES = Set.of(
            "system",
            "call",
            "log",
            "verbose",
            "command",
            "agent",
            "user",
            "config",
            "dtmf",
            "reporting",
            "cdr",
            "dialplan",
            "originate",
            "agi",
            "cc",
            "aoc",
            "test",
            "security",
            "message");

    private final PeerPbx pbx;
    private final Map<String, ManagerUser> users;
    private final PeerActions actions;
    private final Random chunking;
    /** Writes whole messages instead of cutting them (benchmarks: the cuts cost writes, not fidelity). */
    volatile boolean wholeWrites;
    /** Hears every action as it is read, with {@link System#nanoTime()} at that moment (benchmarks). */
    volatile java.util.function.BiConsumer<AmiMessage, Long> actionHook;

    private volatile ServerSocket listener;
    private volatile int port;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    /** Every action a client sent, in arrival order. */
    final List<AmiMessage> received = new CopyOnWriteArrayList<>();

    PeerAmiServer(PeerPbx pbx, Map<String, ManagerUser> users, long seed) {
        this.pbx = pbx;
        this.users = users;
        this.actions = new PeerActions(pbx);
        this.chunking = new Random(seed);
    }

    int port() {
        return port;
    }

    void start(int wantedPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort));
        listener = s;
        port = s.getLocalPort();
        Thread.ofVirtual().name("peer-ami-accept").start(() -> accept(s));
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                // As Asterisk's manager does (session_do): without it, a message written in pieces waits for the
                // reader's delayed acknowledgement.
                socket.setTcpNoDelay(true);
                Session session = new Session(socket);
                sessions.add(session);
                Thread.ofVirtual().name("peer-ami-read").start(session::read);
                Thread.ofVirtual().name("peer-ami-write").start(session::write);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Closes the listener and every session at once, as a stopping Asterisk does (no goodbye on the wire). */
    void stop() {
        try {
            ServerSocket s = listener;
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closed
        }
        dropSessions();
    }

    /** Cuts every manager session (a network drop): the PBX and its calls go on. */
    void dropSessions() {
        for (Session s : sessions) {
            s.close(true);
        }
        sessions.clear();
    }

    /** Writes raw bytes (a recording) to every logged-in session, in chunks of random size as ever. */
    void replay(byte[] bytes) {
        for (Session s : sessions) {
            if (s.authenticated) {
                s.sendRaw(bytes);
            }
        }
    }

    /** Queues raw bytes to every logged-in session, waiting while one has more than {@code bound} queued. */
    void flood(byte[] bytes, int bound) throws InterruptedException {
        for (Session s : sessions) {
            if (s.authenticated) {
                s.awaitRoom(bound);
                s.sendRaw(bytes);
            }
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    /** On the PBX thread: delivers an event to every session whose read classes and event mask take its class. */
    void broadcast(String eventClass, AmiMessage event) {
        for (Session s : sessions) {
            if (s.authenticated && s.read.contains(eventClass) && s.mask.contains(eventClass)) {
                s.send(event);
            }
        }
    }

    /** One manager connection. Actions are handled on the PBX thread, in order. */
    final class Session {
        private final Socket socket;
        private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
        private static final byte[] CLOSE = new byte[0];
        volatile boolean authenticated;
        private boolean gone; // the writer stopped (guarded by this)
        Set<String> read = Set.of();
        Set<String> write = Set.of();
        volatile Set<String> mask = Set.of();
        String user;
        String challenge;

        Session(Socket socket) {
            this.socket = socket;
            outbox.add("Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.UTF_8));
        }

        void send(AmiMessage m) {
            outbox.add(m.bytes());
        }

        void sendRaw(byte[] bytes) {
            outbox.add(bytes);
        }

        /** Waits, woken by the writer, until at most {@code bound} chunks are queued or the connection is gone. */
        synchronized void awaitRoom(int bound) throws InterruptedException {
            while (!gone && outbox.size() > bound) {
                wait();
            }
        }

        /** The writer took a chunk, or stopped: a flood waiting for room looks again. */
        private synchronized void drained(boolean stopped) {
            gone |= stopped;
            notifyAll();
        }

        /** Closes after what is queued (a Logoff, a refused login), or at once with a reset. */
        void close(boolean reset) {
            if (reset) {
                try {
                    socket.setSoLinger(true, 0);
                    socket.close();
                } catch (IOException e) {
                    // closed
                }
            } else {
                outbox.add(CLOSE);
            }
            sessions.remove(this);
        }

        void read() {
            AmiFramer framer = new AmiFramer(false);
            byte[] buf = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (AmiMessage action : framer.feed(buf, 0, n)) {
                        var hook = actionHook;
                        if (hook != null) {
                            hook.accept(action, System.nanoTime());
                        }
                        received.add(action);
                        pbx.thread.execute(() -> handle(action));
                    }
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                sessions.remove(this);
                outbox.add(CLOSE);
            }
        }

        void write() {
            try (OutputStream out = socket.getOutputStream()) {
                while (true) {
                    byte[] next = outbox.take();
                    drained(false);
                    if (next == CLOSE) {
                        break;
                    }
                    writeChunked(out, next);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                drained(true);
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void writeChunked(OutputStream out, byte[] bytes) throws IOException {
            if (wholeWrites) {
                out.write(bytes);
                out.flush();
                return;
            }
            int i = 0;
            while (i < bytes.length) {
                int n;
                synchronized (chunking) {
                    n = 1 + chunking.nextInt(Math.min(bytes.length - i, 200));
                }
                out.write(bytes, i, n);
                out.flush();
                i += n;
            }
        }

        /** On the PBX thread. */
        private void handle(AmiMessage m) {
            String action = m.get("Action");
            if (action == null || action.isEmpty()) {
                send(error(m, "Missing action in request"));
                return;
            }
            String name = action.toLowerCase(Locale.ROOT);
            if (!authenticated && !Set.of("login", "logoff", "challenge").contains(name)) {
                send(error(m, "Permission denied"));
                return;
            }
            switch (name) {
                case "login" -> login(m);
                case "challenge" -> challenge(m);
                case "logoff" -> {
                    send(response(m, "Goodbye", "Thanks for all the fish."));
                    close(false);
                }
                case "ping" ->
                    send(ack(m, null)
                            .add("Ping", "Pong")
                            .add("Timestamp", String.format("%.6f", System.currentTimeMillis() / 1000.0)));
                case "events" -> events(m);
                default -> {
                    Set<String> authority = AUTHORITY.get(name);
                    if (authority == null) {
                        send(error(
                                m,
                                "Invalid/unknown command: " + action
                                        + ". Use Action: ListCommands to show available commands."));
                        return;
                    }
                    if (!authority.isEmpty() && authority.stream().noneMatch(write::contains)) {
                        send(error(m, "Permission denied"));
                        return;
                    }
                    actions.handle(name, m, this);
                }
            }
        }

        private void login(AmiMessage m) {
            if (authenticated) {
                send(ack(m, "Already authenticated"));
                return;
            }
            ManagerUser u = users.get(m.get("Username"));
            boolean ok = u != null;
            if (ok && "md5".equalsIgnoreCase(m.get("AuthType"))) {
                ok = challenge != null && md5(challenge + u.secret()).equalsIgnoreCase(m.get("Key"));
            } else if (ok) {
                ok = u.secret().equals(m.get("Secret"));
            }
            if (!ok) {
                // Asterisk answers a failed login after a second and closes the connection.
                pbx.thread.schedule(
                        () -> {
                            send(error(m, "Authentication failed"));
                            close(false);
                        },
                        1,
                        java.util.concurrent.TimeUnit.SECONDS);
                return;
            }
            user = u.name();
            read = u.read();
            write = u.write();
            mask = parseMask(m.get("Events"), read);
            authenticated = true;
            send(ack(m, "Authentication accepted"));
            if (read.contains("system") && mask.contains("system")) {
                long up = pbx.uptimeSeconds();
                send(AmiMessage.event("FullyBooted")
                        .add("Privilege", "system,all")
                        .add("Uptime", up)
                        .add("LastReload", up)
                        .add("Status", "Fully Booted"));
            }
        }

        private void challenge(AmiMessage m) {
            if (!"md5".equalsIgnoreCase(m.get("AuthType"))) {
                send(error(m, "Must specify AuthType"));
                return;
            }
            if (challenge == null) {
                challenge = String.valueOf(Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000L));
            }
            send(ack(m, null).add("Challenge", challenge));
        }

        private void events(AmiMessage m) {
            mask = parseMask(m.get("EventMask"), read);
            send(new AmiMessage()
                    .add("Response", "Success")
                    .addIfPresent("ActionID", m.get("ActionID"))
                    .add("Events", mask.isEmpty() ? "Off" : "On"));
        }
    }

    /** An event mask: {@code on}, {@code off}, or a list of classes. */
    static Set<String> parseMask(String events, Set<String> read) {
        if (events == null || events.isEmpty() || events.equalsIgnoreCase("on") || events.equalsIgnoreCase("all")) {
            return CLASSES;
        }
        if (events.equalsIgnoreCase("off")) {
            return Set.of();
        }
        Set<String> mask = new TreeSet<>();
        for (String c : events.split(",")) {
            mask.add(c.trim().toLowerCase(Locale.ROOT));
        }
        return mask;
    }

    static AmiMessage response(AmiMessage action, String response, String message) {
        AmiMessage m = AmiMessage.response(response).addIfPresent("ActionID", action.get("ActionID"));
        if (message != null) {
            m.add("Message", message);
        }
        return m;
    }

    static AmiMessage ack(AmiMessage action, String message) {
        return response(action, "Success", message);
    }

    static AmiMessage error(AmiMessage action, String message) {
        return response(action, "Error", message);
    }

    static AmiMessage listAck(AmiMessage action, String message) {
        return AmiMessage.response("Success")
                .addIfPresent("ActionID", action.get("ActionID"))
                .add("EventList", "start")
                .add("Message", message);
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
