package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open-loop driver and the simulated advisors.
 *
 * <p>Arrivals and break starts follow seeded Poisson schedules and are sent at their intended times from a scheduler
 * that never waits for an answer (asynchronous HTTP). A break start takes a random idle READY advisor NOT_READY(BREAK)
 * and brings it back READY after an exponential break, so presence changes run at twice the break-start rate. The
 * advisors react to the event stream like people: an offer is accepted after a human-like delay, the call lasts a few
 * hundred milliseconds, then wrap-up is ended early through the API. A caller still waiting after its patience hangs up.
 *
 * <p>Latency is measured from the <em>intended</em> send time (coordinated-omission free) to the receipt of the
 * {@code OfferCreated} on the event stream: L1 when the offer was made in the arrival's own entry (an advisor was free)
 * — or, for callers who went through the IVR first ({@link SelfService}), in their queueing's entry —, L2 when it was made in the entry of the command that made the advisor available (work was waiting).
 *
 * <p>Advisor state is confined to the single scheduler thread; the event stream's thread measures and hands the rest
 * over.
 */
public final class Simulation implements EventStreamClient.Handler, AutoCloseable {
    /** Human-like timings: each is {@code min + exponential(meanExtra)} milliseconds. */
    public record Behaviour(
            double acceptMinMs,
            double acceptExtraMs,
            double talkMinMs,
            double talkExtraMs,
            double wrapMinMs,
            double wrapExtraMs,
            double breakMeanMs,
            double patienceMs) {
        public static final Behaviour DEFAULT = new Behaviour(500, 500, 200, 200, 100, 200, 300, 10_000);

        /** How long an advisor is taken by one call: offer to the end of wrap-up, on average. */
        public double occupancyMs() {
            return acceptMinMs + acceptExtraMs + talkMinMs + talkExtraMs + wrapMinMs + wrapExtraMs;
        }
    }

    /** What runs: arrivals per second, presence changes per second, the share of arrivals in the backlog queue. */
    public record Plan(double arrivalRate, double presenceRate, double backlogShare, Behaviour behaviour, long seed) {}

    /**
     * Callers who are known customers and go through the IVR first: arrival {@code n} is {@code customers[n mod size]}
     * (its customerRef and caller's number), created in self-service and queued {@code ivrMin}–{@code ivrMax}
     * (uniform) later, as the IVR hands a caller over; patience runs from the queueing. Without it, arrivals are
     * anonymous and queue at once.
     */
    public record SelfService(List<Customer> customers, Duration ivrMin, Duration ivrMax) {
        public SelfService {
            customers = List.copyOf(customers);
            if (customers.isEmpty() || ivrMin.isNegative() || ivrMax.compareTo(ivrMin) < 0) {
                throw new IllegalArgumentException("customers to call, and 0 ≤ ivrMin ≤ ivrMax");
            }
        }
    }

    /**
     * A caller known to the back office, by their customerRef, their number, or both (a resident with no telephone
     * has no number; a caller the edge cannot name arrives with their number only).
     */
    public record Customer(String customerRef, String callerNumber) {
        public Customer {
            if (customerRef == null && callerNumber == null) {
                throw new IllegalArgumentException("a customerRef or a number identifies the caller");
            }
        }
    }

    /** An arrival in self-service, until its interaction is seen: when it is to queue, and where. */
    private record InIvr(long queueAtNanos, String queue) {}

    /** Counts of one window (or the whole run). */
    public static final class Counts {
        public final LongAdder arrivalsSent = new LongAdder();
        public final LongAdder breaksSent = new LongAdder();
        public final LongAdder readiesSent = new LongAdder();
        public final LongAdder breaksSkipped = new LongAdder();
        public final LongAdder lifecycles = new LongAdder();
        public final LongAdder abandonsSent = new LongAdder();
        public final LongAdder entries = new LongAdder();
        public final LongAdder unmatchedOffers = new LongAdder();
        public final Map<String, LongAdder> offersByInput = new ConcurrentHashMap<>();
        public final Map<String, LongAdder> entriesByInput = new ConcurrentHashMap<>();
        public final Map<String, LongAdder> factsByType = new ConcurrentHashMap<>();

