package io.firstcontact.channels.voice.ami;

import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Asterisk-Java's events into {@link AmiEvent}s on its dispatch thread, at once, and hands them on; every other
 * event (there are hundreds) is dropped here. A malformed event (a field missing, a number that is not one) is logged
 * and skipped, never thrown back into Asterisk-Java's reader.
 */
final class AmiTranslator implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AmiTranslator.class);

    private final Consumer<AmiEvent> sink;

    AmiTranslator(Consumer<AmiEvent> sink) {
        this.sink = sink;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        AmiEvent translated;
        try {
            translated = translate(event);
        } catch (RuntimeException e) {
            LOG.warn(
                    "an AMI {} event could not be read and was skipped: {}",
                    event.getClass().getSimpleName(),
                    e.toString());
            return;
        }
        if (translated != null) {
            sink.accept(translated);
        }
    }

    static AmiEvent translate(ManagerEvent event) {
        return switch (event) {
            case ConnectEvent e -> new AmiEvent.Connected();
            case DisconnectEvent e -> new AmiEvent.Disconnected();
            case FullyBootedEvent e -> new AmiEvent.Booted(e.getUptime() == null ? -1 : e.getUptime());
            case OriginateResponseEvent e ->
                new AmiEvent.OriginateResult(
                        e.getActionId(),
                        "Success".equalsIgnoreCase(e.getResponse()),
                        e.getReason() == null ? 0 : e.getReason(),
                        e.getChannel(),
                        known(e.getUniqueId()));
            // List actions' items (Status, CoreShowChannel) reach their callers through the action, not here.
            case ResponseEvent e -> null;
            case NewChannelEvent e ->
                needs(e.getUniqueId()) == null
                        ? null
                        : new AmiEvent.ChannelCreated(e.getUniqueId(), e.getChannel(), e.getLinkedid());
            case NewStateEvent e ->
                e.getUniqueId() == null || e.getChannelState() == null
                        ? null
                        : new AmiEvent.ChannelState(e.getUniqueId(), e.getChannel(), e.getChannelState());
            case HangupEvent e ->
                needs(e.getUniqueId()) == null
                        ? null
                        : new AmiEvent.ChannelHungUp(
                                e.getUniqueId(),
                                e.getChannel(),
                                e.getLinkedId(),
                                e.getCause() == null ? 0 : e.getCause());
            case DeviceStateChangeEvent e ->
                e.getDevice() == null || e.getState() == null
                        ? null
                        : new AmiEvent.DeviceState(e.getDevice(), e.getState());
            case BridgeEnterEvent e ->
                needs(e.getUniqueId()) == null
                        ? null
                        : new AmiEvent.BridgeEntered(e.getBridgeUniqueId(), e.getUniqueId(), e.getChannel());
            case BridgeLeaveEvent e ->
                needs(e.getUniqueId()) == null
                        ? null
                        : new AmiEvent.BridgeLeft(e.getBridgeUniqueId(), e.getUniqueId(), e.getChannel());
            case HoldEvent e ->
                needs(e.getUniqueId()) == null ? null : new AmiEvent.HoldChanged(e.getUniqueId(), e.getChannel(), true);
            case UnholdEvent e ->
                needs(e.getUniqueId()) == null
                        ? null
                        : new AmiEvent.HoldChanged(e.getUniqueId(), e.getChannel(), false);
            default -> null;
        };
    }

    private static String needs(String uniqueid) {
        if (uniqueid == null || uniqueid.isEmpty()) {
            LOG.debug("an AMI event without a Uniqueid was skipped");
            return null;
        }
        return uniqueid;
    }

    /** Asterisk writes {@code <unknown>} where an originate produced no channel. */
    private static String known(String uniqueid) {
        return uniqueid == null || uniqueid.isEmpty() || uniqueid.equals("<unknown>") ? null : uniqueid;
    }
}
