package io.firstcontact.router.account.arrival;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import java.util.Objects;
import java.util.Optional;

/**
 * An arrival's account lookup, finished.
 *
 * @param interactionId the interaction that arrived
 * @param key what identified its customer
 * @param account the account, or empty when nobody is known by the key or the lookup failed
 * @param failure why the lookup failed, or null when the back office answered
 */
public record Resolution(String interactionId, AccountKey key, Optional<Account> account, Throwable failure) {
    public Resolution {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(account, "account");
    }
}
