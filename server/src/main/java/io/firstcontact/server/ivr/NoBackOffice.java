package io.firstcontact.server.ivr;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The account directory while none is configured: the back office is unavailable, so the IVR's lookups take the flows'
 * "unavailable" path (an advisor) and nothing is paid by keypad. The server's account context replaces it.
 */
public final class NoBackOffice implements AccountDirectory {
    private static final String WHY = "no account directory is configured";

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        return unavailable();
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return unavailable();
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return unavailable();
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return unavailable();
    }

    private static <T> CompletionStage<T> unavailable() {
        return CompletableFuture.failedFuture(
                new BackOfficeUnavailableException(BackOfficeUnavailableException.Reason.UNREACHABLE, WHY));
    }
}
