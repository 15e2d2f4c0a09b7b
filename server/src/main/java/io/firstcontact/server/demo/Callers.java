package io.firstcontact.server.demo;

import static io.firstcontact.server.demo.DemoDemand.HOUR;
import static io.firstcontact.server.demo.DemoDemand.SECOND;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's residents: calls into the IVR, web chats and emails arriving as Poisson processes, callers who serve
 * themselves or queue, and who hang up when their patience runs out. Everything about a resident (service, path,
 * patience, how long they will talk) is drawn at arrival from the arrivals' own generator, so the same seed gives the
 * same residents whatever routing does with them.
 */
final class Callers {
    /** What the demo knows of one of its interactions. */
    private static final class Caller {
        final String id;
        final String channel;
        final long handleMillis;
        final boolean hangsUpAtMaxWait;
        final long hangUpAfter;
        boolean created;
        boolean queued;
        boolean connected;

        Caller(String id, String channel, long handleMillis, Draws draws) {
            this.id = id;
            this.channel = channel;
            this.handleMillis = handleMillis;
            this.hangsUpAtMaxWait = draws.chance(DemoDemand.HANG_UP_AT_MAX_WAIT);
            this.hangUpAfter = draws.uniform(2 * SECOND, 20 * SECOND);
        }
    }

    /** Every demo interaction's source reference starts with this, so the server can find them after a restart. */
    static final String SOURCE_PREFIX = "demo:";

    private final Sim sim;
    private final Draws voice;
    private final Draws chat;
    private final Draws email;
    private final Map<String, Caller> live = new HashMap<>();
    private final List<DemoResident> residents;
    private final int[] menuShares;
    private long startedAt;
    /** {@code demo-v-7-}: the channel's letter and the run's number, before each interaction's count. */
    private final String callPrefix;

    private final String chatPrefix;
    private final String emailPrefix;
    private int calls;
    private int chats;
    private int emails;

    /**
     * Calls, chats and emails each draw from their own generator, split from {@code random}.
     *
     * @param run in every interaction id, so that a later run never repeats an earlier one's ids
     * @param residents who calls (empty: anonymous residents)
     */
    Callers(Sim sim, SplittableRandom random, long run, List<DemoResident> residents) {
        this.sim = sim;
        this.residents = List.copyOf(residents);
        this.callPrefix = "demo-v-" + run + "-";
        this.chatPrefix = "demo-c-" + run + "-";
        this.emailPrefix = "demo-e-" + run + "-";
        this.voice = new Draws(random.split());
        this.chat = new Draws(random.split());
        this.email = new Draws(random.split());
        menuShares = DemoDemand.VOICE_SERVICES.stream()
                .mapToInt(DemoDemand.Service::menuShare)
                .toArray();
    }

    void start() {
        startedAt = sim.now();
        for (int k = 0; k < DemoDemand.EMAILS_WAITING_AT_START; k++) {
            email();
        }
        nextCall(0);
        nextChat(0);
        nextEmail(0);
    }

    /** How long the advisor will handle this interaction (real centre time), or -1 if it is not the demo's. */
    long handleMillis(String interactionId) {
        Caller c = live.get(interactionId);
        return c == null ? -1 : c.handleMillis;
    }

    // ------------------------------------------------------------------ arrivals (open loop: fixed by the seed)

    private void nextCall(long previousAt) {
        long at = previousAt + voice.exponential(HOUR / DemoDemand.CALLS_PER_HOUR);
        sim.at(startedAt + sim.realMillis(at), () -> {
            call();
            nextCall(at);
        });
    }

    private void nextChat(long previousAt) {
        long at = previousAt + chat.exponential(HOUR / DemoDemand.CHATS_PER_HOUR);
        sim.at(startedAt + sim.realMillis(at), () -> {
            chat();
            nextChat(at);
        });
    }

    private void nextEmail(long previousAt) {
        long at = previousAt + email.exponential(HOUR / DemoDemand.EMAILS_PER_HOUR);
        sim.at(startedAt + sim.realMillis(at), () -> {
            email();
            nextEmail(at);
        });
    }