        static Map<String, Long> sorted(Map<String, LongAdder> m) {
            Map<String, Long> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    private enum State {
        OUT,
        IDLE,
        BREAK,
        OFFERED,
        TALKING,
        WRAP
    }

    private static final class Agent {
        final int index;
        final String id;
        State state = State.OUT;
        boolean breakByUs;
        String offerId;
        String assignmentId;

        Agent(int index, String id) {
            this.index = index;
            this.id = id;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Centre centre;
    private final ApiClient api;
    private final Latencies latencies;
    private final String runId;
    private final ScheduledThreadPoolExecutor sim;
    private final Agent[] agents;
    private final int[] idle;
    private final int[] idlePos;
    private int idleCount;
    private final ConcurrentHashMap<String, Long> createIntended = new ConcurrentHashMap<>();
    private final AtomicLongArray availIntended;
    private final AtomicLongArray wrapUntilMillis;
    private final Map<String, String> waiting = new HashMap<>(); // interactionId → sourceRef, sim thread
    private final java.util.Queue<Long> arrivedAt = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean collectArrivals;
    private volatile Counts counts = new Counts();
    private volatile Counts whole = new Counts();
    private volatile boolean running;
    private volatile long firstOfferAfterEpoch = Long.MAX_VALUE;
    private volatile long firstOfferNanos;
    private volatile String firstOfferEntry;
    private SplittableRandom random;
    private Plan plan;
    private PoissonSchedule arrivals;
    private PoissonSchedule breaks;
    private long origin;
    private long arrivalSeq;
    private long arrivalLimit = Long.MAX_VALUE;
    private volatile SelfService selfService;
    private final ConcurrentHashMap<String, InIvr> inIvr = new ConcurrentHashMap<>(); // by sourceRef
    private final ConcurrentHashMap<String, Long> queueIntended = new ConcurrentHashMap<>(); // by interactionId

    public Simulation(Centre centre, ApiClient api, Latencies latencies, String runId) {
        this.centre = centre;
        this.api = api;
        this.latencies = latencies;
        this.runId = runId;
        this.sim = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "simulation");
            t.setDaemon(true);
            return t;
        });
        sim.setRemoveOnCancelPolicy(true);
        int n = centre.agents();
        this.agents = new Agent[n];
        for (int i = 0; i < n; i++) {
            agents[i] = new Agent(i, Centre.agentId(i));
        }
        this.idle = new int[n];
        this.idlePos = new int[n];
        java.util.Arrays.fill(idlePos, -1);
        this.availIntended = new AtomicLongArray(n);
        this.wrapUntilMillis = new AtomicLongArray(n);
        // Until start(): no schedules, but advisors logging in may already be offered waiting work.
        this.plan = new Plan(0, 0, 0, Behaviour.DEFAULT, 1);
        this.random = new SplittableRandom(1);
    }

    // ------------------------------------------------------------------ set-up

    /**
     * Logs {@code count} advisors in READY (at most 64 requests in flight) and waits until the event stream has shown
     * them READY.
     */
    public void logIn(int count, Duration timeout) throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int idx = i;
            availIntended.set(idx, System.nanoTime());
            api.post("login", "/api/v1/agents/" + agents[idx].id + "/login", "{\"ready\":true}")
                    .whenComplete((r, e) -> inFlight.release());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int ready = call(() -> idleCount);
            if (ready >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("only " + call(() -> idleCount) + " of " + count + " advisors became READY");
    }

    /** Desktops re-attach after a restart: one keep-alive per advisor (at most 64 in flight). */
    public void keepAliveAll(int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int idx = i;
            availIntended.set(idx, System.nanoTime());
            api.post("keepalive", "/api/v1/agents/" + agents[idx].id + "/keepalive", null)
                    .whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(64);
        inFlight.release(64);
    }

