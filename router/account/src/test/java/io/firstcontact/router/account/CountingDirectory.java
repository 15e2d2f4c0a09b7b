package io.firstcontact.router.account;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A real directory, counting the lookups that reach it. */
public final class CountingDirectory implements AccountDirectory {
    private final AccountDirectory directory;
    private final AtomicInteger lookups = new AtomicInteger();

    public CountingDirectory(AccountDirectory directory) {
        this.directory = directory;
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        lookups.incrementAndGet();
        return directory.find(key);
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return directory.recordPayment(payment);
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return directory.recordFormAnswers(answers);
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return directory.recordContact(summary);
    }
}
