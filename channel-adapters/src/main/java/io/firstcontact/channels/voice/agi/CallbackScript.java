package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.calls.Switchboard;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.port.RoutingPort;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://…/callback)}, the key a waiting caller presses to be called back: the number they call from, or
 * one they key, is confirmed; the callback is asked of routing (the caller keeps their place in line); they are told
 * and hung up — which, for this call, is not an abandon. The caller's key comes through the dialplan (the holding
 * context's extension), never through AMI DTMF events, which the router's manager user cannot read.
 */
final class CallbackScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackScript.class);

    private final RoutingPort routing;
    private final Switchboard board;

    CallbackScript(RoutingPort routing, Switchboard board) {
        this.routing = routing;
        this.board = board;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String id = Scripts.interactionId(channel);
        if (id == null) {
            return;
        }
        String number = board.callerNumber(id).toCompletableFuture().join();
        if (number == null) {
            number = keyed(channel);
        } else {
            String choice = channel.getData("fc-callback-confirm", 5_000, 1);
            if ("2".equals(choice)) {
                number = keyed(channel);
            } else if (!"1".equals(choice)) {
                return; // back to waiting
            }
        }
        if (number == null) {
            channel.streamFile("fc-callback-invalid");
            return;
        }
        Decision d;
        try {
            d = Scripts.decide(routing, Switchboard.SOURCE, "callback:" + id, new Command.RequestCallback(id, number));
        } catch (Scripts.RoutingUnavailable e) {
            LOG.warn("voice: a callback could not be asked for ({})", e.getMessage());
            channel.streamFile("fc-callback-unavailable");
            return;
        }
        if (d.refused()) {
            LOG.info("voice: routing refused a callback: {}", d.effects().getFirst());
            channel.streamFile("fc-callback-unavailable");
            return;
        }
        board.awaitingCallback(id, number).toCompletableFuture().join();
        channel.streamFile("fc-callback-confirmed");
        channel.hangup();
    }

    /** The number the caller keys, or null when it is not a phone number (a card number is never taken). */
    private static String keyed(AgiChannel channel) throws AgiException {
        String digits = channel.getData("fc-callback-enter-number", 10_000, 15);
        if (digits == null || CardNumberTripwire.containsCardNumber(digits)) {
            return null;
        }
        return CallerNumbers.keyedNumberValid(digits) ? digits : null;
    }
}