    private <T> T call(java.util.concurrent.Callable<T> c) throws InterruptedException {
        try {
            return sim.submit(c).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    // ------------------------------------------------------------------ traffic

    /** Starts the open-loop schedules now; {@code maxArrivals} bounds the arrivals sent (Long.MAX_VALUE: none). */
    public void start(Plan plan, long maxArrivals) {
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
        this.arrivals = new PoissonSchedule(plan.seed(), plan.arrivalRate());
        this.breaks = new PoissonSchedule(plan.seed() + 1, plan.presenceRate() / 2);
        this.arrivalLimit = maxArrivals;
        this.origin = System.nanoTime();
        this.running = true;
        sim.execute(this::pumpArrivals);
        sim.execute(this::pumpBreaks);
    }

    /** From now on, arrivals are {@code s}'s customers and go through the IVR first; before {@link #start}. */
    public void selfService(SelfService s) {
        this.selfService = s;
    }

    /** Stops new arrivals and breaks; advisors keep reacting to what is on the stream. */
    public void stopSchedules() {
        running = false;
    }

    public long arrivalsSentTotal() {
        return whole.arrivalsSent.sum();
    }

    /** Starts a fresh window of counts. */
    public void resetCounts() {
        counts = new Counts();
    }

    public Counts counts() {
        return counts;
    }

    public Counts whole() {
        return whole;
    }

    private void pumpArrivals() {
        if (!running) {
            return;
        }
        long now = System.nanoTime() - origin;
        while (arrivals.peek() <= now && whole.arrivalsSent.sum() < arrivalLimit) {
            sendArrival(origin + arrivals.take());
        }
        if (whole.arrivalsSent.sum() >= arrivalLimit) {
            return;
        }
        long delay = arrivals.peek() - (System.nanoTime() - origin);
        sim.schedule(this::pumpArrivals, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void pumpBreaks() {
        if (!running || breaks.peek() == Long.MAX_VALUE) {
            return;
        }
        long now = System.nanoTime() - origin;
        while (breaks.peek() <= now) {
            startBreak(origin + breaks.take());
        }
        long delay = breaks.peek() - (System.nanoTime() - origin);
        sim.schedule(this::pumpBreaks, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void sendArrival(long intended) {
        long n = arrivalSeq++;
        String sourceRef = "load:" + runId + ":" + n;
        String queue = random.nextDouble() < plan.backlogShare()
                ? Centre.BACKLOG
                : Centre.frontQueue(random.nextInt(centre.frontQueues()));
        createIntended.put(sourceRef, intended);
        latencies.record(Latencies.SEND_LATENESS, System.nanoTime() - intended);
        counts.arrivalsSent.increment();
        whole.arrivalsSent.increment();
        SelfService ss = selfService;
        String body;
        if (ss == null) {
            body = "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"" + queue
                    + "\"},\"attributes\":{\"ivrChoice\":\"" + queue + "\",\"callerName\":\"Caller "
                    + sourceRef.hashCode() + "\",\"uprn\":\""
                    + (100_000_000_000L + Math.floorMod(sourceRef.hashCode(), 1_000_000))
                    + "\"}}";
        } else {
            Customer c = ss.customers().get((int) (n % ss.customers().size()));
            long ivr = ss.ivrMin().toNanos()
                    + (long) (random.nextDouble()
                            * (ss.ivrMax().toNanos() - ss.ivrMin().toNanos()));
            inIvr.put(sourceRef, new InIvr(intended + ivr, queue));
            body = "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\","
                    + (c.customerRef() == null ? "" : "\"customerRef\":\"" + c.customerRef() + "\",")
                    + "\"attributes\":{"
                    + (c.callerNumber() == null ? "" : "\"callerNumber\":\"" + c.callerNumber() + "\",")
                    + "\"ivrChoice\":\"" + queue + "\"}}";
        }
        api.post("create", "/api/v1/interactions", body)
                .thenAccept(r -> latencies.record(Latencies.CREATE, System.nanoTime() - intended));
    }

    private void startBreak(long intended) {
        if (idleCount == 0) {
            counts.breaksSkipped.increment();
            return;
        }
        Agent a = agents[idle[random.nextInt(idleCount)]];
        removeIdle(a);
        a.state = State.BREAK;
        a.breakByUs = true;
        latencies.record(Latencies.SEND_LATENESS, System.nanoTime() - intended);
        counts.breaksSent.increment();
        api.post(
                "presence",
                "/api/v1/agents/" + a.id + "/presence",
                "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\"}");
        long back = intended + exp(plan.behaviour().breakMeanMs());
        scheduleAt(back, () -> sendReady(a, back));
    }

    private void sendReady(Agent a, long intended) {
        availIntended.set(a.index, intended);
        latencies.record(Latencies.SEND_LATENESS, System.nanoTime() - intended);
        counts.readiesSent.increment();
        a.breakByUs = false;
        api.post("presence", "/api/v1/agents/" + a.id + "/presence", "{\"presence\":\"READY\"}");
    }

    private void scheduleAt(long nanos, Runnable r) {
        sim.schedule(r, Math.max(0, nanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private long exp(double meanMs) {
        return (long) (-Math.log(1.0 - random.nextDouble()) * meanMs * 1_000_000);
    }

    private long delay(double minMs, double extraMs) {
        return (long) (minMs * 1_000_000) + exp(extraMs);
    }

    private void addIdle(Agent a) {
        if (idlePos[a.index] >= 0) {
            return;
        }
        idle[idleCount] = a.index;
        idlePos[a.index] = idleCount++;
    }

    private void removeIdle(Agent a) {
        int p = idlePos[a.index];
        if (p < 0) {
            return;
        }
        int last = idle[--idleCount];
        idle[p] = last;
        idlePos[last] = p;
        idlePos[a.index] = -1;
    }

    // ------------------------------------------------------------------ the event stream

    /** Watches for the first offer committed in an epoch after {@code epoch} (recovery). */
    public void watchFirstOfferAfterEpoch(long epoch) {
        firstOfferNanos = 0;
        firstOfferEntry = null;
        firstOfferAfterEpoch = epoch;
    }

    public long firstOfferNanos() {
        return firstOfferNanos;
    }

    public String firstOfferEntry() {
        return firstOfferEntry;
    }

    @Override
    public void event(String id, String type, String data, long received) {
        if (!"committed".equals(type)) {
            return;
        }
        JsonNode entry;
        try {
            entry = JSON.readTree(data);
        } catch (IOException e) {
            return;
        }
        String input = entry.path("input").asText();
        JsonNode facts = entry.path("events");
        Counts c = counts;
        c.entries.increment();
        whole.entries.increment();
        c.entriesByInput.computeIfAbsent(input, k -> new LongAdder()).increment();
        String sourceRef = null;
        for (JsonNode f : facts) {
            String t = f.path("type").asText();
            c.factsByType.computeIfAbsent(t, k -> new LongAdder()).increment();
            if (t.equals("InteractionCreated")) {
                sourceRef = f.path("sourceRef").asText(null);
                if (collectArrivals) {
                    arrivedAt.add(parseMillis(f.path("arrivedAt").asText(null)));
                }
            }
        }
        Long created = sourceRef == null ? null : createIntended.remove(sourceRef);
        for (JsonNode f : facts) {
            if (!f.path("type").asText().equals("OfferCreated")) {
                continue;
            }
            c.offersByInput.computeIfAbsent(input, k -> new LongAdder()).increment();
            if (firstOfferNanos == 0 && id != null && epochOf(id) > firstOfferAfterEpoch) {
                firstOfferNanos = received;
                firstOfferEntry = id + " (" + input + ")";
            }
            int agent = agentIndex(f.path("agentId").asText(""));
            switch (input) {
                case "CreateInteraction" -> {
                    if (created != null) {
                        latencies.record(Latencies.L1, received - created);
                    } else {
                        c.unmatchedOffers.increment();
                    }
                }
                case "QueueInteraction" -> {
                    // A caller handed over by the IVR: L1 from the queueing's intended send.
                    Long queued = queueIntended.remove(f.path("interactionId").asText());
                    if (queued != null) {
                        latencies.record(Latencies.L1, received - queued);
                    } else {
                        c.unmatchedOffers.increment();
                    }
                }
                case "EndWrapUp", "ChangePresence", "LogIn", "SessionRestored" -> {
                    long t = agent < 0 ? 0 : availIntended.get(agent);
                    if (t != 0) {
                        latencies.record(Latencies.L2, received - t);
                    } else {
                        c.unmatchedOffers.increment();
                    }
                }
                case "DeadlinesDue" -> {
                    long until = agent < 0 ? 0 : wrapUntilMillis.get(agent);
                    if (until != 0 && hasFact(facts, "AssignmentEnded", agent)) {
                        long nowMillis = System.currentTimeMillis()
                                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - received);
                        latencies.record(Latencies.L2_TIMER, (nowMillis - until) * 1_000_000);
                    }
                }
                default -> {}
            }
        }
        Long createdAt = created;
        sim.execute(() -> apply(input, facts, createdAt));
    }

    private boolean hasFact(JsonNode facts, String type, int agent) {
        for (JsonNode f : facts) {
            if (f.path("type").asText().equals(type)
                    && agentIndex(f.path("agentId").asText("")) == agent) {
                return true;
            }
        }
        return false;
    }

    static long epochOf(String entryId) {
        int dash = entryId.indexOf('-');
        return dash < 0 ? -1 : Long.parseLong(entryId.substring(0, dash));
    }

    private int agentIndex(String agentId) {
        if (agentId.length() < 2 || agentId.charAt(0) != 'a') {
            return -1;
        }
        try {
            int i = Centre.agentIndex(agentId);
            return i < agents.length ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** On the scheduler thread: the advisors and waiting callers react to a committed entry. */
    private void apply(String input, JsonNode facts, Long createdIntended) {
        String newInteraction = null;
        boolean offeredNow = false;
        for (JsonNode f : facts) {
            String type = f.path("type").asText();
            int ai = agentIndex(f.path("agentId").asText(""));
            Agent a = ai < 0 ? null : agents[ai];
            switch (type) {
                case "InteractionCreated" -> {
                    newInteraction = f.path("interactionId").asText();
                    InIvr ivr = inIvr.remove(f.path("sourceRef").asText(""));
                    if (ivr != null) {
                        queueAfterIvr(newInteraction, ivr);
                    }
                }
                case "PresenceChanged" -> {
                    if (a == null) {
                        break;
                    }
                    String to = f.path("to").asText();
                    if (to.equals("READY")) {
                        if (a.state == State.OUT || a.state == State.BREAK) {
                            a.state = State.IDLE;
                            addIdle(a);
                        }
                    } else if (to.equals("NOT_READY")) {
                        removeIdle(a);
                        if (a.state == State.IDLE || a.state == State.OUT) {
                            a.state = State.BREAK;
                        }
                        if (!a.breakByUs && running) {
                            // The system paused it (RONA, rejects): a person comes back after a while.
                            a.breakByUs = true;
                            long back = System.nanoTime() + 1_000_000_000L;
                            scheduleAt(back, () -> sendReady(a, back));
                        }
                    } else if (to.equals("LOGGED_OUT")) {
                        removeIdle(a);
                        a.state = State.OUT;
                    }
                }
                case "OfferCreated" -> {
                    String interaction = f.path("interactionId").asText();
                    waiting.remove(interaction);
                    if (interaction.equals(newInteraction)) {
                        offeredNow = true;
                    }
                    if (a == null) {
                        break;
                    }
                    removeIdle(a);
                    a.state = State.OFFERED;
                    String offer = f.path("offerId").asText();
                    a.offerId = offer;
                    long at = System.nanoTime()
                            + delay(
                                    plan.behaviour().acceptMinMs(),
                                    plan.behaviour().acceptExtraMs());
                    scheduleAt(at, () -> api.post("accept", "/api/v1/offers/" + offer + "/accept", null));
                }
                case "OfferStatusChanged" -> {
                    String status = f.path("status").asText();
                    if (a != null
                            && !status.equals("ACCEPTED")
                            && f.path("offerId").asText().equals(a.offerId)
                            && a.state == State.OFFERED) {
                        a.offerId = null;
                        a.state = State.IDLE;
                        addIdle(a);
                    }
                }
                case "AssignmentStarted" -> {
                    if (a == null) {
                        break;
                    }
                    a.state = State.TALKING;
                    a.assignmentId = f.path("assignmentId").asText();
                    String offer = a.offerId;
                    long at = System.nanoTime()
                            + delay(
                                    plan.behaviour().talkMinMs(),
                                    plan.behaviour().talkExtraMs());
                    scheduleAt(at, () -> api.post("end", "/api/v1/offers/" + offer + "/end", null));
                }
                case "WrapUpStarted" -> {
                    if (a == null) {
                        break;
                    }
                    a.state = State.WRAP;
                    String assignment = f.path("assignmentId").asText();
                    wrapUntilMillis.set(a.index, parseMillis(f.path("until").asText(null)));
                    long at = System.nanoTime()
                            + delay(
                                    plan.behaviour().wrapMinMs(),
                                    plan.behaviour().wrapExtraMs());
                    scheduleAt(at, () -> {
                        if (a.state == State.WRAP && assignment.equals(a.assignmentId)) {
                            availIntended.set(a.index, at);
                            latencies.record(Latencies.SEND_LATENESS, System.nanoTime() - at);
                            api.post("end-wrap-up", "/api/v1/assignments/" + assignment + "/end-wrap-up", null);
                        }
                    });
                }
                case "AssignmentEnded" -> {
                    counts.lifecycles.increment();
                    whole.lifecycles.increment();
                    if (a == null) {
                        break;
                    }
                    a.assignmentId = null;
                    a.offerId = null;
                    if (a.state == State.WRAP || a.state == State.TALKING) {
                        a.state = State.IDLE;
                        addIdle(a);
                    }
                }
                case "InteractionEnded" ->
                    waiting.remove(f.path("interactionId").asText());
                default -> {}
            }
        }
        if (newInteraction != null && !offeredNow && createdIntended != null && running && selfService == null) {
            waitPatiently(newInteraction, input, createdIntended);
        }
    }

    /** A caller who is not offered at once waits {@code patienceMs} from {@code since}, then hangs up. */
    private void waitPatiently(String interaction, String input, long since) {
        waiting.put(interaction, input);
        long at = since + (long) (plan.behaviour().patienceMs() * 1_000_000);
        scheduleAt(at, () -> {
            if (waiting.remove(interaction) != null) {
                counts.abandonsSent.increment();
                api.post("abandon", "/api/v1/interactions/" + interaction + "/end", "{\"reason\":\"CUSTOMER_LEFT\"}");
            }
        });
    }

    /** The IVR hands the caller over: queued at the time drawn at arrival, and patient from then on. */
    private void queueAfterIvr(String interaction, InIvr ivr) {
        scheduleAt(ivr.queueAtNanos(), () -> {
            if (!running) {
                return;
            }
            queueIntended.put(interaction, ivr.queueAtNanos());
            latencies.record(Latencies.SEND_LATENESS, System.nanoTime() - ivr.queueAtNanos());
            api.post(
                    "queue",
                    "/api/v1/interactions/" + interaction + "/queue",
                    "{\"queue\":{\"queue\":\"" + ivr.queue() + "\"}}");
            waitPatiently(interaction, "QueueInteraction", ivr.queueAtNanos());
        });
    }

    private static long parseMillis(String rfc3339) {
        if (rfc3339 == null) {
            return 0;
        }
        try {
            return Instant.parse(rfc3339).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** From now on, keeps each created interaction's {@code arrivedAt} (engine time, ms). */
    public void collectArrivals() {
        collectArrivals = true;
    }

    public List<Long> arrivals() {
        return List.copyOf(arrivedAt);
    }

    /** Advisors idle right now (read on the scheduler thread). */
    public int idleAdvisors() throws InterruptedException {
        return call(() -> idleCount);
    }

    /** Callers waiting right now as far as the generator knows. */
    public int waitingCallers() throws InterruptedException {
        return call(waiting::size);
    }

    /** The states of the advisors, counted. */
    public Map<String, Integer> advisorStates() throws InterruptedException {
        return call(() -> {
            Map<String, Integer> out = new TreeMap<>();
            for (Agent a : agents) {
                out.merge(a.state.name(), 1, Integer::sum);
            }
            return out;
        });
    }

    public List<String> agentIds() {
        List<String> out = new ArrayList<>();
        for (Agent a : agents) {
            out.add(a.id);
        }
        return out;
    }

    /** Stops the schedules and waits for the simulation's thread: it sends nothing more once this returns. */
    @Override
    public void close() {
        running = false;
        sim.shutdownNow();
        try {
            if (!sim.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the simulation's thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
