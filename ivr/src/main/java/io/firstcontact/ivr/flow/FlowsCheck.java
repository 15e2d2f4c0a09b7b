package io.firstcontact.ivr.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that flows hold together: every step, prompt and calendar a part names exists, every prompt's slots are ones
 * its step fills, the advisor step is a queue, and (given what routing has) every queue and skill exists. The server
 * runs it at start-up and on every change through the admin API, so flows that name something missing never reach a
 * caller.
 */
public final class FlowsCheck {

    /** Played when an answer is not valid (and a collect step names no prompt of its own). */
    public static final String INVALID_ENTRY = "invalid-entry";

    /** Played when the caller keyed nothing in time. */
    public static final String NO_ENTRY = "no-entry";

    /** Played when card digits are keyed or written where no card is asked for; they are dropped unread. */
    public static final String CARD_NOT_HERE = "card-not-here";

    /** Played before a caller is put through to an advisor. */
    public static final String TO_ADVISOR = "to-advisor";

    /** The words a call says around an amount: "sixty five pounds and fifty pence". */
    public static final String POUNDS = "say-pounds";

    public static final String POUND = "say-pound";
    public static final String PENCE = "say-pence";
    public static final String AND = "say-and";

    /** Prompts the engine and the voice front end play themselves, which every flows must define. */
    public static final Map<String, Set<String>> SYSTEM_PROMPTS = ordered(
            INVALID_ENTRY, Set.of(),
            NO_ENTRY, Set.of(),
            CARD_NOT_HERE, Set.of(),
            TO_ADVISOR, Set.of(),
            POUNDS, Set.of(),
            POUND, Set.of(),
            PENCE, Set.of(),
            AND, Set.of());

    /** The payment's prompts, with the slots each may use; every flows with a {@code pay} step defines them. */
    public static final Map<String, Set<String>> PAY_PROMPTS = ordered(
            "pay-confirm-pcn", Set.of("reference", "amount"),
            "pay-balance-council-tax", Set.of("reference", "amount"),
            "pay-amount-enter", Set.of(),
            "pay-amount-invalid", Set.of("amount"),
            "pay-confirm-amount", Set.of("amount"),
            "pay-nothing-due", Set.of(),
            "pay-card-number", Set.of(),
            "pay-card-invalid", Set.of(),
            "pay-card-not-taken", Set.of(),
            "pay-card-ending", Set.of("lastFour"),
            "pay-expiry", Set.of(),
            "pay-expiry-invalid", Set.of(),
            "pay-security-code", Set.of(),
            "pay-security-invalid", Set.of(),
            "pay-wait", Set.of(),
            "pay-approved", Set.of("amount", "authorisation"),
            "pay-declined", Set.of(),
            "pay-insufficient", Set.of(),
            "pay-declined-final", Set.of(),
            "pay-unconfirmed", Set.of(),
            "pay-unavailable", Set.of(),
            "pay-receipt-both", Set.of(),
            "pay-receipt-sms", Set.of(),
            "pay-receipt-email", Set.of(),
            "pay-receipt-sent", Set.of(),
            "pay-receipt-failed", Set.of());

    /** The slots a service request's status prompt may use. */
    public static final Set<String> STATUS_SLOTS = Set.of("type", "opened", "due");

    /**
     * What routing has, for the queue steps to be checked against.
     *
     * @param queues the channel of each queue, by queue id
     * @param skills the skill ids
     */
    public record Routing(Map<String, String> queues, Set<String> skills) {
        public Routing {
            queues = Map.copyOf(queues);
            skills = Set.copyOf(skills);
        }
    }

    private final IvrFlows flows;
    private final Routing routing;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> entries = new TreeSet<>();

    private FlowsCheck(IvrFlows flows, Routing routing) {
        this.flows = flows;
        this.routing = routing;
    }

    /** Every problem, in a stable order; empty when the flows hold together. */
    public static List<String> problems(IvrFlows flows, Routing routing) {
        FlowsCheck c = new FlowsCheck(flows, routing);
        c.run();
        return List.copyOf(c.problems);
    }

    /** {@code flows}, or {@link InvalidFlowsException} naming every problem. */
    public static IvrFlows require(IvrFlows flows, Routing routing) {
        List<String> found = problems(flows, routing);
        if (!found.isEmpty()) {
            throw new InvalidFlowsException(found);
        }
        return flows;
    }

    private void run() {
        for (Step s : flows.steps().values()) {
            if (s instanceof Step.Collect c) {
                entries.add(c.into());
            }
        }
        step("start", flows.start());
        Step advisor = flows.step(flows.advisor());
        if (advisor == null) {
            problems.add("advisor names step " + flows.advisor() + ", which is not defined");
        } else if (!(advisor instanceof Step.Queue a)) {
            problems.add("advisor names step " + flows.advisor() + ", which is not a queue step");
        } else if (!a.queues().containsKey(Step.Queue.ANY_CHANNEL)) {
            // A queue step without a queue for the call's channel sends its callers to the advisor step's.
            for (Step s : flows.steps().values()) {
                if (s instanceof Step.Queue q) {
                    for (String channel : q.queues().keySet()) {
                        if (!a.queues().containsKey(channel) && !channel.equals(Step.Queue.ANY_CHANNEL)) {
                            problems.add("advisor step " + a.id() + " names no queue for " + channel + ", which step "
                                    + q.id() + " serves");
                        }
                    }
                }
            }
        }
        SYSTEM_PROMPTS.forEach((id, slots) -> prompt("the engine", id, slots));
        boolean pays = false;
        for (Step s : flows.steps().values()) {
            check(s);
            pays |= s instanceof Step.Pay;
        }
        if (pays) {
            PAY_PROMPTS.forEach((id, slots) -> prompt("the pay steps", id, slots));
        }
        for (CalendarSpec c : flows.calendars().values()) {
            prompt("calendar " + c.id(), c.closed(), Set.of());
            prompt("calendar " + c.id(), c.emergency(), Set.of());
        }
    }

