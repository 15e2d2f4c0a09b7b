package io.firstcontact.router.account.arrival;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.map.IMap;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.port.EffectSink;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms account context when an interaction arrives: follows committed decisions and, on {@code InteractionCreated},
 * identifies the customer (its customerRef, else the caller's number, email address, … — {@link KeyAttributes}) and
 * looks them up at once through the cached directory, while the caller is still in the IVR, so that the screen pop
 * when the offer arrives costs a cache hit. Routing never waits for it: the lookup runs beside routing, and a back
 * office that is slow or down delays nothing but its own answer.
 *
 * <p>It also remembers, cluster-wide, which key identifies each interaction's customer, so the account context of an
 * interaction can be read on any node ({@link #forInteraction}); and it counts how ready the context was at each offer.
 */
public final class ArrivalWarming implements EffectSink {
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalWarming.class);

    /** One interaction's lookup. {@code result} is null while not started (warming off) or never (no key). */
    private record Lookup(String customerRef, AccountKey key, CompletableFuture<Optional<Account>> result) {}

    private final AccountDirectory directory;
    private final IMap<String, String> interactionKeys;
    private final KeyAttributes attributes;
    private final boolean warm;
    private final Executor executor;
    private final Duration ttl;
    private final Cache<String, Lookup> live;
    private final List<Consumer<Resolution>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder arrivals = new LongAdder();
    private final Map<Readiness, LongAdder> offers = new EnumMap<>(Readiness.class);

    /**
     * @param directory the cached directory
     * @param interactionKeys the cluster's map from interaction to its customer's key
     * @param warm whether to look the customer up at arrival (else only when asked)
     * @param executor where lookups start (off the engine thread)
     * @param ttl how long an interaction's key is remembered (the account cache's time to live)
     */
    public ArrivalWarming(
            AccountDirectory directory,
            IMap<String, String> interactionKeys,
            KeyAttributes attributes,
            boolean warm,
            Executor executor,
            Duration ttl) {
        this.directory = directory;
        this.interactionKeys = interactionKeys;
        this.attributes = attributes;
        this.warm = warm;
        this.executor = executor;
        this.ttl = ttl;
        this.live = Caffeine.newBuilder()
                .expireAfterAccess(ttl)
                .maximumSize(1_000_000)
                .build();
        for (Readiness r : Readiness.values()) {
            offers.put(r, new LongAdder());
        }
    }

    /** Called with each finished arrival lookup (on any thread; must not block). */
    public void onResolution(Consumer<Resolution> listener) {
        listeners.add(listener);
    }

    public WarmingStatistics statistics() {
        Map<Readiness, Long> counts = new EnumMap<>(Readiness.class);
        offers.forEach((r, n) -> counts.put(r, n.sum()));
        return new WarmingStatistics(arrivals.sum(), counts);
    }

    /**
     * The account context of an interaction: the arrival's lookup if this node made it (joining it if it is still
     * running; asking again if it failed: the back office may be back), else a lookup by the key remembered for it in
     * the cluster. Empty when nothing identifies its customer
     * or nobody is known by the key.
     */
    public CompletionStage<Optional<Account>> forInteraction(String interactionId) {
        Lookup l = live.getIfPresent(interactionId);
        if (l != null && l.result() != null && !l.result().isCompletedExceptionally()) {
            return l.result().copy();
        }
        if (l != null) {
            return l.key() == null ? CompletableFuture.completedFuture(Optional.empty()) : directory.find(l.key());
        }
        return interactionKeys
                .getAsync(interactionId)
                .thenCompose(k -> k == null
                        ? CompletableFuture.completedFuture(Optional.<Account>empty())
                        : directory.find(AccountKey.parse(k)));
    }

    /** On the engine thread: notes what arrived and hands the lookups off. */
    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact fact : decision.facts()) {
            switch (fact) {
                case Fact.InteractionCreated c ->
                    arrived(
                            c.interactionId(),
                            c.customerRef(),
                            input.command() instanceof Command.CreateInteraction ci
                                    ? ci.attributes()
                                    : Attributes.NONE);
                case Fact.AttributesChanged a -> {
                    if (input.command() instanceof Command.UpdateAttributes u) {
                        reidentify(a.interactionId(), u.attributes());
                    }
                }
                case Fact.OfferCreated o ->
                    offers.get(readiness(o.interactionId())).increment();
                default -> {}
            }
        }
    }

    private void arrived(String interactionId, String customerRef, Attributes attrs) {
        Optional<AccountKey> key = attributes.keyOf(customerRef, attrs);
        if (key.isEmpty()) {
            live.put(interactionId, new Lookup(customerRef, null, null));
            return;
        }
        start(interactionId, customerRef, key.get());
    }

    /** New attributes (a PCN keyed in the IVR) may identify a customer the arrival could not. */
    private void reidentify(String interactionId, Attributes attrs) {
        Lookup l = live.getIfPresent(interactionId);
        if (l == null || (l.key() != null && !(l.result() != null && l.result().isDone() && foundNobody(l)))) {
            return;
        }
        Optional<AccountKey> key = attributes.keyOf(l.customerRef(), attrs);
        if (key.isPresent() && !key.get().equals(l.key())) {
            start(interactionId, l.customerRef(), key.get());
        }
    }

    private static boolean foundNobody(Lookup l) {
        return !l.result().isCompletedExceptionally() && l.result().join().isEmpty();
    }

    private void start(String interactionId, String customerRef, AccountKey key) {
        CompletableFuture<Optional<Account>> result = warm ? new CompletableFuture<>() : null;
        live.put(interactionId, new Lookup(customerRef, key, result));
        arrivals.increment();
        executor.execute(() -> {
            interactionKeys
                    .setAsync(interactionId, key.canonical(), ttl.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> {
                        LOG.warn("account cache: an interaction's key could not be remembered ({})", e.toString());
                        return null;
                    });
            if (result == null) {
                return;
            }
            directory.find(key).whenComplete((account, failure) -> {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause()
                        : failure;
                if (cause == null) {
                    result.complete(account);
                } else {
                    result.completeExceptionally(cause);
                }
                Resolution r = new Resolution(interactionId, key, cause == null ? account : Optional.empty(), cause);
                for (Consumer<Resolution> listener : listeners) {
                    listener.accept(r);
                }
            });
        });
    }

    private Readiness readiness(String interactionId) {
        Lookup l = live.getIfPresent(interactionId);
        if (l == null || l.key() == null) {
            return Readiness.UNIDENTIFIED;
        }
        CompletableFuture<Optional<Account>> r = l.result();
        if (r == null || !r.isDone()) {
            return Readiness.PENDING;
        }
        return r.isCompletedExceptionally() ? Readiness.UNAVAILABLE : Readiness.READY;
    }
}
