package io.firstcontact.channels.voice.peer;

import io.firstcontact.channels.voice.peer.PeerChannel.Activity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A faithful Asterisk 20 for tests: an AMI server and FastAGI sessions that speak exactly as the recordings in
 * {@code src/test/resources/asterisk} show, around a simulated PBX that plays the sample dialplan. Tests script it —
 * a caller arrives and keys a menu choice, an advisor's phone answers after some milliseconds or is busy, the caller
 * hangs up — and it answers the router's actions as Asterisk would, with the events Asterisk would emit.
 */
public final class AsteriskPeer implements AutoCloseable {
    /** The manager user of the sample {@code manager.conf}: least privilege, no {@code dtmf}, {@code agi} or {@code dialplan}. */
    public static final ManagerUser ROUTER = new ManagerUser(
            "firstcontact", "s3cret-for-tests", Set.of("system", "call"), Set.of("call", "originate", "reporting"));

    /**
     * The write classes that let a manager user run an action (any one of them will do), as Asterisk 18, 20 and 22
     * register it; empty when it needs none, null for an action the peer does not know.
     */
    public static Set<String> writeClassesFor(String action) {
        return PeerAmiServer.authority(action);
    }

    private final ScheduledExecutorService thread;
    private final PeerPbx pbx;
    private final PeerAmiServer ami;

