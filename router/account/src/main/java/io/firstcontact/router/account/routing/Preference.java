package io.firstcontact.router.account.routing;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who a customer's contact should go to first: two small steps tried in turn, each a pure function of what is known.
 *
 * <ol>
 *   <li>{@link #caseOwner}: the advisor who owns the customer's most recently opened case;
 *   <li>{@link #lastAdvisor}: else the advisor who helped them last within the look-back, from the router's own
 *       assignments and the back office's record of contacts on every channel.
 * </ol>
 *
 * Only advisors routing knows are chosen: a case owned by a back-office caseworker who takes no calls falls through.
 */
public final class Preference {
    private Preference() {}

    public static Optional<PreferredAdvisor> choose(
            Optional<Account> account,
            Optional<LastHelp> routed,
            long nowMillis,
            Duration lookBack,
            Predicate<String> knownAdvisor) {
        Optional<PreferredAdvisor> owner = account.flatMap(a -> caseOwner(a, knownAdvisor));
        return owner.isPresent() ? owner : lastAdvisor(account, routed, nowMillis, lookBack, knownAdvisor);
    }

    /** The owner of the customer's most recently opened case that has one. */
    static Optional<PreferredAdvisor> caseOwner(Account account, Predicate<String> knownAdvisor) {
        return account.openServiceRequests().stream()
                .filter(r -> r.ownerAdvisorId() != null && knownAdvisor.test(r.ownerAdvisorId()))
                .max(Comparator.comparing(ServiceRequest::openedOn).thenComparing(ServiceRequest::reference))
                .map(r -> new PreferredAdvisor(r.ownerAdvisorId(), PreferredAdvisor.Reason.CASE_OWNER));
    }

    /** The advisor of the customer's latest contact within the look-back, wherever it was recorded. */
    static Optional<PreferredAdvisor> lastAdvisor(
            Optional<Account> account,
            Optional<LastHelp> routed,
            long nowMillis,
            Duration lookBack,
            Predicate<String> knownAdvisor) {
        long since = nowMillis - lookBack.toMillis();
        Optional<LastHelp> recorded = account.flatMap(a -> a.recentContacts().stream()
                .filter(c -> c.advisorId() != null)
                .max(Comparator.comparing(RecentContact::at))
                .map(c -> new LastHelp(c.advisorId(), c.at().toEpochMilli())));
        return java.util.stream.Stream.of(routed, recorded)
                .flatMap(Optional::stream)
                .filter(h -> h.atMillis() >= since && knownAdvisor.test(h.agentId()))
                .max(Comparator.comparingLong(LastHelp::atMillis))
                .map(h -> new PreferredAdvisor(h.agentId(), PreferredAdvisor.Reason.LAST_ADVISOR));
    }
}
