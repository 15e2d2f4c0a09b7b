package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.calls.Switchboard;
import io.firstcontact.ivr.voice.VoiceIvr;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.InstantSource;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;

/** The scripts the sample dialplan calls, by the name in its {@code AGI(agi://host:port/<name>)}. */
public final class AgiScripts {
    public static final String ENTRY = "entry";
    public static final String ANNOUNCE = "announce";
    public static final String CALLBACK = "callback";
    public static final String SMS_LINK = "sms-link";

    private AgiScripts() {}

    public static Map<String, AgiScript> all(
            VoiceOptions options,
            RoutingPort routing,
            Switchboard board,
            LiveReads reads,
            Notifier notifier,
            VoiceIvr ivr,
            InstantSource clock) {
        return Map.of(
                ENTRY, new EntryScript(options, routing, board, ivr, clock),
                ANNOUNCE, new AnnouncementScript(options, reads),
                CALLBACK, new CallbackScript(routing, board),
                SMS_LINK, new SmsLinkScript(options, board, notifier));
    }
}