    private AsteriskPeer(long seed, Map<String, ManagerUser> users) {
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peer-pbx");
            t.setDaemon(true);
            return t;
        });
        PeerAmiServer[] server = new PeerAmiServer[1];
        this.pbx = new PeerPbx(thread, PeerPbx.Contexts.SAMPLE, seed, (cls, event) -> server[0].broadcast(cls, event));
        this.ami = new PeerAmiServer(pbx, users, seed);
        server[0] = ami;
    }

    /** A peer on a free port with the sample manager user. */
    public static AsteriskPeer start() {
        return start(42, ROUTER);
    }

    public static AsteriskPeer start(long seed, ManagerUser... users) {
        java.util.Map<String, ManagerUser> byName = new java.util.HashMap<>();
        for (ManagerUser u : users) {
            byName.put(u.name(), u);
        }
        AsteriskPeer peer = new AsteriskPeer(seed, byName);
        try {
            peer.ami.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return peer;
    }

    public int amiPort() {
        return ami.port();
    }

    /** Where the dialplan's {@code AGI(agi://…)} calls connect: the router's FastAGI front end. */
    public AsteriskPeer agiServer(String host, int port) {
        onPbx(() -> {
            pbx.agiHost = host;
            pbx.agiPort = port;
            return null;
        });
        return this;
    }

    /** Runs on the PBX thread and waits for the answer. */
    <T> T onPbx(Callable<T> work) {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the peer's PBX thread did not answer", e);
        }
    }

    // ------------------------------------------------------------------ scripting

    /** An advisor's (or supervisor's) desk phone, registered and idle until told otherwise. */
    public Phone phone(String device) {
        onPbx(() -> pbx.phone(device));
        return new Phone(device, false);
    }

    /** A customer's line on the trunk (callbacks and outbound transfers ring it). */
    public Phone line(String number) {
        onPbx(() -> pbx.line(number));
        return new Phone(number, true);
    }

    /** A caller dials in; {@code keys} are what they key at each prompt that listens (menu choice first). */
    public Caller call(String number, String... keys) {
        PeerChannel c = onPbx(() -> {
            PeerChannel ch = pbx.arrive(number, "Caller " + number, "100");
            for (String k : keys) {
                ch.keys.add(k);
            }
            return ch;
        });
        return new Caller(c);
    }

    /** Drops every AMI connection, as a network failure would; calls go on. */
    public void dropAmi() {
        onPbx(() -> {
            ami.dropSessions();
            return null;
        });
    }

    /**
     * {@code core restart now}: every manager socket closes, connections are refused for about 0.6 s, then Asterisk is
     * back with no channels and {@code FullyBooted} says {@code Uptime: 0}.
     */
    public void restart() {
        int port = ami.port();
        onPbx(() -> {
            pbx.restart();
            ami.stop();
            return null;
        });
        thread.schedule(
                () -> {
                    try {
                        ami.start(port);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                600,
                TimeUnit.MILLISECONDS);
    }

    /** Every manager action the router sent, in order. */
    public List<AmiMessage> actions() {
        return List.copyOf(ami.received);
    }

    /** The actions of one name ({@code Originate}), in order. */
    public List<AmiMessage> actions(String name) {
        return ami.received.stream()
                .filter(a -> name.equalsIgnoreCase(a.get("Action")))
                .toList();
    }

    /** Sends recorded bytes, exactly, to every logged-in manager session (cut in chunks of random size). */
    public void replay(byte[] recorded) {
        onPbx(() -> {
            ami.replay(recorded);
            return null;
        });
    }

    /** Writes whole messages, uncut (benchmarks). */
    public AsteriskPeer wholeWrites() {
        ami.wholeWrites = true;
        return this;
    }

    /** Hears every action the router sends as the peer reads it, with {@link System#nanoTime()} then (benchmarks). */
    public void onAction(java.util.function.BiConsumer<AmiMessage, Long> hook) {
        ami.actionHook = hook;
    }

    /**
     * Floods every manager session with events about devices and channels the router does not follow, at about
     * {@code perSecond}, in bursts each millisecond as Asterisk writes them; returns what was written when stopped.
     */
    public Flood flood(int perSecond) {
        Flood f = new Flood(perSecond);
        f.thread = Thread.ofPlatform().daemon().name("peer-flood").start(f::run);
        return f;
    }

    /** A running flood of unrelated events. */
    public final class Flood {
        private final int perSecond;
        private volatile boolean stop;
        private volatile long written;
        private Thread thread;

        Flood(int perSecond) {
            this.perSecond = perSecond;
        }

        private void run() {
            long start = System.nanoTime();
            long n = 0;
            StringBuilder burst = new StringBuilder();
            while (!stop) {
                long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
                burst.setLength(0);
                int inBurst = 0;
                while (n < due) {
                    burst.append(
                            n % 2 == 0
                                    ? "Event: DeviceStateChange\r\nPrivilege: call,all\r\nTimestamp: 1796590000.000000\r\n"
                                            + "Device: PJSIP/noise-" + (n % 500) + "\r\nState: "
                                            + (n % 4 == 0 ? "INUSE" : "NOT_INUSE") + "\r\n\r\n"
                                    : "Event: Newstate\r\nPrivilege: call,all\r\nTimestamp: 1796590000.000000\r\n"
                                            + "Channel: PJSIP/noise-00000001\r\nChannelState: 6\r\nChannelStateDesc: Up\r\n"
                                            + "CallerIDNum: 100\r\nCallerIDName: Noise\r\nConnectedLineNum: <unknown>\r\n"
                                            + "ConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\n"
                                            + "Context: elsewhere\r\nExten: s\r\nPriority: 1\r\nUniqueid: 1796590000."
                                            + n
                                            + "\r\nLinkedid: 1796590000." + n + "\r\n\r\n");
                    n++;
                    inBurst++;
                }
                if (inBurst > 0) {
                    try {
                        ami.flood(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 256);
                    } catch (InterruptedException e) {
                        return;
                    }
                    written = n;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }

        /** Stops; answers the events written. */
        public long stop() {
            stop = true;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return written;
        }
    }

    public int amiSessions() {
        return ami.sessionCount();
    }

    /** Channels alive now. */
    public int liveChannels() {
        return onPbx(() -> pbx.channels.size());
    }

    /** The FastAGI sessions run so far, oldest first. */
    public List<PeerAgiSession> agiSessions() {
        return List.copyOf(pbx.agiSessions);
    }

    /** The channels bridged to this one now. */
    public List<String> bridgedWith(String uniqueid) {
        return onPbx(() -> {
            Optional<PeerChannel> c = pbx.find(uniqueid);
            if (c.isEmpty() || c.get().bridgeId == null) {
                return List.<String>of();
            }
            List<String> others = new ArrayList<>();
            for (PeerChannel o : pbx.bridges.get(c.get().bridgeId)) {
                if (o != c.get()) {
                    others.add(o.name);
                }
            }
            return others;
        });
    }

    /** The live channels of a device or trunk prefix ({@code PJSIP/1001}). */
    public List<String> channelsOf(String prefix) {
        return onPbx(() -> pbx.channels.values().stream()
                .filter(c -> c.name.startsWith(prefix + "-"))
                .map(c -> c.name)
                .toList());
    }

    /** What a channel is doing now, or DEAD. */
    public String activity(String nameOrUniqueid) {
        return onPbx(() -> pbx.find(nameOrUniqueid)
                .map(c -> c.activity)
                .orElse(Activity.DEAD)
                .name());
    }

    public Optional<String> variable(String nameOrUniqueid, String variable) {
        return onPbx(() -> pbx.find(nameOrUniqueid).map(c -> c.vars.get(variable)));
    }

    @Override
    public void close() {
        onPbx(() -> {
            ami.stop();
            for (PeerChannel c : List.copyOf(pbx.channels.values())) {
                if (c.agi != null) {
                    c.agi.cut();
                }
            }
            return null;
        });
        thread.shutdownNow();
    }

    /** A scripted phone or customer line. */
    public final class Phone {
        private final String key;
        private final boolean line;

        Phone(String key, boolean line) {
            this.key = key;
            this.line = line;
        }

        private Phone set(PeerPbx.Answer answer, long millis) {
            onPbx(() -> {
                PeerPbx.Phone p = line ? pbx.line(key) : pbx.phone(key);
                p.answer = answer;
                p.answerAfterMillis = millis;
                return null;
            });
            return this;
        }

        public Phone answersAfter(Duration d) {
            return set(PeerPbx.Answer.AFTER_DELAY, d.toMillis());
        }

        public Phone busy() {
            return set(PeerPbx.Answer.BUSY, 0);
        }

        public Phone noAnswer() {
            return set(PeerPbx.Answer.NO_ANSWER, 0);
        }

        public Phone congested() {
            return set(PeerPbx.Answer.CONGESTED, 0);
        }

        /** The phone unregisters: Asterisk reports UNAVAILABLE, calls to it fail at once. */
        public Phone unregisters() {
            set(PeerPbx.Answer.UNREGISTERED, 0);
            onPbx(() -> {
                pbx.setDeviceState(key, "UNAVAILABLE");
                return null;
            });
            return this;
        }

        /** The phone registers again: NOT_INUSE. */
        public Phone registers() {
            set(PeerPbx.Answer.AFTER_DELAY, 20);
            onPbx(() -> {
                pbx.setDeviceState(key, "NOT_INUSE");
                return null;
            });
            return this;
        }

        /** The advisor makes a call of their own on this phone (not one the router made): INUSE. */
        public Phone inPersonalCall() {
            onPbx(() -> {
                pbx.setDeviceState(key, "INUSE");
                return null;
            });
            return this;
        }

        /** The personal call ends: NOT_INUSE. */
        public Phone idle() {
            onPbx(() -> {
                pbx.setDeviceState(key, "NOT_INUSE");
                return null;
            });
            return this;
        }

        /** The advisor presses hold on the call on this phone. */
        public Phone holds() {
            onPbx(() -> {
                pbx.phoneHold(key, true);
                return null;
            });
            return this;
        }

        public Phone resumes() {
            onPbx(() -> {
                pbx.phoneHold(key, false);
                return null;
            });
            return this;
        }

        /** The advisor hangs up the call on this phone. */
        public Phone hangsUp() {
            onPbx(() -> {
                for (PeerChannel c : List.copyOf(pbx.channels.values())) {
                    if (c.name.startsWith((line ? "PJSIP/trunk" : key) + "-")
                            && (line ? key.equals(c.dialled) : true)) {
                        pbx.hangup(c, 16, true);
                    }
                }
                return null;
            });
            return this;
        }
    }

    /** A caller on the trunk. */
    public final class Caller {
        private final PeerChannel channel;

        Caller(PeerChannel channel) {
            this.channel = channel;
        }

        public String uniqueid() {
            return channel.uniqueid;
        }

        public String channelName() {
            return channel.name;
        }

        public String activity() {
            return AsteriskPeer.this.activity(channel.uniqueid);
        }

        public boolean alive() {
            return !activity().equals("DEAD");
        }

        public Optional<String> variable(String name) {
            return onPbx(() -> Optional.ofNullable(channel.vars.get(name)));
        }

        /** Presses a key: in the holding context its extension runs; in a script that listens, the script reads it. */
        public Caller press(String key) {
            onPbx(() -> {
                pbx.press(channel, key);
                return null;
            });
            return this;
        }

        /** Queues keys for the next prompts that listen. */
        public Caller willKey(String... keys) {
            onPbx(() -> {
                for (String k : keys) {
                    channel.keys.add(k);
                }
                return null;
            });
            return this;
        }

        /** The caller hangs up. */
        public Caller hangUp() {
            onPbx(() -> {
                pbx.hangup(channel, 16, true);
                return null;
            });
            return this;
        }

        /** The FastAGI sessions this caller's channel ran, oldest first. */
        public List<PeerAgiSession> sessions() {
            return pbx.agiSessions.stream().filter(s -> s.channel() == channel).toList();
        }

        public List<String> bridgedWith() {
            return AsteriskPeer.this.bridgedWith(channel.uniqueid);
        }
    }
}
