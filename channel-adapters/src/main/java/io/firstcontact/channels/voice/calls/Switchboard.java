package io.firstcontact.channels.voice.calls;

import io.firstcontact.channels.voice.VoiceObserver;
import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.ami.AmiEvent;
import io.firstcontact.channels.voice.ami.AmiLink;
import io.firstcontact.channels.voice.ami.BlindTransferAction;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.RoutingPort;
import io.vertx.core.Context;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects callers to advisors: it follows every call on Asterisk (AMI events), carries out routing's committed
 * decisions on them (ring the advisor, bridge on answer, withdraw, transfer, hold) and reports what happened on the
 * phones back to routing (answered, busy, hung up, device states). Agent-first (docs/routing-contract.md §5): the advisor's phone is
 * rung first, and the caller is bridged only once the engine has sequenced the answer.
 *
 * <p>Everything runs on one Vert.x context: AMI events and decisions arrive from other threads and are handed to it;
 * actions are sent with Asterisk-Java's asynchronous send and their answers come back to it.
 */
public final class Switchboard {
    private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);
    /** The source of every command the adapter submits. */
    public static final String SOURCE = "voice";

    static final String VOICE = "voice";

    private final VoiceOptions options;
    private final Context context;
    private final RoutingPort routing;
    private final LiveReads reads;
    private final AmiLink ami;
    private final InstantSource clock;
    final Calls calls = new Calls();
    private final Dialler dialler;
    private final Resync resync;
    private final Supervision supervision = new Supervision(this);
    /** Logins so far: a just-booted Asterisk after one of them means it restarted under the adapter. */
    private int connections;
    /** Whether a resynchronisation has completed since the adapter started. */
    private boolean synced;

    private final VoiceObserver observer;
    /** When the AMI event being handled reached the adapter (System.nanoTime on Asterisk-Java's thread). */
    private long eventNanos;
    /** Per advisor, when the last AMI event that freed them reached the adapter: their leg's hang-up, NOT_INUSE. */
    private final Map<String, Long> freedAt = new HashMap<>();
    /** Offers made by an advisor's freeing, by offer id: when that freeing reached the adapter. */
    private final Map<String, Long> ringAfterFree = new HashMap<>();
    /** Offers for callers not known yet, made before the first resynchronisation. */
    private final List<Effect.OfferToAgent> awaitingSync = new java.util.ArrayList<>();
    /** Offers whose interaction is being looked up in routing (a call the centre places), by offer id. */
    private final java.util.Set<String> lookingUp = new java.util.HashSet<>();

    public Switchboard(
            VoiceOptions options,
            Context context,
            RoutingPort routing,
            LiveReads reads,
            AmiLink ami,
            InstantSource clock,
            VoiceObserver observer) {
        this.observer = observer;
        this.options = options;
        this.context = context;
        this.routing = routing;
        this.reads = reads;
        this.ami = ami;
        this.clock = clock;
        this.dialler = new Dialler(this, options, clock);
        this.resync = new Resync(this, options);
    }

    VoiceOptions options() {
        return options;
    }

    InstantSource clock() {
        return clock;
    }

    // ------------------------------------------------------------------ plumbing

    /** Runs on the adapter's context. */
    public void onContext(Runnable task) {
        context.runOnContext(v -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("voice: a task failed on the adapter's context", e);
            }
        });
    }

    /** Runs on the adapter's context and answers there. */
    public <T> CompletionStage<T> onContext(java.util.function.Supplier<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                done.complete(task.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Sends an action; the answer (or the failure) comes back on the context. */
    CompletableFuture<ManagerResponse> send(ManagerAction action) {
        CompletableFuture<ManagerResponse> back = new CompletableFuture<>();
        ami.send(action)
                .whenComplete((r, e) -> context.runOnContext(v -> {
                    if (e != null) {
                        back.completeExceptionally(e);
                    } else {
                        back.complete(r);
                    }
                }));
        return back;
    }

    AmiLink ami() {
        return ami;
    }

    Context context() {
        return context;
    }

    /** Submits a command; the decision (or the failure) comes back on the context. */
    CompletableFuture<Decision> submit(String idempotencyKey, Command command) {
        CompletableFuture<Decision> back = new CompletableFuture<>();
        routing.submit(SOURCE, idempotencyKey, command)
                .whenComplete((d, e) -> context.runOnContext(v -> {
                    if (e != null) {
                        LOG.warn("voice: {} not applied: {}", command.type(), e.getMessage());
                        back.completeExceptionally(e);
                        return;
                    }
                    if (d.refused() && d.effects().getFirst() instanceof Effect.Refused r) {
                        LOG.debug("voice: {} refused: {} {}", command.type(), r.reason(), r.message());
                    }
                    back.complete(d);
                }));
        return back;
    }

    void hangup(String uniqueid) {
        HangupAction h = new HangupAction(uniqueid);
        send(h).exceptionally(e -> {
            LOG.debug("voice: hang-up of {} not done: {}", uniqueid, e.getMessage());
            return null;
        });
    }

    // ------------------------------------------------------------------ from the AMI

    /** From Asterisk-Java's thread: handed to the context at once. */
    public void amiEvent(AmiEvent event) {
        long arrived = System.nanoTime();
        context.runOnContext(v -> {
            try {
                eventNanos = arrived;
                onAmi(event);
            } catch (RuntimeException e) {
                LOG.error("voice: the AMI event {} could not be handled", event, e);
            }
        });
    }

    void onAmi(AmiEvent event) {
        switch (event) {
            case AmiEvent.Connected c -> {
                connections++;
                resync.run();
            }
            case AmiEvent.Disconnected d ->
                LOG.warn(
                        "voice: the AMI connection to {}:{} was lost; reconnecting (calls in Asterisk go on)",
                        options.ami().host(),
                        options.ami().port());
            case AmiEvent.Booted b -> {
                if (b.uptimeSeconds() == 0 && connections > 0) {
                    LOG.warn("voice: Asterisk has just started: the calls it held before are gone");
                }
            }
            case AmiEvent.ChannelCreated c -> calls.leg(c.uniqueid()).ifPresent(l -> l.channel = c.channel());
            case AmiEvent.ChannelState s -> ringing(s);
            case AmiEvent.OriginateResult r -> dialler.originated(r);
            case AmiEvent.ChannelHungUp h -> hungUp(h);
            case AmiEvent.DeviceState s -> deviceState(s.device(), s.state());
            case AmiEvent.HoldChanged h -> phoneHold(h);
            case AmiEvent.BridgeEntered b -> calls.leg(b.uniqueid()).ifPresent(l -> l.bridged = true);
            case AmiEvent.BridgeLeft b -> calls.leg(b.uniqueid()).ifPresent(l -> l.bridged = false);
        }
    }

    private void ringing(AmiEvent.ChannelState s) {
        if (s.state() != AmiEvent.ChannelState.RINGING) {
            return;
        }
        calls.leg(s.uniqueid()).ifPresent(l -> {
            if (l.offerId != null && !l.delivered) {
                l.delivered = true;
                l.channel = s.channel();
                submit("delivered:" + l.offerId, new Command.OfferDelivered(l.offerId));
            }
        });
    }

    private void hungUp(AmiEvent.ChannelHungUp h) {
        calls.byCaller(h.uniqueid()).ifPresent(c -> callerHungUp(c));
        calls.leg(h.uniqueid()).ifPresent(l -> legHungUp(l));
    }

    private void callerHungUp(Call c) {
        calls.callerChannel(c, null, null);
        if (c.ending) {
            return;
        }
        if (c.stage == Call.Stage.AWAITING_CALLBACK) {
            return; // they asked to be called back: hanging up is what they were told to do
        }
        c.ending = true;
        // The engine tells the abandon (waiting), the abandon while alerting (ringing) and the end of a talk apart.
        submit("end:" + c.interactionId, new Command.EndInteraction(c.interactionId, EndReason.CUSTOMER_LEFT));
        for (Leg l : new Leg[] {c.advisor, c.consulted}) {
            if (l != null && !l.released) {
                l.released = true;
                hangup(l.uniqueid);
            }
        }
    }

    private void legHungUp(Leg l) {
        if (!l.answered && !l.released && l.role != Leg.Role.SUPERVISOR) {
            // Not answered: the OriginateResponse that follows says why (declined, busy, no answer).
            calls.forgetChannel(l);
            return;
        }
        calls.forget(l);
        if (l.released) {
            return;
        }
        Call c = calls.call(l.interactionId).orElse(null);
        switch (l.role) {
            case ADVISOR -> {
                freedAt.put(l.agentId, eventNanos);
                advisorHungUp(c, l);
            }
            case CONSULT -> Consults.colleagueHungUp(this, c, l);
            case CUSTOMER -> Callbacks.customerHungUp(this, c, l);
            case SUPERVISOR -> LOG.info("voice: supervision leg {} ended", l.uniqueid);
        }
    }

    private void advisorHungUp(Call c, Leg l) {
        if (c == null) {
            return;
        }
        if (c.ringing == l) {
            c.ringing = null;
            // Not answered yet: the OriginateResponse says why (declined, busy…). Answered but not bridged yet:
            // the advisor left at once, so the caller goes back to their place in line.
            if (l.answered) {
                submit(null, new Command.TransferToQueue(c.interactionId, c.queue, true, Actor.SYSTEM));
            }
            return;
        }
        if (c.advisor == l) {
            if (c.stage == Call.Stage.CONSULTING && c.consulted != null && c.consulted.answered) {
                c.advisor = null;
                Consults.advisorLeft(this, c); // hanging up hands the call over to the colleague
                return;
            }
            c.advisor = null;
            c.ending = true;
            submit("end:" + c.interactionId, new Command.EndInteraction(c.interactionId, EndReason.COMPLETED));
            if (c.callerUniqueid != null) {
                hangup(c.callerUniqueid);
            }
            if (c.customer != null && !c.customer.released) {
                c.customer.released = true;
                hangup(c.customer.uniqueid);
            }
        }
    }

    /**
     * An advisor's phone changed state (Asterisk's DeviceStateChange): routing offers voice only while it is free, or
     * busy with the call it gave them. A repeated state is not sent again; a state Asterisk adds later is ignored.
     */
    private void deviceState(String device, String state) {
        calls.agentAt(device).ifPresent(agent -> {
            DeviceState known = deviceState(state);
            if (known == null || !calls.deviceState(device, state)) {
                return;
            }
            if (known == DeviceState.NOT_INUSE) {
                freedAt.put(agent, eventNanos);
            }
            submit(null, new Command.DeviceStateChanged(agent, known));
        });
    }

    private static DeviceState deviceState(String asterisk) {
        try {
            return DeviceState.valueOf(asterisk);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The advisor pressed hold on their phone: the call is parked (and resumed) in routing too. */
    private void phoneHold(AmiEvent.HoldChanged h) {
        calls.leg(h.uniqueid()).ifPresent(l -> {
            if (l.role != Leg.Role.ADVISOR) {
                return;
            }
            calls.call(l.interactionId).ifPresent(c -> {
                if (c.advisor != l) {
                    return;
                }
                c.stage = h.held() ? Call.Stage.ON_HOLD : Call.Stage.CONNECTED;
                c.phoneHold = h.held();
                submit(null, h.held() ? new Command.Park(c.interactionId) : new Command.Resume(c.interactionId));
            });
        });
    }

    // ------------------------------------------------------------------ from routing

    /** From the engine thread: handed to the context at once. */
    public void committed(EngineInput input, Decision decision) {
        if (decision.effects().isEmpty() && decision.facts().isEmpty()) {
            return;
        }
        context.runOnContext(v -> {
            try {
                onDecision(input, decision);
            } catch (RuntimeException e) {
                LOG.error("voice: the decision of entry {} could not be carried out", input.entryId(), e);
            }
        });
    }

    void onDecision(EngineInput input, Decision decision) {
        if (!decision.refused()
                && (input.command() instanceof Command.Park || input.command() instanceof Command.Resume)) {
            Holds.onCommand(this, input);
        }
        for (Fact f : decision.facts()) {
            onFact(input, f);
        }
        for (Effect e : decision.effects()) {
            onEffect(input, e);
        }
    }

    private void onFact(EngineInput input, Fact f) {
        switch (f) {
            case Fact.DeviceAssigned d -> calls.device(d.agentId(), d.device());
            case Fact.PresenceChanged p -> {
                if (p.to() == PresenceState.LOGGED_OUT) {
                    calls.noDevice(p.agentId());
                }
            }
            case Fact.VisitStarted v -> calls.call(v.interactionId()).ifPresent(c -> visitStarted(input, c, v));
            case Fact.InteractionEnded e -> calls.call(e.interactionId()).ifPresent(c -> ended(input, c, e));
            default -> Consults.onFact(this, f);
        }
    }

    private void onEffect(EngineInput input, Effect e) {
        switch (e) {
            case Effect.OfferToAgent o -> {
                if (!VOICE.equals(o.channel())) {
                    return;
                }
                Long freed = freedAt.remove(o.agentId());
                if (freed != null && freedBy(input, o.agentId())) {
                    ringAfterFree.put(o.offerId(), freed);
                }
                if (!synced && calls.call(o.interactionId()).isEmpty()) {
                    // Before the first resynchronisation the adapter may not know this caller yet (a restart).
                    awaitingSync.add(o);
                } else {
                    offer(o);
                }
            }
            case Effect.WithdrawOffer w -> {
                ringAfterFree.remove(w.offerId());
                withdraw(w);
            }
            case Effect.Connect c -> connect(c);
            case Effect.MaxWaitAction m -> treatment(m.interactionId(), m.action());
            case Effect.QueueFullAction q -> treatment(q.interactionId(), q.action());
            case Effect.ClosedTreatment t -> treatment(t.interactionId(), "closed");
            case Effect.TransferOut t -> calls.call(t.interactionId()).ifPresent(c -> transferOut(c, t.destination()));
            default -> {}
        }
    }

    /** Whether this adapter's input freed the advisor: their call's end, or their phone's new state. */
    private static boolean freedBy(EngineInput input, String agentId) {
        return SOURCE.equals(input.source())
                && (input.command() instanceof Command.EndInteraction
                        || input.command() instanceof Command.DeviceStateChanged d
                                && d.agentId().equals(agentId));
    }

    /** The Originate of an offer is leaving: measured from the advisor's freeing when that freeing made the offer. */
    void ringing(String offerId) {
        Long freed = ringAfterFree.remove(offerId);
        if (freed != null) {
            observer.freeToRing(System.nanoTime() - freed);
        }
    }

    /** The first resynchronisation is done: the offers that waited for it ring now (or are not this adapter's). */
    void synced() {
        if (synced) {
            return;
        }
        synced = true;
        List<Effect.OfferToAgent> waiting = List.copyOf(awaitingSync);
        awaitingSync.clear();
        waiting.forEach(this::offer);
    }

    /**
     * Rings the advisor of an offer. A call nobody waits on the line for — a callback, an advisor's outbound call — is
     * not one the adapter holds: routing knows its number, and the customer is dialled once the advisor answers.
     */
    private void offer(Effect.OfferToAgent o) {
        if (calls.call(o.interactionId()).isPresent()) {
            dialler.offer(o);
            return;
        }
        lookingUp.add(o.offerId());
        reads.dialOut(o.interactionId())
                .whenComplete((d, e) -> onContext(() -> {
                    if (!lookingUp.remove(o.offerId())) {
                        return; // withdrawn meanwhile
                    }
                    if (e != null) {
                        LOG.warn("voice: could not read what offer {} is for: {}", o.offerId(), e.getMessage());
                        return;
                    }
                    if (d.isPresent() && calls.call(o.interactionId()).isEmpty()) {
                        Call c = new Call(o.interactionId(), null, null, Call.Stage.AWAITING_CALLBACK);
                        c.callbackNumber = d.get().number();
                        c.dialOut = d.get();
                        c.queue = o.queue();
                        calls.add(c);
                    }
                    dialler.offer(o);
                }));
    }

    private void withdraw(Effect.WithdrawOffer w) {
        awaitingSync.removeIf(o -> o.offerId().equals(w.offerId()));
        lookingUp.remove(w.offerId());
        calls.offer(w.offerId()).ifPresent(l -> {
            l.released = true;
            calls.forget(l);
            calls.call(l.interactionId).ifPresent(c -> {
                if (c.ringing == l) {
                    c.ringing = null;
                }
            });
            hangup(l.uniqueid);
        });
    }

    private void connect(Effect.Connect e) {
        Leg l = calls.offer(e.offerId()).orElse(null);
        Call c = calls.call(e.interactionId()).orElse(null);
        if (l == null || c == null) {
            return;
        }
        if (l.role == Leg.Role.CONSULT) {
            Consults.connect(this, c, l);
            return;
        }
        if (c.ringing == l) {
            c.ringing = null;
        }
        // Connected as far as routing is concerned from now on; the bridge follows.
        c.advisor = l;
        c.stage = Call.Stage.CONNECTED;
        if (l.kind == OfferKind.DIAL_CUSTOMER) {
            // Nobody waits on the line: a callback or an advisor's outbound call dials the customer now.
            Callbacks.dialCustomer(this, c, l);
            return;
        }
        bridgeWhenReady(c, l);
    }

    /** Bridges the caller with the advisor, once the entry script no longer holds the caller's channel. */
    private void bridgeWhenReady(Call c, Leg advisor) {
        if (c.inIvr) {
            c.afterIvr.add(() -> bridgeWhenReady(c, advisor));
            return;
        }
        if (c.callerUniqueid == null) {
            advisor.released = true;
            hangup(advisor.uniqueid);
            return;
        }
        bridge(c.callerUniqueid, advisor.uniqueid).whenComplete((r, err) -> {
            if (err != null) {
                LOG.info(
                        "voice: {} could not be bridged to its advisor ({}): the advisor leg is released",
                        c,
                        err.getMessage());
                advisor.released = true;
                hangup(advisor.uniqueid);
                return;
            }
            advisor.bridged = true;
        });
    }

    /**
     * Bridges two channels named by their unique ids. Asterisk's {@code Bridge} action, unlike every other action the
     * adapter sends, looks its channels up by prefix — first of a name, then of a unique id ({@code action_bridge} in
     * main/features.c calls {@code ast_channel_get_by_name_prefix}) — and takes whichever matching channel it meets
     * first: Asterisk's unique id {@code 1733150000.12} is also the start of {@code 1733150000.120}'s. So it is given
     * the channels' names, which no other channel's name begins with, wherever the adapter knows them.
     */
    CompletableFuture<ManagerResponse> bridge(String first, String second) {
        BridgeAction b = new BridgeAction(bridgeable(first), bridgeable(second), false);
        return send(b);
    }

    /** The channel's name if known (a caller's, a leg's), else its unique id. */
    private String bridgeable(String uniqueid) {
        return calls.byCaller(uniqueid)
                .map(c -> c.callerName)
                .or(() -> calls.leg(uniqueid).map(l -> l.channel))
                .orElse(uniqueid);
    }

    CompletableFuture<ManagerResponse> redirect(String uniqueid, String context, String exten) {
        RedirectAction r = new RedirectAction(uniqueid, context, exten, 1);
        return send(r);
    }

    /** Both channels leave their bridge together, so neither is left alone in it (and hung up). */
    CompletableFuture<ManagerResponse> redirectBoth(
            String first, String context, String exten, String second, String secondContext, String secondExten) {
        RedirectAction r = new RedirectAction(first, context, exten, 1);
        r.setExtraChannel(second);
        r.setExtraContext(secondContext);
        r.setExtraExten(secondExten);
        r.setExtraPriority(1);
        return send(r);
    }

    /**
     * The treatment context's extension for a routing action: its id in lower case, with anything but letters, digits
     * and '-' made '-' (an id may hold any printable character; the dialplan plays {@code fc-<extension>}, and a ',' or
     * a '/' there would be an option or a directory); {@code closed} for none.
     */
    static String treatmentExten(String action) {
        return action == null || action.isBlank()
                ? "closed"
                : action.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private void treatment(String interactionId, String action) {
        calls.call(interactionId).ifPresent(c -> {
            if (c.callerUniqueid == null) {
                return;
            }
            String exten = treatmentExten(action);
            Runnable go = () -> redirect(c.callerUniqueid, options.contexts().treatment(), exten)
                    .exceptionally(err -> {
                        LOG.info("voice: {} could not hear the {} treatment: {}", c, exten, err.getMessage());
                        return null;
                    });
            if (c.inIvr) {
                c.afterIvr.add(go);
            } else {
                go.run();
            }
        });
    }

    /** A VisitStarted for a connected call is a transfer back to a queue (or to a named advisor through one). */
    private void visitStarted(EngineInput input, Call c, Fact.VisitStarted v) {
        c.queue = v.queue();
        if (c.stage == Call.Stage.IVR) {
            c.stage = Call.Stage.WAITING;
            return;
        }
        if (c.advisor != null && c.stage != Call.Stage.CONSULTING) {
            Leg advisor = c.advisor;
            advisor.released = true;
            c.advisor = null;
            c.stage = Call.Stage.WAITING;
            LOG.info(
                    "voice: {} is transferred to queue {} by {}",
                    c,
                    v.queue(),
                    input.command().type());
            if (c.callerUniqueid == null) {
                hangup(advisor.uniqueid);
                return;
            }
            // The advisor's leg is the transferer: its bridged party (the caller) goes to holding, it hangs up.
            send(new BlindTransferAction(advisor.uniqueid, options.contexts().holding(), "s"))
                    .exceptionally(err -> {
                        LOG.info(
                                "voice: blind transfer of {} failed ({}); moving the caller instead",
                                c,
                                err.getMessage());
                        redirect(c.callerUniqueid, options.contexts().holding(), "s");
                        hangup(advisor.uniqueid);
                        return null;
                    });
        }
    }

    private void ended(EngineInput input, Call c, Fact.InteractionEnded e) {
        calls.remove(c);
        if (c.ending && c.stage == Call.Stage.IVR) {
            return; // the IVR ended it: the entry script and the dialplan take the caller on
        }
        if (e.reason() == EndReason.TRANSFERRED_OUT && input.command() instanceof Command.TransferExternal t) {
            transferOut(c, t.destination());
            return;
        }
        if (e.reason() == EndReason.TRANSFERRED_OUT) {
            return; // TransferOut (external overflow) carries the destination
        }
        if (c.ending) {
            return;
        }
        // Ended by someone else (a supervisor, the API, an outage): the legs still up are released.
        c.ending = true;
        if (c.callerUniqueid != null) {
            hangup(c.callerUniqueid);
        }
        for (Leg l : new Leg[] {c.ringing, c.advisor, c.consulted, c.customer}) {
            if (l != null && !l.released) {
                l.released = true;
                hangup(l.uniqueid);
            }
        }
    }

    private void transferOut(Call c, String destination) {
        c.ending = true;
        calls.remove(c);
        if (c.callerUniqueid == null) {
            return;
        }
        String number = destination.replaceAll("[^0-9+*#]", "");
        if (c.advisor != null && c.stage == Call.Stage.CONNECTED) {
            Leg advisor = c.advisor;
            advisor.released = true;
            send(new BlindTransferAction(advisor.uniqueid, options.contexts().outbound(), number))
                    .exceptionally(err -> {
                        redirect(c.callerUniqueid, options.contexts().outbound(), number);
                        hangup(advisor.uniqueid);
                        return null;
                    });
        } else {
            redirect(c.callerUniqueid, options.contexts().outbound(), number);
        }
        LOG.info("voice: {} is transferred out of the centre", c);
    }

    // ------------------------------------------------------------------ from the entry script

    /**
     * A caller reached the entry script: the adapter follows their channel from now on (a hang-up during the menu ends
     * the interaction).
     */
    public CompletionStage<Void> arrived(
            String interactionId, String sourceRef, String callerUniqueid, String callerName, String number) {
        return onContext(() -> {
            Call c = calls.call(interactionId).orElse(null);
            if (c == null) {
                c = new Call(interactionId, sourceRef, callerUniqueid, Call.Stage.IVR);
                c.callerName = callerName;
                calls.add(c);
            } else {
                calls.callerChannel(c, callerUniqueid, callerName);
            }
            c.callerNumber = number;
            c.inIvr = true;
            return null;
        });
    }

    /** The entry script queued the caller. */
    public void queued(String interactionId, String queue) {
        onContext(() -> calls.call(interactionId).ifPresent(c -> {
            c.queue = queue;
            if (c.stage == Call.Stage.IVR) {
                c.stage = Call.Stage.WAITING;
            }
        }));
    }

    /**
     * The IVR ended the call's interaction itself (helped, closed, forwarded out of hours): the dialplan or the script
     * takes the caller on, so the end routing records moves no channel and the caller's hang-up ends nothing more.
     */
    public void leavesByDialplan(String interactionId) {
        onContext(() -> calls.call(interactionId).ifPresent(c -> c.ending = true));
    }

    /** The entry script let go of the caller's channel: what waited for it (a bridge, a treatment) goes on. */
    public void ivrEnded(String interactionId) {
        onContext(() -> calls.call(interactionId).ifPresent(c -> {
            c.inIvr = false;
            List<Runnable> next = List.copyOf(c.afterIvr);
            c.afterIvr.clear();
            next.forEach(Runnable::run);
        }));
    }

    /** The caller asked to be called back and was told to hang up: their hang-up is not an abandon. */
    public CompletionStage<Void> awaitingCallback(String interactionId, String number) {
        return onContext(() -> {
            calls.call(interactionId).ifPresent(c -> {
                c.stage = Call.Stage.AWAITING_CALLBACK;
                c.callbackNumber = number;
            });
            return null;
        });
    }

    /** The caller's number, for the entry script's callback default and the SMS link (personal: never logged). */
    public CompletionStage<String> callerNumber(String interactionId) {
        return onContext(
                () -> calls.call(interactionId).map(c -> c.callerNumber).orElse(null));
    }

    // ------------------------------------------------------------------ recording

    /**
     * Mutes (or unmutes) the call's recording in both directions: the IVR does this while card digits are taken. The
     * recording runs on the advisor's leg (the sample dialplan starts MixMonitor there when it answers).
     */
    public CompletionStage<Void> muteRecording(String interactionId, boolean muted) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onContext(() -> {
            Call c = calls.call(interactionId).orElse(null);
            if (c == null) {
                done.completeExceptionally(
                        new IllegalStateException("interaction " + interactionId + " is no call in progress"));
                return;
            }
            Leg leg = c.advisor;
            if (leg == null || !options.recordCalls()) {
                // Not recorded (yet): recording starts on the advisor's leg, so a call in the IVR has none.
                done.complete(null);
                return;
            }
            MixMonitorMuteAction m = new MixMonitorMuteAction(leg.uniqueid, "both", muted ? 1 : 0);
            send(m).whenComplete((r, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    LOG.info("voice: recording of {} {}", c, muted ? "muted" : "unmuted");
                    done.complete(null);
                }
            });
        });
        return done;
    }

    // ------------------------------------------------------------------ supervision

    /** A supervisor listens to, whispers to or barges into the advisor's side of a connected call; audited. */
    public CompletionStage<String> supervise(
            String supervisorId,
            String device,
            String interactionId,
            io.firstcontact.channels.voice.SupervisionMode mode) {
        CompletableFuture<String> done = new CompletableFuture<>();
        onContext(() -> supervision
                .start(supervisorId, device, interactionId, mode)
                .whenComplete((id, e) -> {
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else {
                        done.complete(id);
                    }
                }));
        return done;
    }

    // ------------------------------------------------------------------ resynchronisation support

    Resync resync() {
        return resync;
    }

    Dialler dialler() {
        return dialler;
    }

    /** Advisors' devices as the read model knows them (after a restart, before any new login is seen). */
    public void devices(Map<String, String> byAgent) {
        onContext(() -> byAgent.forEach(calls::device));
    }

    /** A summary for logs and tests: how many calls the adapter follows. */
    public CompletionStage<Integer> followedCalls() {
        return onContext(calls::size);
    }

    void failOffer(Leg l, FailureCause cause) {
        submit("failed:" + l.offerId, new Command.OfferFailed(l.offerId, cause));
    }
}
