package io.firstcontact.router.account.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory every module uses: the back office's, cached in the cluster's Hazelcast maps. A lookup is
 * answered from the cache when it can (a member's near cache first), else from the back office, and the answer —
 * found or "nobody by that key" — is cached for everyone with a time to live. Lookups of the same key made while the
 * back office is still answering join that one call. Failures are never cached: the next lookup tries again (the
 * back office's breaker keeps that cheap while it is down).
 *
 * <p>What is recorded back goes to the back office, then the customer's cached account is dropped, so the next
 * screen pop shows the paid PCN or the new contact.
 */
public final class AccountCache implements AccountDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);
    private static final String NOBODY = "";

    private final AccountDirectory backOffice;
    private final CacheOptions options;
    private final IMap<String, Account> accounts;
    private final IMap<String, String> keys;
    private final ConcurrentMap<AccountKey, CompletableFuture<Optional<Account>>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder lookups = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private final LongAdder backOfficeLookups = new LongAdder();
    private final LongAdder backOfficeFailures = new LongAdder();

    /**
     * @param member a member started by {@link EmbeddedMember} (its maps are configured there)
     * @param backOffice the directory behind the cache
     */
    public AccountCache(HazelcastInstance member, AccountDirectory backOffice, CacheOptions options) {
        this.backOffice = backOffice;
        this.options = options;
        this.accounts = member.getMap(EmbeddedMember.ACCOUNTS);
        this.keys = member.getMap(EmbeddedMember.KEYS);
    }

    public CacheStatistics statistics() {
        return new CacheStatistics(
                lookups.sum(), hits.sum(), joined.sum(), backOfficeLookups.sum(), backOfficeFailures.sum());
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        lookups.increment();
        return cached(key).thenCompose(c -> {
            if (c != null) {
                hits.increment();
                return CompletableFuture.completedFuture(c);
            }
            return load(key);
        });
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return backOffice.recordPayment(payment).thenCompose(v -> forget(payment.customerRef(), payment.paidKey()));
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return backOffice.recordFormAnswers(answers).thenCompose(v -> forget(answers.customerRef(), null));
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return backOffice.recordContact(summary).thenCompose(v -> forget(summary.customerRef(), null));
    }

    /** The cached answer for {@code key}: an account, empty for a remembered "nobody", or null when not cached. */
    private CompletionStage<Optional<Account>> cached(AccountKey key) {
        CompletionStage<String> ref = key.kind() == AccountKey.Kind.CUSTOMER_REF
                ? CompletableFuture.completedFuture(key.value())
                : plain(keys.getAsync(key.canonical()));
        return ref.thenCompose(r -> {
                    if (r == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (r.equals(NOBODY)) {
                        return CompletableFuture.completedFuture(Optional.<Account>empty());
                    }
                    return plain(accounts.getAsync(r)).thenCompose(a -> {
                        if (a != null) {
                            return CompletableFuture.completedFuture(Optional.of(a));
                        }
                        if (key.kind() != AccountKey.Kind.CUSTOMER_REF) {
                            return CompletableFuture.completedFuture(null);
                        }
                        return keys.getAsync(key.canonical())
                                .thenApply(nobody -> NOBODY.equals(nobody) ? Optional.<Account>empty() : null);
                    });
                })
                .exceptionally(e -> {
                    // The cache is an optimisation: when it fails, the back office still answers.
                    LOG.warn("account cache unreadable ({}): asking the back office", e.toString());
                    return null;
                });
    }

    /**
     * A near-cache hit comes back as a completed Hazelcast future, whose dependent stages may still run on another
     * thread: as a plain completed future they run at once on the caller's, so a warmed screen pop costs no hop.
     */
    private static <T> CompletionStage<T> plain(CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        return f.isDone() && !f.isCompletedExceptionally() ? CompletableFuture.completedFuture(f.join()) : stage;
    }

    /** From the back office, once per key at a time; the answer is cached before the lookup completes. */
    private CompletionStage<Optional<Account>> load(AccountKey key) {
        CompletableFuture<Optional<Account>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Account>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            joined.increment();
            return running.copy();
        }
        // Another lookup may have cached the answer between our miss and now: look once more before calling.
        cached(key)
                .thenCompose(c -> {
                    if (c != null) {
                        hits.increment();
                        return CompletableFuture.completedFuture(c);
                    }
                    backOfficeLookups.increment();
                    return backOffice
                            .find(key)
                            .thenCompose(found -> store(key, found).thenApply(v -> found));
                })
                .whenComplete((found, failure) -> {
                    inFlight.remove(key, mine);
                    if (failure != null) {
                        backOfficeFailures.increment();
                        mine.completeExceptionally(
                                failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                                        ? c.getCause()
                                        : failure);
                    } else {
                        mine.complete(found);
                    }
                });
        return mine.copy();
    }

    private CompletionStage<Void> store(AccountKey key, Optional<Account> found) {
        CompletionStage<Void> stored;
        if (found.isPresent()) {
            Account a = found.get();
            long ttl = options.ttl().toMillis();
            CompletionStage<Void> account = accounts.setAsync(a.customerRef(), a, ttl, TimeUnit.MILLISECONDS);
            stored = key.kind() == AccountKey.Kind.CUSTOMER_REF
                    ? account
                    : account.thenCompose(
                            v -> keys.setAsync(key.canonical(), a.customerRef(), ttl, TimeUnit.MILLISECONDS));
        } else {
            stored =
                    keys.setAsync(key.canonical(), NOBODY, options.notFoundTtl().toMillis(), TimeUnit.MILLISECONDS);
        }
        return stored.thenCompose(v -> primeNearCache(key, found)).exceptionally(e -> {
            LOG.warn("account cache unwritable ({}): the answer is used but not cached", e.toString());
            return null;
        });
    }

    /**
     * Reads the entries just written, so that this member's near cache holds them: the screen pop that follows the
     * warming is then answered without a hop to the partition's thread.
     */
    private CompletionStage<Void> primeNearCache(AccountKey key, Optional<Account> found) {
        CompletionStage<?> read = key.kind() == AccountKey.Kind.CUSTOMER_REF
                ? CompletableFuture.completedFuture(null)
                : keys.getAsync(key.canonical());
        if (found.isPresent()) {
            String ref = found.get().customerRef();
            read = read.thenCompose(ignored -> accounts.getAsync(ref));
        }
        return read.thenApply(ignored -> null);
    }

    /** Drops the customer's cached account: by their reference, else by the key of what was recorded. */
    private CompletionStage<Void> forget(String customerRef, AccountKey key) {
        CompletionStage<String> ref = customerRef != null
                ? CompletableFuture.completedFuture(customerRef)
                : key == null ? CompletableFuture.completedFuture(null) : keys.getAsync(key.canonical());
        return ref.thenCompose(r -> r == null || r.equals(NOBODY)
                        ? CompletableFuture.<Void>completedFuture(null)
                        : accounts.deleteAsync(r).thenApply(deleted -> (Void) null))
                .exceptionally(e -> {
                    LOG.warn(
                            "account cache: a changed account could not be dropped ({}); it expires with its"
                                    + " time to live",
                            e.toString());
                    return null;
                });
    }
}
