package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.calls.Switchboard;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.voice.VoiceIvr;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.port.InteractionIds;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://…/entry)}: a call arrives. The caller is identified by their number (the customer reference until
 * the account directory comes), the interaction is created with the source reference {@code voice:<server>:<linkedid>}
 * and its id set on the channel ({@code FC_INTERACTION_ID}, with {@code FC_QUEUE} and {@code FC_WAIT_START}, so a
 * restarted router finds its callers again). The IVR's flows then serve the caller (without an IVR configured, a
 * one-digit menu chooses the queue), and a caller for an advisor is queued. When the script returns, the dialplan
 * takes the caller to the holding context.
 */
final class EntryScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(EntryScript.class);

    private final VoiceOptions options;
    private final RoutingPort routing;
    private final Switchboard board;
    /** The IVR's flows, or null: the one-digit menu chooses the queue. */
    private final VoiceIvr ivr;

    private final InstantSource clock;

    EntryScript(VoiceOptions options, RoutingPort routing, Switchboard board, VoiceIvr ivr, InstantSource clock) {
        this.options = options;
        this.routing = routing;
        this.board = board;
        this.ivr = ivr;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueid = request.getUniqueId();
        String number = CallerNumbers.normalise(request.getCallerIdNumber());
        // A caller id that looks like a card number (a long Luhn-valid one can, by chance) stays in the adapter, for
        // a callback or a text; it never enters routing (docs/routing-contract.md §1: no card number enters the core).
        String shared = number == null || CardNumberTripwire.containsCardNumber(number) ? null : number;
        String linkedid = channel.getVariable("CHANNEL(linkedid)");
        String sourceRef = options.source() + ":" + (linkedid == null || linkedid.isBlank() ? uniqueid : linkedid);
        String id = InteractionIds.random("call-");
        channel.setVariable("FC_INTERACTION_ID", id);
        channel.setVariable("FC_LEG", "caller");
        board.arrived(id, sourceRef, uniqueid, request.getChannel(), number)
                .toCompletableFuture()
                .join();
        boolean created = false;
        try {
            Decision made = Scripts.decide(
                    routing,
                    Switchboard.SOURCE,
                    "create:" + id,
                    new Command.CreateInteraction(
                            // No customerRef: the number identifies the caller through the account context
                            // (callerNumber), which finds who has it; a number is not a customer reference.
                            id, "voice", Direction.INBOUND, sourceRef, null, null, attributes(shared, null), null));
            if (made.refused()) {
                LOG.warn("voice: routing refused a new call: {}", made.effects().getFirst());
                channel.setVariable("FC_INTERACTION_ID", "");
                return;
            }
            created = true;
            if (ivr != null) {
                selfService(channel, id, shared);
                return;
            }
            String queue = menu(channel);
            waiting(channel, queue);
            Scripts.decide(
                    routing,
                    Switchboard.SOURCE,
                    "attributes:" + id,
                    new Command.UpdateAttributes(id, attributes(shared, queue)));
            board.queued(id, queue);
            queue(id, QueueRequest.to(queue));
        } catch (AgiHangupException e) {
            // The caller hung up in the menu. Their hang-up event may have been seen before the creation was
            // sequenced, so the end is asked for here too (a second end changes nothing).
            if (created) {
                endQuietly(id);
            }
            throw e;
        } catch (Scripts.RoutingUnavailable e) {
            LOG.warn(
                    "voice: a new call could not be handed to routing ({}); the caller hears the fallback message",
                    e.getMessage());
            channel.setVariable("FC_INTERACTION_ID", "");
        } finally {
            board.ivrEnded(id);
        }
    }

    /**
     * The IVR's flows run on this channel until the call leaves them; routing is then told what they decided, in order:
     * handed to an advisor (the caller's attributes beside the IVR's, then the queue; the dialplan takes them to the
     * holding context), helped or told the queue is closed (the call ends here), forwarded out of hours (the dialplan
     * puts the call through to {@code FC_FORWARD}), or gone.
     */
    private void selfService(AgiChannel channel, String id, String shared)
            throws AgiException, Scripts.RoutingUnavailable {
        Ending ending = ivr.run(channel, new Call(id, "voice", e164(shared), null, null));
        List<Command> commands = ending.commands(id, attributes(shared, null));
        switch (ending) {
            case Ending.HandOver h -> {
                waiting(channel, h.request().queue());
                board.queued(id, h.request().queue());
                for (Command c : commands) {
                    if (c instanceof Command.QueueInteraction q) {
                        queue(id, q.request());
                    } else {
                        Scripts.decide(routing, Switchboard.SOURCE, c.type() + ":" + id, c);
                    }
                }
            }
            case Ending.Forward f -> {
                board.leavesByDialplan(id);
                channel.setVariable("FC_FORWARD", f.number());
                submitAll(id, commands);
            }
            case Ending.SelfServed s -> {
                board.leavesByDialplan(id);
                submitAll(id, commands);
                channel.hangup();
            }
            case Ending.Closed c -> {
                board.leavesByDialplan(id);
                submitAll(id, commands);
                channel.hangup();
            }
            case Ending.CallerLeft l -> submitAll(id, commands);
        }
    }

    private void submitAll(String id, List<Command> commands) throws Scripts.RoutingUnavailable {
        for (Command c : commands) {
            Scripts.decide(routing, Switchboard.SOURCE, c.type() + ":" + id, c);
        }
    }

    /** The channel variables a waiting caller carries, so that a restarted router finds them again. */
    private void waiting(AgiChannel channel, String queue) throws AgiException {
        channel.setVariable("FC_QUEUE", queue);
        channel.setVariable("FC_WAIT_START", String.valueOf(clock.millis()));
        channel.setVariable(
                "FC_ANNOUNCE_EVERY", String.valueOf(options.announceEvery().toSeconds()));
    }

    private void queue(String id, QueueRequest request) throws Scripts.RoutingUnavailable {
        Decision queued =
                Scripts.decide(routing, Switchboard.SOURCE, "queue:" + id, new Command.QueueInteraction(id, request));
        if (queued.refused()) {
            LOG.warn(
                    "voice: routing refused to queue a call in {}: {}",
                    request.queue(),
                    queued.effects().getFirst());
        }
    }

    /** The caller's number as the IVR's back-office lookups key it, or null when it is not a telephone number. */
    private static String e164(String number) {
        if (number == null) {
            return null;
        }
        try {
            return E164.normalise(number);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The one-digit menu: the queue of the key pressed, or the default after the configured attempts. */
    private String menu(AgiChannel channel) throws AgiException {
        VoiceOptions.Menu menu = options.menu();
        for (int attempt = 0; attempt < menu.attempts(); attempt++) {
            String digits = channel.getData(menu.prompt(), menu.timeout().toMillis(), 1);
            if (digits != null && menu.queues().containsKey(digits.strip())) {
                return menu.queues().get(digits.strip());
            }
        }
        return menu.defaultQueue();
    }

    /** The caller's number (personal: sealed in the journal) and their menu choice (what they keyed). */
    private static Attributes attributes(String number, String queue) {
        List<String> pairs = new ArrayList<>();
        if (number != null) {
            pairs.add("callerNumber");
            pairs.add(number);
        }
        if (queue != null) {
            pairs.add("menuChoice");
            pairs.add(queue);
        }
        return Attributes.of(pairs.toArray(String[]::new));
    }

    private void endQuietly(String id) {
        routing.submit(Switchboard.SOURCE, "end-ivr:" + id, new Command.EndInteraction(id, EndReason.CUSTOMER_LEFT));
    }
}
