package io.firstcontact.router.account;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.account.Payment;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The account context's directory before the context has started: what is asked meanwhile waits for the start and
 * then goes to the cached directory. It lets modules be wired with the directory while the cache member starts beside
 * routing's recovery, instead of after it. A context that failed to start makes every call fail as the back office
 * being unavailable. The same holds for the interactions' accounts.
 */
final class StartingDirectory implements AccountDirectory, InteractionAccounts {
    private final CompletionStage<AccountContext> starting;

    StartingDirectory(CompletionStage<AccountContext> starting) {
        this.starting = starting;
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        return then(d -> d.find(key));
    }

    @Override
    public CompletionStage<Optional<Account>> forInteraction(String interactionId) {
        return started().thenCompose(context -> context.forInteraction(interactionId));
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return then(d -> d.recordPayment(payment));
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return then(d -> d.recordFormAnswers(answers));
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return then(d -> d.recordContact(summary));
    }

    private <T> CompletionStage<T> then(Function<AccountDirectory, CompletionStage<T>> call) {
        return started().thenCompose(context -> call.apply(context.directory()));
    }

    private CompletionStage<AccountContext> started() {
        return starting.handle((context, failure) -> {
            if (failure != null) {
                // Said as the port says it: the desktop shows "unavailable", whatever stopped the start.
                throw new BackOfficeUnavailableException(
                        BackOfficeUnavailableException.Reason.UNREACHABLE,
                        "the account context did not start (see the server's log)",
                        failure);
            }
            return context;
        });
    }
}
