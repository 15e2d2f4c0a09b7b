package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.InteractionAccounts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Whose contact it was, for what the desk writes to the back office: the customerRef the contact named, else the
 * customer the account context identified (a call arrives with a number, not a customerRef). A back office that cannot
 * say gives null: the record is written without the customer rather than not at all.
 */
final class Customers {
    private Customers() {}

    static CompletionStage<String> refOf(InteractionAccounts accounts, String interactionId, String named) {
        if (named != null) {
            return CompletableFuture.completedFuture(named);
        }
        return accounts.forInteraction(interactionId)
                .handle((found, failure) -> failure != null || found == null
                        ? null
                        : found.map(Account::customerRef).orElse(null));
    }
}
