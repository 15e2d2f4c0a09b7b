package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.calendar.CalendarState;
import io.firstcontact.ivr.calendar.Calendars;
import io.firstcontact.ivr.flow.CalendarSpec;
import io.firstcontact.ivr.flow.FlowsCheck;
import io.firstcontact.ivr.flow.IvrFlows;
import io.firstcontact.ivr.flow.Prompt;
import io.firstcontact.ivr.flow.Rule;
import io.firstcontact.ivr.flow.Step;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.ServiceRequest;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One call's (or chat's) way through the flows: a pure state machine. It answers each {@link Event} with the next
 * {@link Directive} and does nothing else — no I/O, no threads, time only from the injected clock — so that the same
 * flows run identically over a telephone (FastAGI) and a chat, and every branch, cap and timeout can be tested by
 * feeding it events.
 *
 * <p>Protocol: {@link #start()} gives the first directive; every directive but {@link Directive.Finish} is answered
 * by exactly one {@link #on(Event)}, which gives the next. {@link Event.HungUp} may answer any directive. Not
 * thread-safe: one front end drives one session.
 *
 * <p>Card data: the card number, expiry and security code arrive as {@link Event.KeyedCard} arrays that the session
 * owns and overwrites once the gateway has answered, or as soon as the payment is left (declined, abandoned, hung up).
 * They are never part of an entry, an attribute, a line or an ending.
 */
public final class IvrSession {
    /** The zone of the dates the IVR says and of card expiry: the centre is a UK council's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** Attribute names the session gives the advisor beside the configured ones. */
    public static final String REASON = "ivrReason";

    public static final String SERVICE = "ivrService";
    public static final String OUTCOME = "ivrOutcome";
    public static final String STEPS = "ivrSteps";
    public static final String PAYMENT_STATUS = "paymentStatus";
    public static final String PAYMENT_AUTHORISATION = "paymentAuthorisation";
    public static final String PAYMENT_AMOUNT = "paymentAmount";
    public static final String CARD_LAST_FOUR = "cardLastFour";
    public static final String PAYMENT_KEY = "paymentKey";

    private static final int STEPS_KEPT = 12;

    /** How the caller reached a step: by their own choice (a menu option, the advisor key) or along the flows. */
    enum How {
        CHOSEN,
        ALONG
    }

    final IvrFlows flows;
    final Call call;
    final InstantSource clock;
    private final Predicate<String> emergencyClosed;

    private Function<Event, Directive> awaiting;
    private boolean started;
    private boolean finished;
    private int steps;
    private int attempts;

    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Deque<String> path = new ArrayDeque<>();

    Account account;
    Pcn pcn;
    CouncilTaxAccount councilTax;

    /** The self-service in progress, or null. */
    private String service;
    /** The last service begun, and how it ended (for the advisor's attributes). */
    private String lastService;

    private SelfServiceOutcome lastOutcome;
    private final List<String> completed = new ArrayList<>();

    /** The payment in progress, or null. */
    private PaymentRun payment;

    private IvrSession(IvrFlows flows, Call call, InstantSource clock, Predicate<String> emergencyClosed) {
        this.flows = Objects.requireNonNull(flows, "flows");
        this.call = Objects.requireNonNull(call, "call");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.emergencyClosed = Objects.requireNonNull(emergencyClosed, "emergencyClosed");
    }

    /**
     * A session of {@code call} through {@code flows} (which {@link FlowsCheck} has passed).
     *
     * @param emergencyClosed whether a supervisor has closed a calendar for an emergency
     */
    public static IvrSession open(IvrFlows flows, Call call, InstantSource clock, Predicate<String> emergencyClosed) {
        return new IvrSession(flows, call, clock, emergencyClosed);
    }

    public Call call() {
        return call;
    }

    public IvrFlows flows() {
        return flows;
    }

    /** The first directive. */
    public Directive start() {
        if (started) {
            throw new IllegalStateException("the session has started already");
        }
        started = true;
        return go(flows.start(), How.ALONG);
    }

    /** The next directive, in answer to {@code event}. */
    public Directive on(Event event) {
        Objects.requireNonNull(event, "event");
        if (!started || finished) {
            clearIfCard(event);
            throw new IllegalStateException(finished ? "the session has finished" : "the session has not started");
        }
        if (event instanceof Event.HungUp) {
            return hungUp();
        }
        Function<Event, Directive> next = awaiting;
        awaiting = null;
        return next.apply(event);
    }

    public boolean finished() {
        return finished;
    }

    // ---- steps ----

    Directive go(String stepId, How how) {
        if (++steps > flows.limits().maxSteps()) {
            return toAdvisor(How.ALONG); // a loop in the flows: a person takes over
        }
        Step step = flows.step(stepId);
        remember(stepId);
        return begin(step.service(), () -> enter(step, how));
    }

    private Directive enter(Step step, How how) {
        attempts = 0;
        return switch (step) {
            case Step.Say s -> play(lines(s.say()), () -> go(s.next(), How.ALONG));
            case Step.Menu m -> menu(m);
            case Step.Collect c -> collect(c);
            case Step.Lookup l -> lookup(l);
            case Step.Branch b -> go(branch(b), How.ALONG);
            case Step.Queue q -> queue(q, how);
            case Step.Pay p -> {
                payment = new PaymentRun(this, p);
                yield payment.begin();
            }
            case Step.Status s -> status(s);
            case Step.Hours h -> hours(h);
            case Step.Goodbye g -> goodbye(g);
        };
    }

    private Directive menu(Step.Menu m) {
        Question q = question(Question.Kind.MENU, 1, 1, List.copyOf(m.options().keySet()), null);
        return ask(List.of(line(m.menu())), q, null, key -> {
            String target = m.options().get(key);
            return target == null ? null : go(target, How.CHOSEN);
        });
    }

    private Directive collect(Step.Collect c) {
        Question q = question(Question.Kind.DIGITS, c.minDigits(), c.maxDigits(), List.of(), c.prefix());
        return ask(List.of(line(c.collect())), q, c.invalid() != null ? line(c.invalid()) : null, digits -> {
            String d = c.prefix() != null && digits.toUpperCase(Locale.ROOT).startsWith(c.prefix())
                    ? digits.substring(c.prefix().length())
                    : digits;
            if (!c.accepts(d)) {
                return null;
            }
            String value = c.value(d);
            entries.put(c.into(), value);
            if (c.attribute() != null) {
                attributes.put(c.attribute(), value);
            }
            return go(c.next(), How.ALONG);
        });
    }

    private Directive lookup(Step.Lookup l) {
        AccountKey key = key(l);
        if (key == null) {
            return notFound(l);
        }
        return then(new Directive.Lookup(key), e -> switch (e) {
            case Event.Found f -> found(l, key, f.account().orElse(null));
            case Event.Failed x -> l.unavailable() != null ? go(l.unavailable(), How.ALONG) : toAdvisor(How.ALONG);
            default -> unexpected("a lookup", e);
        });
    }

    private AccountKey key(Step.Lookup l) {
        try {
            return switch (l.lookup()) {
                case PCN -> entries.containsKey(l.key()) ? AccountKey.pcn(entries.get(l.key())) : null;
                case COUNCIL_TAX -> entries.containsKey(l.key()) ? AccountKey.councilTax(entries.get(l.key())) : null;
                case CALLER -> {
                    if (call.customerRef() != null) {
                        yield AccountKey.customerRef(call.customerRef());
                    } else if (call.callerNumber() != null) {
                        yield AccountKey.callerNumber(call.callerNumber());
                    } else if (call.email() != null) {
                        yield AccountKey.email(call.email());
                    }
                    yield null;
                }
            };
        } catch (IllegalArgumentException e) {
            return null; // what was keyed is no reference the back office could know
        }
    }

    private Directive found(Step.Lookup l, AccountKey key, Account found) {
        account = found;
        boolean known = found != null;
        switch (l.lookup()) {
            case PCN -> {
                pcn = known ? found.pcn(key.value()).orElse(null) : null;
                known = pcn != null;
            }
            case COUNCIL_TAX -> {
                councilTax = known ? found.councilTaxAccount(key.value()).orElse(null) : null;
                known = councilTax != null;
            }
            case CALLER -> {}
        }
        return known ? go(l.found(), How.ALONG) : notFound(l);
    }

    private Directive notFound(Step.Lookup l) {
        return l.notFound() != null ? go(l.notFound(), How.ALONG) : toAdvisor(How.ALONG);
    }

    private String branch(Step.Branch b) {
        for (Rule r : b.branch()) {
            if (holds(r)) {
                return r.then();
            }
        }
        return b.otherwise();
    }

    private boolean holds(Rule r) {
        return switch (r.kind()) {
            case PCN_STATUS ->
                pcn != null && pcn.status().name().toLowerCase(Locale.ROOT).equals(r.is());
            case PCN_AMOUNT_DUE -> pcn != null && pcn.amountDuePence() > r.above();
            case COUNCIL_TAX_BALANCE -> councilTax != null && councilTax.balancePence() > r.above();
            case ACCOUNT_FOUND -> (account != null ? "yes" : "no").equals(r.is());
            case OPEN_REQUESTS ->
                account != null && account.openServiceRequests().size() > r.above();
            case CALENDAR ->
                calendarState(r.argument())
                        .state()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .equals(r.is());
            case ENTRY -> r.is().equals(entries.get(r.argument()));
        };
    }

    private Directive queue(Step.Queue q, How how) {
        return outcome(how == How.CHOSEN ? SelfServiceOutcome.OPTED_OUT : SelfServiceOutcome.FAILED, () -> {
            if (q.calendar() != null) {
                CalendarSpec spec = flows.calendar(q.calendar());
                CalendarState state = calendarState(q.calendar());
                if (!state.open()) {
                    String said = state.state() == CalendarState.State.EMERGENCY ? spec.emergency() : spec.closed();
                    return play(
                            List.of(line(said)),
                            () -> finish(
                                    spec.forward() != null ? new Ending.Forward(spec.forward()) : new Ending.Closed()));
                }
            }
            attributes.put(REASON, q.reason());
            QueueRequest request = new QueueRequest(
                    queueFor(q),
                    q.requirements() == null
                            ? null
                            : q.requirements().stream()
                                    .map(Step.Need::requirement)
                                    .toList(),
                    q.tier(),
                    0,
                    List.of(),
                    -1,
                    -1);
            return play(
                    List.of(line(FlowsCheck.TO_ADVISOR)),
                    () -> finish(new Ending.HandOver(request, q.reason(), handedOver())));
        });
    }

    /** The step's queue for this call's channel, else the advisor step's (which names one for every channel). */
    private String queueFor(Step.Queue q) {
        String queue = q.queueFor(call.channel());
        if (queue == null) {
            Step.Queue advisor = (Step.Queue) flows.step(flows.advisor());
            queue = advisor.queueFor(call.channel());
            if (queue == null) {
                queue = advisor.queues().values().iterator().next(); // FlowsCheck keeps this from happening
            }
        }
        return queue;
    }

    private Directive status(Step.Status s) {
        if (account == null) {
            return toAdvisor(How.ALONG);
        }
        List<ServiceRequest> open =
                account.openServiceRequests().stream().limit(s.max()).toList();
        List<Line> said = new ArrayList<>();
        if (open.isEmpty()) {
            said.add(line(s.none()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        for (ServiceRequest r : open) {
            String prompt = s.statuses()
                    .getOrDefault(
                            r.type() + "/" + r.status().name(),
                            s.statuses().get(r.status().name()));
            Map<String, Value> values = new HashMap<>();
            values.put(
                    "type",
                    new Value.Said(flows.prompt(
                            s.types().getOrDefault(r.type(), s.types().get("other")))));
            values.put("opened", new Value.Day(r.openedOn().atStartOfDay(ZONE), false));
            if (r.nextStep() != null) {
                LocalDate due = r.nextStep().due();
                boolean thisWeek = !due.isBefore(today) && due.isBefore(today.plusDays(7));
                values.put("due", new Value.Day(due.atStartOfDay(ZONE), thisWeek));
            }
            said.add(new Line(flows.prompt(prompt), values));
        }
        return play(said, () -> complete(() -> go(s.next(), How.ALONG)));
    }

    private Directive hours(Step.Hours h) {
        CalendarSpec spec = flows.calendar(h.hours());
        CalendarState state = calendarState(h.hours());
        List<Line> said = new ArrayList<>();
        said.add(line(h.prompt()));
        ZonedDateTime now = clock.instant().atZone(spec.zone());
        switch (state.state()) {
            case OPEN ->
                said.add(new Line(flows.prompt(h.openNow()), Map.of("closes", new Value.Time(state.closes()))));
            case CLOSED -> {
                if (state.opens() != null) {
                    boolean soon = state.opens()
                            .toLocalDate()
                            .isBefore(now.toLocalDate().plusDays(7));
                    said.add(new Line(
                            flows.prompt(h.closedNow()),
                            Map.of("day", new Value.Day(state.opens(), soon), "opens", new Value.Time(state.opens()))));
                }
            }
            case EMERGENCY -> said.add(line(spec.emergency()));
        }
        return play(said, () -> complete(() -> go(h.next(), How.ALONG)));
    }

    private Directive goodbye(Step.Goodbye g) {
        return outcome(
                SelfServiceOutcome.FAILED,
                () -> play(List.of(line(g.goodbye())), () -> finish(new Ending.SelfServed(completed))));
    }

    CalendarState calendarState(String calendar) {
        return Calendars.at(flows.calendar(calendar), clock.instant(), emergencyClosed.test(calendar));
    }

    // ---- the advisor, services and the end ----

    /** To the advisor step (the payment's own, if it names one): from a cap or failure, or by the caller's choice. */
    Directive toAdvisor(How how) {
        String target = payment != null && payment.step.advisor() != null ? payment.step.advisor() : flows.advisor();
        return leavePayment(() -> {
            remember(target);
            return queue((Step.Queue) flows.step(target), how);
        });
    }

    /** Begins {@code next}'s service: an unfinished earlier one counts as failed. */
    private Directive begin(String next, Supplier<Directive> then) {
        if (next == null || next.equals(service)) {
            return then.get();
        }
        return outcome(SelfServiceOutcome.FAILED, () -> {
            service = next;
            lastService = next;
            lastOutcome = null;
            return then.get();
        });
    }

    /** Records how the service in progress ended (if one is), then goes on. */
    private Directive outcome(SelfServiceOutcome how, Supplier<Directive> then) {
        if (service == null) {
            return then.get();
        }
        String ended = service;
        service = null;
        lastOutcome = how;
        if (how == SelfServiceOutcome.COMPLETED) {
            completed.add(ended);
        }
        return then(new Directive.RecordOutcome(ended, how), e -> then.get());
    }

    /** The service in progress was done. */
    Directive complete(Supplier<Directive> then) {
        return outcome(SelfServiceOutcome.COMPLETED, then);
    }

    private Directive hungUp() {
        awaiting = null;
        return leavePayment(() -> outcome(SelfServiceOutcome.ABANDONED, () -> finish(new Ending.CallerLeft())));
    }

    /** Clears any card data and unmutes the recording if the payment muted it, then goes on. */
    private Directive leavePayment(Supplier<Directive> then) {
        PaymentRun run = payment;
        payment = null;
        if (run == null) {
            return then.get();
        }
        run.clearCard();
        return run.recordingPaused() ? then(new Directive.ResumeRecording(), e -> then.get()) : then.get();
    }

    /** The payment is over (paid, or nothing to pay): it leaves no card data and no muted recording behind. */
    Directive paymentDone(Supplier<Directive> then) {
        return leavePayment(then);
    }

    private Directive finish(Ending ending) {
        finished = true;
        awaiting = null;
        return new Directive.Finish(ending);
    }

    /** What the advisor sees: what the caller keyed and chose, and how the self-service went. */
    private Attributes handedOver() {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        if (lastService != null) {
            all.put(SERVICE, lastService);
            if (lastOutcome != null) {
                all.put(OUTCOME, lastOutcome.name());
            }
        }
        if (!path.isEmpty()) {
            all.put(STEPS, String.join(">", path));
        }
        List<Attribute> list = new ArrayList<>();
        all.forEach((k, v) -> list.add(new Attribute(k, v)));
        return new Attributes(list);
    }

    void attribute(String name, String value) {
        attributes.put(name, value);
    }

    private void remember(String stepId) {
        if (path.size() == STEPS_KEPT) {
            path.removeFirst();
        }
        path.addLast(stepId);
    }

    // ---- asking ----

    /** Answers a question's digits: the next directive, or null when they are not a valid answer. */
    interface Answer {
        Directive apply(String digits);
    }

    Question question(Question.Kind kind, int min, int max, List<String> keys, String prefix) {
        return new Question(
                kind,
                min,
                max,
                kind.sensitive()
                        ? flows.limits().cardInputTimeout()
                        : flows.limits().inputTimeout(),
                keys,
                prefix);
    }

    /** Asks until {@code answer} takes the digits, within the flows' attempts; then the advisor. */
    Directive ask(List<Line> prompt, Question q, Line invalid, Answer answer) {
        attempts = 0;
        return asking(prompt, prompt, q, invalid != null ? invalid : line(FlowsCheck.INVALID_ENTRY), answer);
    }

    private Directive asking(List<Line> said, List<Line> prompt, Question q, Line invalid, Answer answer) {
        return then(new Directive.Ask(said, q), e -> switch (e) {
            case Event.Keyed k -> {
                String digits = k.digits().strip();
                if (CardNumberTripwire.containsCardNumber(digits)) {
                    // Card digits where none belong: never kept, never echoed.
                    yield retry(line(FlowsCheck.CARD_NOT_HERE), prompt, q, invalid, answer);
                }
                if (digits.equals(flows.limits().advisorKey()) && !q.keys().contains(digits)) {
                    yield toAdvisor(How.CHOSEN);
                }
                Directive next = answer.apply(digits);
                yield next != null ? next : retry(invalid, prompt, q, invalid, answer);
            }
            case Event.NoInput n -> retry(line(FlowsCheck.NO_ENTRY), prompt, q, invalid, answer);
            case Event.Withheld w -> retry(line(FlowsCheck.CARD_NOT_HERE), prompt, q, invalid, answer);
            case Event.KeyedCard c -> {
                Arrays.fill(c.digits(), '\0');
                yield retry(invalid, prompt, q, invalid, answer);
            }
            default -> unexpected("a question", e);
        });
    }

    private Directive retry(Line first, List<Line> prompt, Question q, Line invalid, Answer answer) {
        if (++attempts >= flows.limits().attempts()) {
            return toAdvisor(How.ALONG);
        }
        List<Line> said = new ArrayList<>();
        said.add(first);
        said.addAll(prompt);
        return asking(said, prompt, q, invalid, answer);
    }

    /** Answers a card question's digits (owned by the answer, which clears them if it refuses them). */
    interface CardAnswer {
        /** The next directive, or the prompt id saying why the digits are refused. */
        Object apply(char[] digits);
    }

    /** Asks a card question until it is answered, within the flows' attempts; then the advisor. */
    Directive askCard(List<Line> said, List<Line> prompt, Question q, CardAnswer answer) {
        return then(new Directive.Ask(said, q), e -> switch (e) {
            case Event.KeyedCard c -> {
                Object next = answer.apply(c.digits());
                yield next instanceof Directive d ? d : retryCard((String) next, prompt, q, answer);
            }
            case Event.Keyed k -> {
                if (k.digits().strip().equals(flows.limits().advisorKey())) {
                    yield toAdvisor(How.CHOSEN);
                }
                yield retryCard(FlowsCheck.INVALID_ENTRY, prompt, q, answer);
            }
            case Event.NoInput n -> retryCard(FlowsCheck.NO_ENTRY, prompt, q, answer);
            default -> unexpected("a card question", e);
        });
    }

    private Directive retryCard(String first, List<Line> prompt, Question q, CardAnswer answer) {
        if (++attempts >= flows.limits().attempts()) {
            return toAdvisor(How.ALONG);
        }
        List<Line> said = new ArrayList<>();
        said.add(line(first));
        said.addAll(prompt);
        return askCard(said, prompt, q, answer);
    }

    void resetAttempts() {
        attempts = 0;
    }

    // ---- directives ----

    Directive then(Directive d, Function<Event, Directive> next) {
        awaiting = next;
        return d;
    }

    Directive play(List<Line> lines, Supplier<Directive> next) {
        return then(new Directive.Play(lines), e -> e instanceof Event.Done ? next.get() : unexpected("a prompt", e));
    }

    Line line(String promptId) {
        return Line.of(flows.prompt(promptId));
    }

    Line line(String promptId, Map<String, Value> values) {
        return new Line(flows.prompt(promptId), values);
    }

    private List<Line> lines(List<String> promptIds) {
        return promptIds.stream().map(this::line).toList();
    }

    Instant now() {
        return clock.instant();
    }

    private Directive unexpected(String what, Event e) {
        clearIfCard(e);
        throw new IllegalStateException("the session waits for the answer to " + what + ", not " + e);
    }

    private static void clearIfCard(Event e) {
        if (e instanceof Event.KeyedCard c) {
            Arrays.fill(c.digits(), '\0');
        }
    }

    /** For the prompts' slots: a prompt id for the words of a value. */
    static Prompt prompt(IvrFlows flows, String id) {
        return flows.prompt(id);
    }
}