    private void call() {
        Draws draws = voice;
        String id = callPrefix + String.format(Locale.ROOT, "%06d", ++calls);
        DemoDemand.Service service = DemoDemand.VOICE_SERVICES.get(draws.pick(menuShares));
        DemoResident resident = resident(draws);
        boolean hangsUpInIvr = draws.chance(DemoDemand.IVR_HANG_UP);
        boolean selfServes = draws.chance(service.selfService());
        long ivr = draws.uniform(DemoDemand.IVR_MIN, DemoDemand.IVR_MAX);
        long selfService = draws.uniform(DemoDemand.SELF_SERVICE_MIN, DemoDemand.SELF_SERVICE_MAX);
        long patience = draws.lognormal(DemoDemand.VOICE_PATIENCE_MEDIAN, DemoDemand.VOICE_PATIENCE_SPREAD);
        long talk = draws.lognormal(service.talkMedianMillis(), DemoDemand.TALK_SPREAD);
        QueueRequest request = QueueRequest.to(service.queue());
        String enquiry = null;
        if (service.queue().equals(DemoCentre.COUNCIL_TAX) && draws.chance(DemoDemand.BENEFITS_SHARE)) {
            request = request.withRequirements(List.of(Requirement.soft(DemoCentre.BENEFITS, 4)));
            enquiry = DemoCentre.BENEFITS;
        } else if (service.queue().equals(DemoCentre.HOUSING) && draws.chance(DemoDemand.URGENT_HOUSING_SHARE)) {
            request = request.withTier(DemoDemand.URGENT_TIER);
            enquiry = DemoDemand.URGENT_HOUSING;
        }
        Caller caller = new Caller(id, DemoCentre.VOICE, talk, draws);

        live.put(id, caller);
        sim.send(create(caller, resident, service.queue(), enquiry, null));
        QueueRequest queueRequest = request;
        if (hangsUpInIvr) {
            sim.after(ivr, () -> ifStillInIvr(caller, () -> end(caller, EndReason.CUSTOMER_LEFT)));
        } else if (selfServes) {
            sim.after(
                    selfService,
                    () -> ifStillInIvr(caller, () -> {
                        // What the IVR reports, so the statistics count the self-service (docs/statistics.md).
                        sim.send(new Command.RecordSelfService(id, service.queue(), SelfServiceOutcome.COMPLETED));
                        end(caller, EndReason.SELF_SERVED);
                    }));
        } else {
            sim.after(
                    ivr,
                    () -> ifStillInIvr(caller, () -> {
                        caller.queued = true;
                        sim.send(new Command.QueueInteraction(id, queueRequest));
                        sim.after(patience, () -> abandonIfWaiting(caller));
                    }));
        }
    }

    private void chat() {
        Draws draws = chat;
        String id = chatPrefix + String.format(Locale.ROOT, "%06d", ++chats);
        DemoResident resident = resident(draws);
        long patience = draws.lognormal(DemoDemand.CHAT_PATIENCE_MEDIAN, DemoDemand.CHAT_PATIENCE_SPREAD);
        long handle = draws.lognormal(DemoDemand.CHAT_MEDIAN, DemoDemand.TALK_SPREAD);
        Caller caller = new Caller(id, DemoCentre.CHAT, handle, draws);
        caller.queued = true;
        live.put(id, caller);
        sim.send(create(caller, resident, DemoCentre.WEB_CHAT, null, QueueRequest.to(DemoCentre.WEB_CHAT)));
        sim.after(patience, () -> abandonIfWaiting(caller));
    }

    private void email() {
        Draws draws = email;
        String id = emailPrefix + String.format(Locale.ROOT, "%06d", ++emails);
        DemoResident resident = resident(draws);
        long handle = draws.lognormal(DemoDemand.EMAIL_MEDIAN, DemoDemand.TALK_SPREAD);
        Caller caller = new Caller(id, DemoCentre.EMAIL, handle, draws);
        caller.queued = true;
        live.put(id, caller);
        sim.send(create(caller, resident, DemoCentre.EMAIL_QUEUE, null, QueueRequest.to(DemoCentre.EMAIL_QUEUE)));
        // Calls and chats have timers that forget them if routing never took them; an email needs one too.
        sim.after(DemoDemand.MINUTE, () -> {
            if (!caller.created) {
                live.remove(caller.id);
            }
        });
    }

