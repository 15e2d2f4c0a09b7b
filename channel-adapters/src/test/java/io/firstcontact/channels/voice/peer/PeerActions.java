package io.firstcontact.channels.voice.peer;

import static io.firstcontact.channels.voice.peer.PeerAmiServer.ack;
import static io.firstcontact.channels.voice.peer.PeerAmiServer.error;
import static io.firstcontact.channels.voice.peer.PeerAmiServer.listAck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manager actions the router uses, answered as {@code main/manager.c}, {@code main/features.c} and
 * {@code apps/app_mixmonitor.c} of Asterisk 20 answer them (messages, list forms, errors). On the PBX thread.
 */
final class PeerActions {
    private final PeerPbx pbx;

    PeerActions(PeerPbx pbx) {
        this.pbx = pbx;
    }

    void handle(String name, AmiMessage m, PeerAmiServer.Session s) {
        switch (name) {
            case "originate" -> originate(m, s);
            case "hangup" -> hangup(m, s);
            case "redirect" -> redirect(m, s);
            case "bridge" -> bridge(m, s);
            case "blindtransfer" -> blindTransfer(m, s);
            case "setvar" -> setvar(m, s);
            case "getvar" -> getvar(m, s);
            case "status" -> status(m, s);
            case "coreshowchannels" -> coreShowChannels(m, s);
            case "coresettings" ->
                s.send(ack(m, null)
                        .add("AMIversion", "9.0.0")
                        .add("AsteriskVersion", "20.20.1")
                        .add("SystemName", "")
                        .add("CoreMaxCalls", 0)
                        .add("CoreMaxLoadAvg", "0.000000")
                        .add("CoreRunUser", "")
                        .add("CoreRunGroup", "")
                        .add("CoreMaxFilehandles", 0)
                        .add("CoreRealTimeEnabled", "No")
                        .add("CoreCDRenabled", "Yes")
                        .add("CoreHTTPenabled", "No")
                        .add("SoundsSearchCustomDir", "No"));
            case "devicestatelist" -> deviceStateList(m, s);
            case "mixmonitormute" -> mixMonitorMute(m, s);
            case "stopmixmonitor" -> stopMixMonitor(m, s);
            case "mixmonitor" -> mixMonitor(m, s);
            case "command" ->
                s.send(ack(m, "Command output follows").add("Output", "No such command '" + m.get("Command") + "'"));
            default -> throw new IllegalStateException("no handler for " + name);
        }
    }