    private void check(Step step) {
        String at = "step " + step.id();
        switch (step) {
            case Step.Say s -> {
                s.say().forEach(p -> prompt(at, p, Set.of()));
                step(at + " next", s.next());
            }
            case Step.Menu m -> {
                prompt(at, m.menu(), Set.of());
                m.options().forEach((key, target) -> step(at + " option " + key, target));
            }
            case Step.Collect c -> {
                prompt(at, c.collect(), Set.of());
                if (c.invalid() != null) {
                    prompt(at, c.invalid(), Set.of());
                }
                step(at + " next", c.next());
            }
            case Step.Lookup l -> {
                step(at + " found", l.found());
                optionalStep(at + " notFound", l.notFound());
                optionalStep(at + " unavailable", l.unavailable());
                if (l.key() != null && !entries.contains(l.key())) {
                    problems.add(at + " reads entry " + l.key() + ", which no collect step fills");
                }
            }
            case Step.Branch b -> {
                for (Rule r : b.branch()) {
                    step(at + " goto", r.then());
                    if (r.kind() == Rule.Subject.CALENDAR) {
                        calendar(at, r.argument());
                    } else if (r.kind() == Rule.Subject.ENTRY && !entries.contains(r.argument())) {
                        problems.add(at + " tests entry " + r.argument() + ", which no collect step fills");
                    }
                }
                step(at + " else", b.otherwise());
            }
            case Step.Queue q -> {
                if (routing != null) {
                    q.queues().forEach((channel, queue) -> {
                        String takes = routing.queues().get(queue);
                        if (takes == null) {
                            problems.add(at + " names queue " + queue + ", which routing does not have (its queues: "
                                    + new TreeSet<>(routing.queues().keySet()) + ")");
                        } else if (!channel.equals(Step.Queue.ANY_CHANNEL) && !channel.equals(takes)) {
                            problems.add(at + " names queue " + queue + " for " + channel + ", but it takes " + takes);
                        }
                    });
                }
                if (routing != null && q.requirements() != null) {
                    for (Step.Need n : q.requirements()) {
                        if (!routing.skills().contains(n.skill())) {
                            problems.add(at + " requires skill " + n.skill() + ", which routing does not have");
                        }
                    }
                }
                if (q.calendar() != null) {
                    calendar(at, q.calendar());
                }
            }
            case Step.Pay p -> {
                step(at + " next", p.next());
                if (p.advisor() != null) {
                    Step a = flows.step(p.advisor());
                    if (a == null) {
                        problems.add(at + " advisor names step " + p.advisor() + ", which is not defined");
                    } else if (!(a instanceof Step.Queue)) {
                        problems.add(at + " advisor names step " + p.advisor() + ", which is not a queue step");
                    }
                }
            }
            case Step.Status s -> {
                s.types().values().forEach(p -> prompt(at, p, Set.of()));
                s.statuses().values().forEach(p -> prompt(at, p, STATUS_SLOTS));
                prompt(at, s.none(), Set.of());
                step(at + " next", s.next());
            }
            case Step.Hours h -> {
                calendar(at, h.hours());
                prompt(at, h.prompt(), Set.of());
                prompt(at, h.openNow(), Set.of("closes"));
                prompt(at, h.closedNow(), Set.of("day", "opens"));
                step(at + " next", h.next());
            }
            case Step.Goodbye g -> prompt(at, g.goodbye(), Set.of());
        }
    }

    private void step(String at, String id) {
        if (flows.step(id) == null) {
            problems.add(at + " names step " + id + ", which is not defined");
        }
    }

    private void optionalStep(String at, String id) {
        if (id != null) {
            step(at, id);
        }
    }

    private void calendar(String at, String id) {
        if (flows.calendar(id) == null) {
            problems.add(at + " names calendar " + id + ", which is not defined");
        }
    }

    private void prompt(String at, String id, Set<String> slots) {
        Prompt p = flows.prompt(id);
        if (p == null) {
            problems.add(at + " names prompt " + id + ", which is not defined");
            return;
        }
        Set<String> extra = new TreeSet<>(p.slots());
        extra.removeAll(slots);
        if (!extra.isEmpty()) {
            problems.add("prompt " + id + " has slots " + extra + " that " + at + " does not fill"
                    + (slots.isEmpty() ? "" : " (it fills " + new TreeSet<>(slots) + ")"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> ordered(Object... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Set<String>) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