    /** One draw either way, so the residents given change who calls, never when. */
    private DemoResident resident(Draws draws) {
        if (residents.isEmpty()) {
            return new DemoResident("resident-" + draws.uniform(1, DemoDemand.RESIDENTS), null, null);
        }
        return residents.get((int) draws.uniform(0, residents.size() - 1));
    }

    private static Command.CreateInteraction create(
            Caller caller, DemoResident resident, String service, String enquiry, QueueRequest queue) {
        List<Attribute> attributes = new ArrayList<>(4);
        attributes.add(new Attribute(DemoTraffic.SERVICE_ATTRIBUTE, service));
        if (enquiry != null) {
            attributes.add(new Attribute(DemoTraffic.ENQUIRY_ATTRIBUTE, enquiry));
        }
        // What the edge would know: a call's number (unless withheld), an email's sender.
        if (caller.channel.equals(DemoCentre.VOICE) && resident.callerNumber() != null) {
            attributes.add(new Attribute(DemoTraffic.CALLER_NUMBER_ATTRIBUTE, resident.callerNumber()));
        } else if (caller.channel.equals(DemoCentre.EMAIL) && resident.email() != null) {
            attributes.add(new Attribute(DemoTraffic.EMAIL_ATTRIBUTE, resident.email()));
        }
        return new Command.CreateInteraction(
                caller.id,
                caller.channel,
                Direction.INBOUND,
                SOURCE_PREFIX + caller.channel + ":" + caller.id,
                null,
                resident.customerRef(),
                new Attributes(attributes),
                queue);
    }

    // ------------------------------------------------------------------ what residents do

    private void ifStillInIvr(Caller caller, Runnable then) {
        if (!caller.created) {
            live.remove(caller.id); // routing never took it (not open): nothing to do
        } else if (live.get(caller.id) == caller && !caller.queued) {
            then.run();
        }
    }

    /** Patience ran out: a resident still waiting (queued or ringing, never answered) hangs up. */
    private void abandonIfWaiting(Caller caller) {
        if (!caller.created) {
            live.remove(caller.id);
        } else if (live.get(caller.id) == caller && !caller.connected) {
            end(caller, EndReason.CUSTOMER_LEFT);
        }
    }

    private void end(Caller caller, EndReason reason) {
        sim.send(new Command.EndInteraction(caller.id, reason));
    }

    /** The resident was told to try later (queue full, closed) or offered a callback: they hang up soon. */
    private void hangUpSoon(String interactionId) {
        Caller caller = live.get(interactionId);
        if (caller != null) {
            sim.after(caller.hangUpAfter, () -> {
                if (live.get(caller.id) == caller && !caller.connected) {
                    end(caller, EndReason.CUSTOMER_LEFT);
                }
            });
        }
    }

    // ------------------------------------------------------------------ what routing decided

    void onFact(Fact fact) {
        switch (fact) {
            case Fact.InteractionCreated c -> {
                Caller caller = live.get(c.interactionId());
                if (caller != null) {
                    caller.created = true;
                }
            }
            case Fact.AssignmentStarted a -> {
                Caller caller = live.get(a.interactionId());
                if (caller != null) {
                    caller.connected = true;
                }
            }
            case Fact.InteractionEnded e -> live.remove(e.interactionId());
            default -> {}
        }
    }

    void onEffect(Effect effect) {
        switch (effect) {
            // The caller hears that they can ask for a callback; callbacks come later, so some just hang up.
            case Effect.MaxWaitAction m -> {
                Caller caller = live.get(m.interactionId());
                if (caller != null && caller.hangsUpAtMaxWait) {
                    hangUpSoon(m.interactionId());
                }
            }
            // A chat that finds the queue full is told to try later and closes.
            case Effect.QueueFullAction f -> hangUpSoon(f.interactionId());
            case Effect.ClosedTreatment c -> hangUpSoon(c.interactionId());
            default -> {}
        }
    }
}
