package io.firstcontact.desktop;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.Address;
import io.firstcontact.router.api.account.AlertSubscription;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.account.OnlineAccount;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The back office of the desktop's tests: a few residents in memory, answering at once, or failing as a back office
 * that is down does. It records what the desk writes back (forms, contacts).
 */
public final class TestAccounts implements AccountDirectory, InteractionAccounts {
    private final Map<String, Account> byRef = new ConcurrentHashMap<>();
    private final Map<String, AccountKey> arrivals = new ConcurrentHashMap<>();
    public final List<FormAnswers> forms = new CopyOnWriteArrayList<>();
    public final List<ContactSummary> contacts = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    public TestAccounts() {
        add(resident("cust-1", "Mrs Amira Okafor", false, CouncilTaxAccount.Billing.PAPER, List.of()));
        add(resident("cust-2", "Mr Tom Reilly", true, CouncilTaxAccount.Billing.E_BILLING, List.of()));
    }

    public void add(Account a) {
        byRef.put(a.customerRef(), a);
    }

    /** A resident with an open PCN and a missed-bin case. */
    public static Account resident(
            String ref,
            String name,
            boolean online,
            CouncilTaxAccount.Billing billing,
            List<AlertSubscription> alerts) {
        return new Account(
                ref,
                "100021" + Math.abs(ref.hashCode() % 100_000),
                name,
                new Address(List.of("27 Station Road", "Harrow"), "HA1 2XY"),
                "+4420873" + String.format("%05d", Math.abs(ref.hashCode() % 100_000)),
                null,
                List.of(new CouncilTaxAccount(
                        "CT" + Math.abs(ref.hashCode() % 1_000_000),
                        "100021" + Math.abs(ref.hashCode() % 100_000),
                        12_345,
                        billing,
                        CouncilTaxAccount.PaymentMethod.DIRECT_DEBIT,
                        null)),
                List.of(new Pcn("HA12345678", "AB12CDE", 6_500, Pcn.Status.OPEN, LocalDate.of(2026, 11, 20))),
                List.of(new ServiceRequest(
                        "SR-204518",
                        "missed-bin",
                        ServiceRequest.Status.SCHEDULED,
                        LocalDate.of(2026, 12, 1),
                        new ServiceRequest.NextStep("collection on Thursday", LocalDate.of(2026, 12, 10)),
                        null)),
                online ? new OnlineAccount(true, LocalDate.of(2024, 3, 1), List.of()) : OnlineAccount.NONE,
                alerts,
                List.of(new RecentContact(
                        Instant.parse("2026-11-28T10:15:00Z"), "voice", "missed bin", "service request raised", null)));
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        if (down) {
            return CompletableFuture.failedFuture(new BackOfficeUnavailableException(
                    BackOfficeUnavailableException.Reason.UNREACHABLE, "the test back office is down"));
        }
        return CompletableFuture.completedFuture(
                switch (key.kind()) {
                    case CUSTOMER_REF -> Optional.ofNullable(byRef.get(key.value()));
                    case CALLER_NUMBER ->
                        byRef.values().stream()
                                .filter(a -> key.value().equals(a.phone()))
                                .findFirst();
                    default -> Optional.empty();
                });
    }

    /**
     * As the account context does: the interaction's customer by its customerRef, else by the caller's number it
     * arrived with (noted by the test centre from each new interaction).
     */
    @Override
    public CompletionStage<Optional<Account>> forInteraction(String interactionId) {
        AccountKey key = arrivals.get(interactionId);
        return key == null ? CompletableFuture.completedFuture(Optional.empty()) : find(key);
    }

    /** The telephone number a resident calls from. */
    public String phoneOf(String customerRef) {
        return byRef.get(customerRef).phone();
    }

    /** Notes who a new interaction identifies: its customerRef, else the {@code callerNumber} attribute. */
    void arrived(String interactionId, String customerRef, String callerNumber) {
        if (customerRef != null) {
            arrivals.put(interactionId, AccountKey.customerRef(customerRef));
        } else if (callerNumber != null) {
            arrivals.put(interactionId, new AccountKey(AccountKey.Kind.CALLER_NUMBER, callerNumber));
        }
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        forms.add(answers);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        contacts.add(summary);
        return CompletableFuture.completedFuture(null);
    }
}
