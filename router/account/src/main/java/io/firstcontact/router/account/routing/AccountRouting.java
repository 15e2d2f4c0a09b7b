package io.firstcontact.router.account.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.firstcontact.router.account.arrival.KeyAttributes;
import io.firstcontact.router.account.arrival.Resolution;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing on the citizen's account: when an interaction arrives, the advisor who owns the customer's open case, or
 * who last helped them within the look-back ({@link Preference}), becomes a PREFER target for the configured window
 * from the start of the wait. Among the advisors free for the interaction the preferred one is offered it first; when
 * they come free, it comes before other work that has waited longer. When the window ends, routing is as usual.
 *
 * <p>Two ways in, so that the preference is in place before anyone else can be offered the contact:
 *
 * <ul>
 *   <li>at queueing ({@link #withPreference}): when the preference is already known as the interaction is queued —
 *       the arrival's lookup finished while the caller was in the IVR, or routing's own history names the advisor — the
 *       target goes into the queue request itself, so the first routing decision already honours it;
 *   <li>while waiting: when the account is resolved only after the interaction queued, {@code UpdateRouting} on the
 *       routing port sets the target for what is left of the window.
 * </ul>
 *
 * Never when the interaction names its own targets (a transfer to a named advisor, a callback's owner), only for its
 * first visit, only for advisors routing knows, and never in a queue where a supervisor turned it off.
 */
public final class AccountRouting implements EffectSink {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRouting.class);
    /** The source of the commands it submits. */
    public static final String SOURCE = "account";

    /** What is known of one arriving interaction. Guarded by its own monitor. */
    private static final class Arrival {
        final List<String> identities = new ArrayList<>(3);
        PreferredAdvisor preferred;
        String queue;
        long waitStartedAt;
        boolean firstVisitSeen;
        boolean ownTargets;
        boolean applied;
        boolean switchedOff;

        Arrival(Collection<String> identities) {
            this.identities.addAll(identities);
        }
    }

    private final AccountRoutingOptions options;
    private final QueueSwitches switches;
    private final KeyAttributes attributes;
    private final InstantSource clock;
    private final Executor executor;
    private final ContactHistory history;
    private final Set<String> knownAdvisors = ConcurrentHashMap.newKeySet();
    private final Cache<String, Arrival> arrivals;
    private final LongAdder caseOwners = new LongAdder();
    private final LongAdder lastAdvisors = new LongAdder();
    private final LongAdder atQueueing = new LongAdder();
    private final LongAdder whileWaiting = new LongAdder();
    private final LongAdder switchedOff = new LongAdder();
    private volatile RoutingPort routing;

    /**
     * @param attributes how interactions identify their customer (the same as the warming's)
     * @param clock the time the window is measured from at queueing (the host stamps engine time from the same clock)
     * @param executor where commands are submitted from (never the engine thread)
     */
    public AccountRouting(
            AccountRoutingOptions options, KeyAttributes attributes, InstantSource clock, Executor executor) {
        this.options = options;
        this.switches = new QueueSwitches(options);
        this.attributes = attributes;
        this.clock = clock;
        this.executor = executor;
        this.history = new ContactHistory(options.lookBack());
        this.arrivals = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofDays(1))
                .maximumSize(1_000_000)
                .build();
    }

    /**
     * Starts following routing: {@code advisors} are those defined before now (later ones are learnt from the
     * decisions); commands for interactions already waiting go to {@code port}.
     */
    public void attach(RoutingPort port, Collection<String> advisors) {
        knownAdvisors.addAll(advisors);
        this.routing = port;
    }

    public QueueSwitches switches() {
        return switches;
    }

    public AccountRoutingOptions options() {
        return options;
    }

    public RoutingStatistics statistics() {
        return new RoutingStatistics(
                caseOwners.sum(), lastAdvisors.sum(), atQueueing.sum(), whileWaiting.sum(), switchedOff.sum());
    }

    /**
     * The command as it should be sequenced: a queueing whose customer's preferred advisor is known gets them as a
     * PREFER target for the window. Anything else is returned as it is. Cheap and non-blocking: it only reads what is
     * already known.
     */
    public Command withPreference(Command command) {
        return switch (command) {
            case Command.QueueInteraction q -> {
                Arrival a = arrivals.getIfPresent(q.interactionId());
                Target t = a == null ? null : targetAtQueueing(a, q.request());
                yield t == null
                        ? q
                        : new Command.QueueInteraction(
                                q.interactionId(), q.request().withTargets(List.of(t)));
            }
            case Command.CreateInteraction c
            when c.queue() != null && c.queue().targets().isEmpty() -> {
                // Created straight into a queue (a chat, an email): only routing's own history is known yet.
                Arrival a = new Arrival(identities(c.customerRef(), c.attributes()));
                prefer(
                        a,
                        Preference.choose(
                                Optional.empty(),
                                history.latest(a.identities),
                                clock.millis(),
                                options.lookBack(),
                                knownAdvisors::contains));
                Target t = targetAtQueueing(a, c.queue());
                if (t == null) {
                    yield c;
                }
                arrivals.put(c.interactionId(), a);
                yield new Command.CreateInteraction(
                        c.interactionId(),
                        c.channel(),
                        c.direction(),
                        c.sourceRef(),
                        c.conversationId(),
                        c.customerRef(),
                        c.attributes(),
                        c.queue().withTargets(List.of(t)));
            }
            default -> command;
        };
    }

    /** An arrival's account was resolved (or could not be): the case owner or last advisor may now be known. */
    public void resolved(Resolution r) {
        // The lookup may finish before this sees the arrival's decision (a cache hit): the arrival starts here then.
        Arrival a = arrivals.get(
                r.interactionId(), id -> new Arrival(List.of(r.key().canonical())));
        Target t;
        synchronized (a) {
            r.account().ifPresent(acc -> {
                String id = AccountKey.customerRef(acc.customerRef()).canonical();
                if (!a.identities.contains(id)) {
                    a.identities.add(id);
                }
            });
            prefer(
                    a,
                    Preference.choose(
                            r.account(),
                            history.latest(a.identities),
                            clock.millis(),
                            options.lookBack(),
                            knownAdvisors::contains));
            t = targetWhileWaiting(a);
        }
        submit(r.interactionId(), t);
    }

    /** On the engine thread: follows arrivals, first visits, assignments and advisors; hands commands off. */
    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact fact : decision.facts()) {
            switch (fact) {
                case Fact.InteractionCreated c -> arrived(input, c);
                case Fact.VisitStarted v -> visitStarted(input, v);
                case Fact.AssignmentStarted s -> {
                    Arrival a = arrivals.getIfPresent(s.interactionId());
                    if (a != null) {
                        List<String> ids;
                        synchronized (a) {
                            ids = List.copyOf(a.identities);
                        }
                        history.helped(ids, s.agentId(), input.at());
                    }
                }
                case Fact.AgentDefined d -> knownAdvisors.add(d.agentId());
                case Fact.InteractionEnded e -> arrivals.invalidate(e.interactionId());
                default -> {}
            }
        }
        if (LOG.isDebugEnabled()) {
            for (Effect e : decision.effects()) {
                if (e instanceof Effect.Refused r && SOURCE.equals(input.source())) {
                    LOG.debug("a preference was refused: {}", r.message());
                }
            }
        }
    }

    private void arrived(EngineInput input, Fact.InteractionCreated c) {
        Attributes attrs = input.command() instanceof Command.CreateInteraction ci ? ci.attributes() : Attributes.NONE;
        Arrival a = arrivals.get(c.interactionId(), id -> new Arrival(identities(c.customerRef(), attrs)));
        synchronized (a) {
            if (a.preferred == null) { // what routing's own history says, until the account is resolved
                prefer(
                        a,
                        Preference.choose(
                                Optional.empty(),
                                history.latest(a.identities),
                                input.at(),
                                options.lookBack(),
                                knownAdvisors::contains));
            }
        }
    }

    private void visitStarted(EngineInput input, Fact.VisitStarted v) {
        Arrival a = arrivals.getIfPresent(v.interactionId());
        if (a == null) {
            return;
        }
        Target t;
        synchronized (a) {
            if (a.firstVisitSeen) {
                return; // only the first visit: a transfer or a re-queue is someone's own routing
            }
            a.firstVisitSeen = true;
            a.queue = v.queue();
            a.waitStartedAt = v.enteredAt();
            a.ownTargets = switch (input.command()) {
                case Command.QueueInteraction q -> !q.request().targets().isEmpty() && !a.applied;
                case Command.CreateInteraction c ->
                    c.queue() != null && !c.queue().targets().isEmpty() && !a.applied;
                default -> true;
            };
            t = targetWhileWaiting(a);
        }
        submit(v.interactionId(), t);
    }

    /** Under {@code a}'s monitor or before it is shared. */
    private void prefer(Arrival a, Optional<PreferredAdvisor> p) {
        if (p.isEmpty() || p.get().equals(a.preferred) || a.applied) {
            return;
        }
        a.preferred = p.get();
        (p.get().reason() == PreferredAdvisor.Reason.CASE_OWNER ? caseOwners : lastAdvisors).increment();
    }

    private Target targetAtQueueing(Arrival a, QueueRequest request) {
        synchronized (a) {
            if (a.applied || a.preferred == null || !request.targets().isEmpty()) {
                return null;
            }
            if (!switches.appliesTo(request.queue())) {
                countSwitchedOff(a);
                return null;
            }
            a.applied = true;
            atQueueing.increment();
            return new Target(
                    a.preferred.agentId(), clock.millis() + options.window().toMillis(), TargetMode.PREFER);
        }
    }

    /** Under {@code a}'s monitor. */
    private Target targetWhileWaiting(Arrival a) {
        if (a.applied || a.preferred == null || a.queue == null || a.ownTargets) {
            return null;
        }
        long until = a.waitStartedAt + options.window().toMillis();
        if (until <= clock.millis()) {
            return null; // the window is over already
        }
        if (!switches.appliesTo(a.queue)) {
            countSwitchedOff(a);
            return null;
        }
        a.applied = true;
        whileWaiting.increment();
        return new Target(a.preferred.agentId(), until, TargetMode.PREFER);
    }

    private void countSwitchedOff(Arrival a) {
        if (!a.switchedOff) {
            a.switchedOff = true;
            switchedOff.increment();
        }
    }

    private void submit(String interactionId, Target target) {
        RoutingPort port = routing;
        if (target == null || port == null) {
            return;
        }
        executor.execute(() -> port.submit(
                        SOURCE, null, new Command.UpdateRouting(interactionId, null, null, List.of(target)))
                .whenComplete((d, e) -> {
                    if (e != null) {
                        LOG.debug("a preference could not be submitted: {}", e.toString());
                    }
                }));
    }

    private List<String> identities(String customerRef, Attributes attrs) {
        List<String> ids = new ArrayList<>(2);
        if (customerRef != null) {
            ids.add(AccountKey.customerRef(customerRef).canonical());
        }
        attributes.keyOf(null, attrs).ifPresent(k -> ids.add(k.canonical()));
        return ids;
    }
}
