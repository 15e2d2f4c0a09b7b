package io.firstcontact.channels.voice.peer;

import io.firstcontact.channels.voice.peer.PeerChannel.Activity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The telephony side of the peer: channels, bridges, the advisors' phones, the trunk, and the sample dialplan of
 * {@code docs/asterisk/extensions.conf} played as Asterisk 20 would play it, with the events Asterisk emits for each
 * step in the form the recordings show. Everything runs on one thread ({@link #thread}); the AMI server and the FastAGI
 * sessions hand their work to it.
 */
final class PeerPbx {
    /** How an advisor's phone or a customer's line behaves when it is called. */
    enum Answer {
        AFTER_DELAY,
        BUSY,
        NO_ANSWER,
        CONGESTED,
        UNREGISTERED
    }

    /** An advisor's phone (or the supervisor's): how it answers, and the device state Asterisk reports for it. */
    static final class Phone {
        final String device;
        Answer answer = Answer.AFTER_DELAY;
        long answerAfterMillis = 20;
        String deviceState = "NOT_INUSE";

        Phone(String device) {
            this.device = device;
        }
    }

    /** The contexts of the sample dialplan (the adapter's configuration names them). */
    record Contexts(
            String entry,
            String holding,
            String connecting,
            String hold,
            String callback,
            String treatment,
            String outbound) {
        static final Contexts SAMPLE = new Contexts(
                "fc-entry", "fc-holding", "fc-connecting", "fc-hold", "fc-callback", "fc-treatment", "fc-outbound");
    }

    final ScheduledExecutorService thread;
    final Contexts contexts;
    private final Random random;
    private final BiConsumer<String, AmiMessage> events;
    long bootedAt = System.currentTimeMillis();
    private long uniqueCounter;
    private int channelCounter;
    final Map<String, PeerChannel> channels = new LinkedHashMap<>();
    final Map<String, List<PeerChannel>> bridges = new LinkedHashMap<>();
    final Map<String, Phone> phones = new LinkedHashMap<>();
    /** Customers' lines on the trunk, by number, for callbacks and outbound transfers. */
    final Map<String, Phone> lines = new LinkedHashMap<>();
    /** Which FastAGI script a key pressed in the holding context runs (the sample dialplan's extensions). */
    final Map<String, String> holdingKeys = new LinkedHashMap<>(Map.of("1", "callback", "2", "sms-link"));
    /** Every FastAGI session, for assertions on what callers heard. */
    final List<PeerAgiSession> agiSessions = new CopyOnWriteArrayList<>();

    String agiHost;
    int agiPort;

    PeerPbx(ScheduledExecutorService thread, Contexts contexts, long seed, BiConsumer<String, AmiMessage> events) {
        this.thread = thread;
        this.contexts = contexts;
        this.random = new Random(seed);
        this.events = events;
    }

    // ------------------------------------------------------------------ ids and events

    String newUniqueid() {
        return (bootedAt / 1000) + "." + uniqueCounter++;
    }

    private String suffix() {
        return String.format("%08x", channelCounter++);
    }

    static AmiMessage event(String name, String privilege) {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        return AmiMessage.event(name)
                .add("Privilege", privilege + ",all")
                .add("Timestamp", String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000));
    }

    void emit(String eventClass, AmiMessage m) {
        events.accept(eventClass, m);
    }

    private void channelEvent(String name, PeerChannel c, String... extra) {
        AmiMessage m = c.block(event(name, "call"), "");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            m.add(extra[i], extra[i + 1]);
        }
        emit("call", m);
    }

    private void deviceState(String device, String state) {
        emit("call", event("DeviceStateChange", "call").add("Device", device).add("State", state));
    }

    boolean chance() {
        return random.nextBoolean();
    }

    // ------------------------------------------------------------------ lookups

    /** A channel by name, by unique id, or by name prefix, as {@code ast_channel_get_by_name} finds it. */
    Optional<PeerChannel> find(String nameOrUniqueid) {
        if (nameOrUniqueid == null || nameOrUniqueid.isEmpty()) {
            return Optional.empty();
        }
        for (PeerChannel c : channels.values()) {
            if (c.name.equals(nameOrUniqueid) || c.uniqueid.equals(nameOrUniqueid)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    Optional<PeerChannel> findPrefix(String prefix) {
        return find(prefix)
                .or(() -> channels.values().stream()
                        .filter(c -> c.name.startsWith(prefix))
                        .findFirst());
    }

    /**
     * A channel as the {@code Bridge} action finds it ({@code ast_channel_get_by_name_prefix} in main/features.c):
     * the first channel whose name starts with the text, else the first whose unique id starts with it — never
     * preferring an exact match. Asterisk's "first" is its container's hash order; here it is the newest channel, so
     * an ambiguous unique id (Asterisk's {@code 1733150000.12} is a prefix of {@code 1733150000.120}) picks the wrong
     * one, as it can in Asterisk.
     */
    Optional<PeerChannel> findForBridge(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<PeerChannel> newestFirst = new ArrayList<>(channels.values());
        java.util.Collections.reverse(newestFirst);
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return newestFirst.stream()
                .filter(c -> c.name.toLowerCase(java.util.Locale.ROOT).startsWith(lower))
                .findFirst()
                .or(() -> newestFirst.stream()
                        .filter(c ->
                                c.uniqueid.toLowerCase(java.util.Locale.ROOT).startsWith(lower))
                        .findFirst());
    }

    Phone phone(String device) {
        return phones.computeIfAbsent(device, Phone::new);
    }

    Phone line(String number) {
        return lines.computeIfAbsent(number, Phone::new);
    }

    // ------------------------------------------------------------------ callers

    /** A customer calls in on the trunk and runs the entry context: answer, then the entry FastAGI script. */
    PeerChannel arrive(String number, String name, String dialled) {
        PeerChannel c = new PeerChannel("PJSIP/trunk-" + suffix(), newUniqueid(), System.currentTimeMillis());
        c.callerNum = number;
        c.callerName = name;
        c.state = 4;
        c.activity = Activity.AGI;
        c.at(contexts.entry(), dialled, 1, "", "");
        channels.put(c.uniqueid, c);
        channelEvent("Newchannel", c);
        c.state = 6;
        c.at(contexts.entry(), dialled, 2, "Answer", "");
        channelEvent("Newstate", c);
        c.at(contexts.entry(), dialled, 3, "AGI", agiUrl("entry"));
        runAgi(c, "entry", this::afterEntry);
        return c;
    }

    private String agiUrl(String script) {
        return "agi://" + agiHost + ":" + agiPort + "/" + script;
    }

    /** Runs a FastAGI script on the channel; when the script lets go, the dialplan goes on with {@code after}. */
    private void runAgi(PeerChannel c, String script, java.util.function.Consumer<PeerChannel> after) {
        PeerAgiSession s = new PeerAgiSession(
                this,
                c,
                script,
                () -> thread.execute(() -> {
                    c.agi = null;
                    after.accept(c);
                }));
        c.agi = s;
        c.activity = Activity.AGI;
        agiSessions.add(s);
        Thread.ofVirtual().name("peer-agi-" + c.uniqueid).start(s);
    }

    /**
     * The sample entry context after its AGI: callers the router took go to holding, those the IVR forwards out of
     * hours to the number in {@code FC_FORWARD}, the others hear a message.
     */
    private void afterEntry(PeerChannel c) {
        if (!c.alive()) {
            return;
        }
        String id = c.vars.getOrDefault("FC_INTERACTION_ID", "");
        if (id.isEmpty()) {
            c.at(contexts.entry(), c.exten, 7, "Playback", "ss-noservice");
            c.activity = Activity.TREATMENT;
            thread.schedule(() -> hangup(c, 16, true), 20, TimeUnit.MILLISECONDS);
            return;
        }
        String forward = c.vars.getOrDefault("FC_FORWARD", "");
        if (!forward.isEmpty()) {
            c.at(contexts.entry(), c.exten, 5, "Goto", contexts.outbound() + "," + forward + ",1");
            enter(c, contexts.outbound(), forward);
            return;
        }
        hold(c);
    }

    /** The holding context: WaitExten with music, an announcement every FC_ANNOUNCE_EVERY seconds. */
    void hold(PeerChannel c) {
        if (!c.alive()) {
            return;
        }
        String every = c.vars.getOrDefault("FC_ANNOUNCE_EVERY", "30");
        c.activity = Activity.HOLDING;
        c.at(contexts.holding(), "s", 2, "WaitExten", every + ",m(default)");
        channelEvent("MusicOnHoldStart", c, "Class", "default");
        long seconds = parseLong(every, 30);
        int epoch = ++c.holdEpoch;
        if (seconds > 0) {
            thread.schedule(() -> announce(c, epoch), seconds * 1000, TimeUnit.MILLISECONDS);
        }
    }

    private static long parseLong(String s, long dflt) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** WaitExten timed out: the {@code t} extension runs the announcement script, then waits again. */
    private void announce(PeerChannel c, int epoch) {
        if (!c.alive() || c.activity != Activity.HOLDING || c.holdEpoch != epoch) {
            return;
        }
        channelEvent("MusicOnHoldStop", c);
        c.at(contexts.holding(), "t", 1, "AGI", agiUrl("announce"));
        runAgi(c, "announce", this::hold);
    }

    /** The caller pressed a key while waiting: its extension runs, or {@code i} sends them back to wait. */
    void press(PeerChannel c, String key) {
        if (!c.alive() || c.activity != Activity.HOLDING) {
            c.keys.add(key); // for the script that is listening
            return;
        }
        c.holdEpoch++;
        channelEvent("MusicOnHoldStop", c);
        String script = holdingKeys.get(key);
        if (script == null) {
            hold(c);
            return;
        }
        c.at(contexts.holding(), key, 1, "AGI", agiUrl(script));
        runAgi(c, script, this::hold);
    }

    // ------------------------------------------------------------------ hang-ups

    /**
     * Hangs a channel up: a FastAGI script on it hears HANGUP, a bridge it was in dissolves (the other party's
     * after-bridge location in the sample dialplan hangs it up too), and the events come in one of the orders Asterisk
     * uses.
     *
     * @param remote the far end hung up (a caller's BYE) rather than Asterisk (AMI Hangup, the dialplan)
     */
    void hangup(PeerChannel c, int cause, boolean remote) {
        if (!c.alive()) {
            return;
        }
        Activity was = c.activity;
        c.activity = Activity.DEAD;
        if (c.agi != null) {
            c.agi.channelHungUp();
        }
        String bridge = c.bridgeId;
        List<PeerChannel> others = bridge == null ? List.of() : new ArrayList<>(bridges.get(bridge));
        boolean leaveFirst = chance();
        AmiMessage request = c.block(event(remote ? "HangupRequest" : "SoftHangupRequest", "call"), "")
                .add("Cause", cause);
        emit("call", request);
        if (bridge != null && leaveFirst) {
            leaveBridge(c);
        }
        emit("call", c.block(event("Hangup", "call"), "").add("Cause", cause).add("Cause-txt", causeText(cause)));
        if (bridge != null && !leaveFirst) {
            leaveBridge(c);
        }
        channels.remove(c.uniqueid);
        if (c.mixMonitor) {
            c.mixMonitor = false;
        }
        if (c.device != null) {
            boolean otherLeg = channels.values().stream().anyMatch(o -> c.device.equals(o.device));
            if (!otherLeg) {
                setDeviceState(c.device, "NOT_INUSE");
            }
        }
        for (PeerChannel spy : List.copyOf(channels.values())) {
            if (spy.spyee == c) {
                emit("call", spy.block(c.block(event("ChanSpyStop", "call"), "Spyee"), "Spyer"));
                spy.spyee = null;
                hangup(spy, 0, false);
            }
        }
        if (was == Activity.RINGING && c.pendingOriginate != null) {
            Runnable failed = c.pendingOriginate;
            c.pendingOriginate = null;
            failed.run();
        }
        for (PeerChannel o : others) {
            if (o != c && o.alive() && o.bridgeId == null) {
                afterBridge(o);
            }
        }
    }

    private static String causeText(int cause) {
        return switch (cause) {
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "No user responding";
            case 21 -> "Call Rejected";
            case 34 -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }

    // ------------------------------------------------------------------ bridges

    String bridge(PeerChannel a, PeerChannel b) {
        for (PeerChannel x : List.of(a, b)) {
            if (x.bridgeId != null) {
                steal(x);
            }
        }
        String id = UUID.randomUUID().toString();
        List<PeerChannel> members = new ArrayList<>();
        bridges.put(id, members);
        emit("call", bridgeBlock(event("BridgeCreate", "call"), id, 0));
        for (PeerChannel x : List.of(a, b)) {
            if (x.activity == Activity.HOLDING || x.activity == Activity.ON_HOLD) {
                channelEvent("MusicOnHoldStop", x);
                x.holdEpoch++;
            }
            x.priority++;
            x.bridgeId = id;
            x.activity = Activity.BRIDGED;
            members.add(x);
            emit("call", x.block(bridgeBlock(event("BridgeEnter", "call"), id, members.size()), ""));
        }
        String linked = a.createdAt <= b.createdAt ? a.linkedid : b.linkedid;
        a.linkedid = linked;
        b.linkedid = linked;
        a.connectedNum = b.callerNum;
        a.connectedName = b.callerName;
        b.connectedNum = a.callerNum;
        b.connectedName = a.callerName;
        channelEvent("NewConnectedLine", b);
        channelEvent("NewConnectedLine", a);
        return id;
    }

    private static AmiMessage bridgeBlock(AmiMessage m, String id, int n) {
        return m.add("BridgeUniqueid", id)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", n)
                .add("BridgeVideoSourceMode", "none");
    }

    /** The channel leaves its bridge by hanging up or being moved; a bridge left with one channel dissolves. */
    private void leaveBridge(PeerChannel c) {
        String id = c.bridgeId;
        List<PeerChannel> members = bridges.get(id);
        members.remove(c);
        c.bridgeId = null;
        emit("call", c.block(bridgeBlock(event("BridgeLeave", "call"), id, members.size()), ""));
        if (members.size() < 2) {
            for (PeerChannel o : List.copyOf(members)) {
                members.remove(o);
                o.bridgeId = null;
                emit("call", o.block(bridgeBlock(event("BridgeLeave", "call"), id, members.size()), ""));
            }
            bridges.remove(id);
            emit("call", bridgeBlock(event("BridgeDestroy", "call"), id, 0));
        }
    }

    /**
     * The channel is taken out of its bridge by an action (Bridge, Redirect): the bridge dissolves when that leaves
     * fewer than two, and the party left behind goes to its after-bridge location, where the sample dialplan hangs up.
     */
    void steal(PeerChannel c) {
        String id = c.bridgeId;
        List<PeerChannel> before = new ArrayList<>(bridges.get(id));
        leaveBridge(c);
        for (PeerChannel o : before) {
            if (o != c && o.alive() && o.bridgeId == null) {
                afterBridge(o);
            }
        }
    }

    /**
     * A channel left alone by a dissolved bridge goes on at its next priority: in the sample dialplan that hangs up,
     * but for an advisor's leg in the connecting context's consult extension, whose second Wait outlasts the consult's
     * own bridge (the leg waits there to be bridged to the caller).
     */
    private void afterBridge(PeerChannel o) {
        if (contexts.connecting().equals(o.context) && "consult".equals(o.exten) && !o.consultBridgeEnded) {
            o.consultBridgeEnded = true;
            o.activity = Activity.WAITING;
            o.at(o.context, o.exten, o.priority + 1, "Wait", "3600");
            return;
        }
        hangup(o, 16, false);
    }

    // ------------------------------------------------------------------ dialplan locations the router sends callers to

    /** Where a Redirect (or a blind transfer) sends a channel, in the sample dialplan. */
    void enter(PeerChannel c, String context, String exten) {
        if (c.activity == Activity.HOLDING || c.activity == Activity.ON_HOLD) {
            channelEvent("MusicOnHoldStop", c);
        }
        c.holdEpoch++;
        if (context.equals(contexts.holding())) {
            hold(c);
        } else if (context.equals(contexts.hold())) {
            c.activity = Activity.ON_HOLD;
            c.at(context, exten, 1, "MusicOnHold", "default");
            channelEvent("MusicOnHoldStart", c, "Class", "default");
        } else if (context.equals(contexts.connecting()) || context.equals(contexts.callback())) {
            c.activity = Activity.WAITING;
            c.at(context, exten, 1, "Wait", "3600");
        } else if (context.equals(contexts.outbound())) {
            c.activity = Activity.TREATMENT;
            c.at(context, exten, 1, "Dial", "PJSIP/" + exten + "@trunk");
        } else {
            // a treatment (closed, queue full, maximum wait, ...): a message, then the call ends
            c.activity = Activity.TREATMENT;
            c.at(context, exten, 1, "Playback", exten);
            thread.schedule(() -> hangup(c, 16, false), 20, TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------ originate

    /** What an Originate asked for. */
    record Originate(
            String actionId,
            String dial,
            String context,
            String exten,
            int priority,
            String application,
            String data,
            long timeoutMillis,
            String callerId,
            Map<String, String> variables,
            String channelId) {}

    /** Places the call an Async Originate queued; the OriginateResponse event tells the outcome. */
    void originate(Originate o) {
        String tech = o.dial().contains("/") ? o.dial().substring(0, o.dial().indexOf('/')) : "";
        String resource = o.dial().substring(o.dial().indexOf('/') + 1);
        Phone target;
        String channelPrefix;
        if (resource.endsWith("@trunk")) {
            String number = resource.substring(0, resource.length() - "@trunk".length());
            target = line(number);
            channelPrefix = "PJSIP/trunk";
        } else {
            target = phones.get(o.dial());
            channelPrefix = o.dial();
        }
        if (!tech.equals("PJSIP") || target == null || target.answer == Answer.UNREGISTERED) {
            // no such endpoint, or one without a contact: the request fails before a channel exists
            thread.schedule(() -> originateFailed(o, 0), 2, TimeUnit.MILLISECONDS);
            return;
        }
        String uniqueid = o.channelId() == null || o.channelId().isEmpty() ? newUniqueid() : o.channelId();
        PeerChannel c = new PeerChannel(channelPrefix + "-" + suffix(), uniqueid, System.currentTimeMillis());
        c.device = channelPrefix.equals("PJSIP/trunk") ? null : o.dial();
        c.dialled = channelPrefix.equals("PJSIP/trunk") ? resource.substring(0, resource.indexOf('@')) : null;
        c.activity = Activity.RINGING;
        c.state = 0;
        c.at("from-advisors", "s", 1, "", "");
        c.vars.putAll(o.variables());
        channels.put(c.uniqueid, c);
        channelEvent("Newchannel", c);
        String[] cid = callerId(o.callerId());
        c.callerNum = cid[1];
        c.callerName = cid[0];
        channelEvent("NewCallerid", c, "CID-CallingPres", "0 (Presentation Allowed, Not Screened)");
        switch (target.answer) {
            case BUSY -> {
                c.state = 7;
                channelEvent("Newstate", c);
                c.pendingOriginate = null;
                hangup(c, 17, true);
                originateFailed(o, 5);
            }
            case CONGESTED -> {
                hangup(c, 34, true);
                originateFailed(o, 8);
            }
            case AFTER_DELAY, NO_ANSWER -> {
                c.state = 5;
                channelEvent("Newstate", c);
                if (c.device != null) {
                    setDeviceState(c.device, "RINGING");
                }
                c.pendingOriginate = () -> originateFailed(o, 1);
                if (target.answer == Answer.AFTER_DELAY) {
                    thread.schedule(() -> answered(c, o), target.answerAfterMillis, TimeUnit.MILLISECONDS);
                }
                thread.schedule(
                        () -> {
                            if (c.alive() && c.activity == Activity.RINGING) {
                                c.pendingOriginate = null;
                                hangup(c, 19, false);
                                originateFailed(o, 3);
                            }
                        },
                        o.timeoutMillis(),
                        TimeUnit.MILLISECONDS);
            }
            case UNREGISTERED -> throw new IllegalStateException("handled above");
        }
    }

    private static String[] callerId(String callerId) {
        if (callerId == null || callerId.isEmpty()) {
            return new String[] {"<unknown>", "<unknown>"};
        }
        int lt = callerId.indexOf('<');
        if (lt < 0) {
            return new String[] {"<unknown>", callerId};
        }
        String name = callerId.substring(0, lt).trim().replace("\"", "");
        String num = callerId.substring(lt + 1, callerId.indexOf('>', lt));
        return new String[] {name.isEmpty() ? "<unknown>" : name, num};
    }

    private void answered(PeerChannel c, Originate o) {
        if (!c.alive() || c.activity != Activity.RINGING) {
            return;
        }
        c.pendingOriginate = null;
        c.state = 6;
        channelEvent("Newstate", c);
        emit(
                "call",
                event("OriginateResponse", "call")
                        .addIfPresent("ActionID", o.actionId())
                        .add("Response", "Success")
                        .add("Channel", c.name)
                        .add(
                                o.application() != null ? "Application" : "Context",
                                o.application() != null ? o.application() : o.context())
                        .add(o.application() != null ? "Data" : "Exten", o.application() != null ? o.data() : o.exten())
                        .add("Reason", 4)
                        .add("Uniqueid", c.uniqueid)
                        .add("CallerIDNum", c.callerNum)
                        .add("CallerIDName", c.callerName));
        if (c.device != null) {
            setDeviceState(c.device, "INUSE");
        }
        if (o.application() != null && o.application().equalsIgnoreCase("ChanSpy")) {
            startSpy(c, o.data());
            return;
        }
        enter(c, o.context(), o.exten());
        if (o.context().equals(contexts.connecting())) {
            String file = c.vars.getOrDefault("FC_RECORDING", "");
            if (!file.isEmpty()) {
                c.mixMonitor = true;
                channelEvent("MixMonitorStart", c);
            }
        }
    }

    private void originateFailed(Originate o, int reason) {
        emit(
                "call",
                event("OriginateResponse", "call")
                        .addIfPresent("ActionID", o.actionId())
                        .add("Response", "Failure")
                        .add("Channel", o.dial())
                        .add(
                                o.application() != null ? "Application" : "Context",
                                o.application() != null ? o.application() : o.context())
                        .add(o.application() != null ? "Data" : "Exten", o.application() != null ? o.data() : o.exten())
                        .add("Reason", reason)
                        .add("Uniqueid", "<unknown>")
                        .add("CallerIDNum", callerId(o.callerId())[1])
                        .add("CallerIDName", callerId(o.callerId())[0]));
    }

    private void startSpy(PeerChannel spyer, String data) {
        String target = data.contains(",") ? data.substring(0, data.indexOf(',')) : data;
        Optional<PeerChannel> spyee = findPrefix(target);
        spyer.activity = Activity.SPYING;
        spyer.at("supervisor", "s", 1, "ChanSpy", data);
        if (spyee.isEmpty() || !spyee.get().alive()) {
            thread.schedule(() -> hangup(spyer, 16, false), 5, TimeUnit.MILLISECONDS);
            return;
        }
        spyer.spyee = spyee.get();
        emit("call", spyer.block(spyee.get().block(event("ChanSpyStart", "call"), "Spyee"), "Spyer"));
    }

    void setDeviceState(String device, String state) {
        Phone p = phones.get(device);
        if (p != null) {
            p.deviceState = state;
        }
        deviceState(device, state);
        if (chance()) {
            deviceState(device, state); // Asterisk often reports a state twice
        }
    }

    /** The advisor presses hold (or resumes) on their phone: Hold / Unhold, and music for the other party. */
    void phoneHold(String device, boolean hold) {
        for (PeerChannel c : List.copyOf(channels.values())) {
            if (!device.equals(c.device) || c.bridgeId == null || c.onPhoneHold == hold) {
                continue;
            }
            c.onPhoneHold = hold;
            if (hold) {
                channelEvent("Hold", c, "MusicClass", "default");
            } else {
                channelEvent("Unhold", c);
            }
            for (PeerChannel o : bridges.get(c.bridgeId)) {
                if (o != c) {
                    if (hold) {
                        channelEvent("MusicOnHoldStart", o, "Class", "default");
                    } else {
                        channelEvent("MusicOnHoldStop", o);
                    }
                }
            }
            setDeviceState(device, hold ? "ONHOLD" : "INUSE");
        }
    }

    // ------------------------------------------------------------------ restart

    /** Asterisk restarts: every channel is gone at once, without a Hangup event; FastAGI sessions are cut. */
    void restart() {
        for (PeerChannel c : List.copyOf(channels.values())) {
            c.activity = Activity.DEAD;
            if (c.agi != null) {
                c.agi.cut();
            }
        }
        channels.clear();
        bridges.clear();
        // Nothing is in use on a fresh Asterisk: the phones (their registrations kept in its astdb) are free again.
        phones.values().forEach(p -> p.deviceState = "NOT_INUSE");
        bootedAt = System.currentTimeMillis();
    }

    long uptimeSeconds() {
        return (System.currentTimeMillis() - bootedAt) / 1000;
    }
}
