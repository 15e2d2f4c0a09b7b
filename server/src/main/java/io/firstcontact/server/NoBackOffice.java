package io.firstcontact.server;

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
 * The account directory while none is wired: every lookup and record answers "back office unavailable", which the
 * desktop shows as such while everything else works.
 */
final class NoBackOffice implements AccountDirectory {
    private static <T> CompletionStage<T> unavailable() {
        return CompletableFuture.failedFuture(new BackOfficeUnavailableException(
                BackOfficeUnavailableException.Reason.UNREACHABLE, "no back office is configured"));
    }

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
}