    private void originate(AmiMessage m, PeerAmiServer.Session s) {
        String channel = m.get("Channel");
        if (channel == null || channel.isEmpty()) {
            s.send(error(m, "Channel not specified"));
            return;
        }
        String app = m.get("Application");
        String context = m.get("Context");
        String exten = m.get("Exten");
        if ((app == null || app.isEmpty()) && (context == null || exten == null || m.get("Priority") == null)) {
            s.send(error(m, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        String timeout = m.get("Timeout");
        long timeoutMillis;
        try {
            timeoutMillis = timeout == null || timeout.isEmpty() ? 30_000 : Long.parseLong(timeout);
        } catch (NumberFormatException e) {
            s.send(error(m, "Invalid timeout"));
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : m.all("Variable")) {
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        PeerPbx.Originate o = new PeerPbx.Originate(
                m.get("ActionID"),
                channel,
                context,
                exten,
                m.get("Priority") == null
                        ? 1
                        : Integer.parseInt(m.get("Priority").trim()),
                app == null || app.isEmpty() ? null : app,
                m.get("Data"),
                timeoutMillis,
                m.get("CallerID"),
                vars,
                m.get("ChannelId"));
        boolean async = isTrue(m.get("Async"));
        if (!async) {
            // the synchronous form answers only when the call is over its answer (the router never uses it)
            s.send(error(m, "Originate failed"));
            return;
        }
        s.send(ack(m, "Originate successfully queued"));
        pbx.originate(o);
    }

    private static boolean isTrue(String v) {
        return v != null
                && Set.of("true", "yes", "1", "on", "y", "t").contains(v.trim().toLowerCase(Locale.ROOT));
    }

    private void hangup(AmiMessage m, PeerAmiServer.Session s) {
        String target = m.get("Channel");
        if (target == null || target.isEmpty()) {
            s.send(error(m, "No channel specified"));
            return;
        }
        Optional<PeerChannel> c = pbx.find(target);
        if (c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        s.send(ack(m, "Channel Hungup"));
        String cause = m.get("Cause");
        pbx.hangup(c.get(), cause == null || cause.isEmpty() ? 16 : Integer.parseInt(cause.trim()), false);
    }

    private void redirect(AmiMessage m, PeerAmiServer.Session s) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.send(error(m, "Channel not specified"));
            return;
        }
        if (m.get("Context") == null || m.get("Context").isEmpty()) {
            s.send(error(m, "Context not specified"));
            return;
        }
        if (m.get("Exten") == null || m.get("Exten").isEmpty()) {
            s.send(error(m, "Exten not specified"));
            return;
        }
        Optional<PeerChannel> c = pbx.find(name);
        if (c.isEmpty()) {
            s.send(error(m, "Channel does not exist: " + name));
            return;
        }
        String extraName = m.get("ExtraChannel");
        Optional<PeerChannel> extra = Optional.empty();
        if (extraName != null && !extraName.isEmpty()) {
            extra = pbx.find(extraName);
            if (extra.isEmpty()) {
                s.send(error(m, "ExtraChannel does not exist: " + extraName));
                return;
            }
        }
        if (extra.isPresent()) {
            s.send(ack(m, "Dual Redirect successful"));
            // both leave their bridge together: nobody is left behind in it
            move(c.get(), m.get("Context"), m.get("Exten"), extra.get());
            move(extra.get(), m.get("ExtraContext"), m.get("ExtraExten"), c.get());
        } else {
            s.send(ack(m, "Redirect successful"));
            move(c.get(), m.get("Context"), m.get("Exten"), null);
        }
    }

    private void move(PeerChannel c, String context, String exten, PeerChannel partner) {
        if (c.agi != null) {
            c.agi.channelHungUp(); // an async goto takes the channel out of its application
            c.agi = null;
        }
        if (c.bridgeId != null) {
            List<PeerChannel> members = pbx.bridges.get(c.bridgeId);
            boolean partnerLeaving = partner != null && members.contains(partner);
            if (partnerLeaving) {
                // detach without dissolving onto the partner, who is moved too
                members.remove(c);
                String id = c.bridgeId;
                c.bridgeId = null;
                pbx.emit("call", c.block(PeerPbx.event("BridgeLeave", "call").add("BridgeUniqueid", id), ""));
                if (members.isEmpty()) {
                    pbx.bridges.remove(id);
                    pbx.emit("call", PeerPbx.event("BridgeDestroy", "call").add("BridgeUniqueid", id));
                }
            } else {
                pbx.steal(c);
            }
        }
        pbx.enter(c, context, exten);
    }

    private void bridge(AmiMessage m, PeerAmiServer.Session s) {
        String a = m.get("Channel1");
        String b = m.get("Channel2");
        if (a == null || a.isEmpty() || b == null || b.isEmpty()) {
            s.send(error(m, "Missing channel parameter in request"));
            return;
        }
        Optional<PeerChannel> ca = pbx.findForBridge(a);
        if (ca.isEmpty()) {
            s.send(error(m, "Channel1 does not exist: " + a));
            return;
        }
        Optional<PeerChannel> cb = pbx.findForBridge(b);
        if (cb.isEmpty()) {
            s.send(error(m, "Channel2 does not exist: " + b));
            return;
        }
        for (PeerChannel c : List.of(ca.get(), cb.get())) {
            if (c.agi != null) {
                c.agi.channelHungUp();
                c.agi = null;
            }
        }
        s.send(ack(m, "Channels have been bridged"));
        pbx.bridge(ca.get(), cb.get());
    }

    private void blindTransfer(AmiMessage m, PeerAmiServer.Session s) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.send(error(m, "No channel specified"));
            return;
        }
        String exten = m.get("Exten");
        if (exten == null || exten.isEmpty()) {
            s.send(error(m, "No extension specified"));
            return;
        }
        Optional<PeerChannel> transferer = pbx.find(name);
        if (transferer.isEmpty()) {
            s.send(error(m, "Channel specified does not exist"));
            return;
        }
        PeerChannel x = transferer.get();
        if (x.bridgeId == null) {
            s.send(error(m, "Transfer invalid"));
            return;
        }
        String bridge = x.bridgeId;
        PeerChannel y =
                pbx.bridges.get(bridge).stream().filter(c -> c != x).findFirst().orElse(null);
        if (y == null) {
            s.send(error(m, "Transfer invalid"));
            return;
        }
        String context = m.get("Context") == null || m.get("Context").isEmpty() ? x.context : m.get("Context");
        s.send(ack(m, "Transfer succeeded"));
        pbx.emit("call", x.block(PeerPbx.event("Unhold", "call"), ""));
        pbx.emit(
                "call",
                y.block(
                                x.block(PeerPbx.event("BlindTransfer", "call").add("Result", "Success"), "Transferer"),
                                "Transferee")
                        .add("BridgeUniqueid", bridge)
                        .add("IsExternal", "Yes")
                        .add("Context", context)
                        .add("Extension", exten));
        // the transferee goes to the destination; the transferer is hung up
        List<PeerChannel> members = pbx.bridges.get(bridge);
        members.remove(y);
        y.bridgeId = null;
        pbx.emit("call", y.block(PeerPbx.event("BridgeLeave", "call").add("BridgeUniqueid", bridge), ""));
        pbx.enter(y, context, exten);
        pbx.hangup(x, 16, false);
    }

    private void setvar(AmiMessage m, PeerAmiServer.Session s) {
        String var = m.get("Variable");
        if (var == null || var.isEmpty()) {
            s.send(error(m, "No variable specified"));
            return;
        }
        Optional<PeerChannel> c = pbx.find(m.get("Channel"));
        if (m.get("Channel") != null && !m.get("Channel").isEmpty() && c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        c.ifPresent(ch -> ch.vars.put(var, m.get("Value") == null ? "" : m.get("Value")));
        s.send(ack(m, "Variable Set"));
    }

    private void getvar(AmiMessage m, PeerAmiServer.Session s) {
        String var = m.get("Variable");
        if (var == null || var.isEmpty()) {
            s.send(error(m, "No variable specified"));
            return;
        }
        String name = m.get("Channel");
        Optional<PeerChannel> c = pbx.find(name);
        if (name != null && !name.isEmpty() && c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        String value = c.map(ch -> ch.vars.getOrDefault(var, "")).orElse("");
        s.send(ack(m, null).add("Variable", var).add("Value", value));
    }

    private void status(AmiMessage m, PeerAmiServer.Session s) {
        String name = m.get("Channel");
        List<PeerChannel> list;
        if (name != null && !name.isEmpty()) {
            Optional<PeerChannel> c = pbx.find(name);
            if (c.isEmpty()) {
                s.send(error(m, "No such channel"));
                return;
            }
            list = List.of(c.get());
        } else {
            list = List.copyOf(pbx.channels.values());
        }
        String[] wanted = m.get("Variables") == null || m.get("Variables").isEmpty()
                ? new String[0]
                : m.get("Variables").split(",");
        s.send(listAck(m, "Channel status will follow"));
        String id = m.get("ActionID");
        for (PeerChannel c : list) {
            AmiMessage e = c.block(AmiMessage.event("Status").add("Privilege", "Call"), "")
                    .add("Type", "PJSIP")
                    .add("DNID", "")
                    .add("EffectiveConnectedLineNum", c.connectedNum)
                    .add("EffectiveConnectedLineName", c.connectedName)
                    .add("TimeToHangup", 0)
                    .add("BridgeID", c.bridgeId == null ? "" : c.bridgeId)
                    .add("Application", c.application)
                    .add("Data", c.appData)
                    .add("Nativeformats", "(ulaw)")
                    .add("Readformat", "ulaw")
                    .add("Readtrans", "")
                    .add("Writeformat", "ulaw")
                    .add("Writetrans", "")
                    .add("Callgroup", 0)
                    .add("Pickupgroup", 0)
                    .add("Seconds", (System.currentTimeMillis() - c.createdAt) / 1000);
            for (String v : wanted) {
                String key = v.trim();
                if (!key.isEmpty()) {
                    e.add("Variable", key + "=" + c.vars.getOrDefault(key, ""));
                }
            }
            e.addIfPresent("ActionID", id);
            s.send(e);
        }
        s.send(AmiMessage.event("StatusComplete")
                .addIfPresent("ActionID", id)
                .add("EventList", "Complete")
                .add("ListItems", list.size())
                .add("Items", list.size()));
    }

    private void coreShowChannels(AmiMessage m, PeerAmiServer.Session s) {
        String id = m.get("ActionID");
        s.send(listAck(m, "Channels will follow"));
        List<PeerChannel> list = List.copyOf(pbx.channels.values());
        for (PeerChannel c : list) {
            long secs = (System.currentTimeMillis() - c.createdAt) / 1000;
            s.send(c.block(AmiMessage.event("CoreShowChannel").addIfPresent("ActionID", id), "")
                    .add("Application", c.application)
                    .add("ApplicationData", c.appData)
                    .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60))
                    .add("BridgeId", c.bridgeId == null ? "" : c.bridgeId));
        }
        s.send(AmiMessage.event("CoreShowChannelsComplete")
                .addIfPresent("ActionID", id)
                .add("EventList", "Complete")
                .add("ListItems", list.size()));
    }

    private void deviceStateList(AmiMessage m, PeerAmiServer.Session s) {
        String id = m.get("ActionID");
        s.send(listAck(m, "Device State Changes will follow"));
        List<PeerPbx.Phone> phones = List.copyOf(pbx.phones.values());
        for (PeerPbx.Phone p : phones) {
            s.send(AmiMessage.event("DeviceStateChange")
                    .addIfPresent("ActionID", id)
                    .add("Device", p.device)
                    .add("State", p.answer == PeerPbx.Answer.UNREGISTERED ? "UNAVAILABLE" : p.deviceState));
        }
        s.send(AmiMessage.event("DeviceStateListComplete")
                .addIfPresent("ActionID", id)
                .add("EventList", "Complete")
                .add("ListItems", phones.size()));
    }

    private void mixMonitorMute(AmiMessage m, PeerAmiServer.Session s) {
        String direction = m.get("Direction");
        if (direction == null || direction.isEmpty()) {
            s.send(error(m, "No direction specified. Must be read, write or both"));
            return;
        }
        if (!List.of("read", "write", "both").contains(direction.toLowerCase(Locale.ROOT))) {
            s.send(error(m, "Invalid direction specified. Must be read, write or both"));
            return;
        }
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.send(error(m, "No channel specified"));
            return;
        }
        String state = m.get("State");
        if (state == null || state.isEmpty()) {
            s.send(error(m, "No state specified"));
            return;
        }
        Optional<PeerChannel> c = pbx.find(name);
        if (c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        if (!c.get().mixMonitor) {
            s.send(error(m, "Cannot set mute flag"));
            return;
        }
        s.send(ack(m, null));
        pbx.emit(
                "call",
                c.get()
                        .block(PeerPbx.event("MixMonitorMute", "call"), "")
                        .add("Direction", direction)
                        .add("State", isTrue(state) ? 1 : 0));
    }

    private void stopMixMonitor(AmiMessage m, PeerAmiServer.Session s) {
        Optional<PeerChannel> c = pbx.find(m.get("Channel"));
        if (c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        if (!c.get().mixMonitor) {
            s.send(error(m, "Could not stop MixMonitor"));
            return;
        }
        c.get().mixMonitor = false;
        s.send(ack(m, null));
        pbx.emit("call", c.get().block(PeerPbx.event("MixMonitorStop", "call"), ""));
    }

    private void mixMonitor(AmiMessage m, PeerAmiServer.Session s) {
        Optional<PeerChannel> c = pbx.find(m.get("Channel"));
        if (c.isEmpty()) {
            s.send(error(m, "No such channel"));
            return;
        }
        c.get().mixMonitor = true;
        s.send(ack(m, null));
        pbx.emit("call", c.get().block(PeerPbx.event("MixMonitorStart", "call"), ""));
    }
}
