package io.firstcontact.router.account.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Who routing last gave each customer to: from the router's own committed assignments, keyed by every identity of the
 * customer (their customerRef, the key they were identified by). Memory only, bounded, and forgotten after the
 * look-back; after a restart the back office's record of contacts covers what came before.
 */
final class ContactHistory {
    static final int MAX_CUSTOMERS = 200_000;

    private final Cache<String, LastHelp> last;

    ContactHistory(Duration lookBack) {
        this.last = Caffeine.newBuilder()
                .expireAfterWrite(lookBack)
                .maximumSize(MAX_CUSTOMERS)
                .build();
    }

    void helped(Collection<String> identities, String agentId, long atMillis) {
        LastHelp help = new LastHelp(agentId, atMillis);
        for (String id : identities) {
            last.asMap().merge(id, help, (was, now) -> now.atMillis() >= was.atMillis() ? now : was);
        }
    }

    Optional<LastHelp> latest(Collection<String> identities) {
        LastHelp best = null;
        for (String id : identities) {
            LastHelp h = last.getIfPresent(id);
            if (h != null && (best == null || h.atMillis() > best.atMillis())) {
                best = h;
            }
        }
        return Optional.ofNullable(best);
    }
}
