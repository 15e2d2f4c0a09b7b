package io.firstcontact.server.demo;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated edges: residents calling, chatting and emailing the {@link DemoCentre}, and its advisors
 * answering, all driven through the {@link RoutingPort} like the real adapters and desktops. Calls arrive as a
 * Poisson process shaped by the customer's figures and scaled to the demo's advisors; some callers serve themselves
 * in the IVR, the rest queue and hang up if their patience runs out. What the simulation does next is learnt only
 * from committed decisions (offers, answers, wrap-ups, pauses), so it works beside anything else that drives the
 * same centre.
 *
 * <p>Deterministic: the same seed gives the same residents and, with a deterministic engine and timers, the same
 * inputs. Commands carry the source {@value Sim#SOURCE}; interaction ids are {@code demo-v-7-000123} (calls),
 * {@code demo-c-7-…} (chats) and {@code demo-e-7-…} (emails): the run's number (the server's routing epoch, which
 * every start raises), then a count from 1, so that no id is used twice in a journal however often the demo restarts.
 * Their source references start with {@value Callers#SOURCE_PREFIX} (a server that restarts ends the previous run's
 * live ones by that prefix). The centre's {@link DemoCentre#speed() speed} divides every duration.
 *
 * <p>All the demo's work runs on the timers' context; {@link #start()} and {@link #stop()} may be called from any
 * thread.
 */
public final class DemoTraffic {
    /** The attribute naming the service the resident chose (screen pop). */
    public static final String SERVICE_ATTRIBUTE = "service";
    /** The attribute naming a more specific enquiry (benefits, homeless tonight), when there is one. */
    public static final String ENQUIRY_ATTRIBUTE = "enquiry";
    /** The attribute holding a caller's number (personal: sealed in the journal, as every undefined attribute). */
    public static final String CALLER_NUMBER_ATTRIBUTE = "callerNumber";
    /** The attribute holding an email's sender address (personal, likewise). */
    public static final String EMAIL_ATTRIBUTE = "email";

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    private final RoutingPort gateway;
    private final DemoCentre centre;
    private final Sim sim;
    private final Callers callers;
    private final Advisors advisors;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<RoutingPort.Subscription> subscription = new AtomicReference<>();

    /**
     * @param gateway where commands go and committed decisions come from; the centre's configuration and advisors
     *     ({@link DemoCentre#seedCommands()}) must already be applied
     * @param timers the clock and timers the simulation runs on
     * @param centre the centre being simulated, with its speed
     * @param seed the same seed gives the same residents and behaviour
     * @param run this run's number, in every interaction id: a number no earlier run on the same journal used
     */
    public DemoTraffic(RoutingPort gateway, DemoTimers timers, DemoCentre centre, long seed, long run) {
        this(gateway, timers, centre, seed, run, java.util.List.of());
    }

    /**
     * @param residents who calls, chats and emails: the demo back office's residents, so screen pops show their
     *     accounts; empty for anonymous residents ({@code resident-1} …) without numbers or addresses
     */
    public DemoTraffic(
            RoutingPort gateway,
            DemoTimers timers,
            DemoCentre centre,
            long seed,
            long run,
            java.util.List<DemoResident> residents) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.centre = Objects.requireNonNull(centre, "centre");
        this.sim = new Sim(gateway, Objects.requireNonNull(timers, "timers"), centre.speed());
        SplittableRandom random = new SplittableRandom(seed);
        this.callers = new Callers(sim, random.split(), run, residents);
        this.advisors = new Advisors(sim, new Draws(random.split()), centre, callers);
    }

    /**
     * Subscribes to committed decisions, logs the advisors in and starts the arrivals, on the timers' context. May be
     * called from any thread, once.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the demo traffic has already been started");
        }
        sim.onContext(this::begin);
    }

    private void begin() {
        if (sim.stopped()) {
            return;
        }
        subscription.set(gateway.subscribe(this::committed));
        if (sim.stopped()) {
            unsubscribe(); // stopped meanwhile from another thread
            return;
        }
        LOG.info(
                "Demo traffic started: {} advisors, {} queues, about {} calls an hour into the IVR, {} chats and {}"
                        + " emails an hour, at {}x real time",
                advisors.size(),
                centre.config().queues().size(),
                Math.round(DemoDemand.CALLS_PER_HOUR),
                Math.round(DemoDemand.CHATS_PER_HOUR),
                Math.round(DemoDemand.EMAILS_PER_HOUR),
                centre.speed());
        advisors.start();
        callers.start();
    }

    /**
     * Stops at once: nothing is sent any more and the subscription is closed; every timer is then cancelled on the
     * timers' context. May be called from any thread; what is in flight is left to routing. Stopping twice does
     * nothing.
     */
    public void stop() {
        if (!started.get() || !sim.markStopped()) {
            return;
        }
        unsubscribe();
        sim.onContext(sim::cancelTimers);
        LOG.info("Demo traffic stopped");
    }

    private void unsubscribe() {
        RoutingPort.Subscription s = subscription.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }

    /** Timers still to run (for tests: none after {@link #stop()}). */
    int pendingTimers() {
        return sim.pendingTimers();
    }

    /** On the engine thread: hand over to the timers' context, where the demo's state lives. */
    private void committed(EngineInput input, Decision decision) {
        long at = input.at();
        sim.handOver(() -> learn(at, decision));
    }

    private void learn(long at, Decision decision) {
        for (Fact fact : decision.facts()) {
            callers.onFact(fact);
            advisors.onFact(fact, at);
        }
        for (Effect effect : decision.effects()) {
            callers.onEffect(effect);
            advisors.onEffect(effect);
        }
    }
}
