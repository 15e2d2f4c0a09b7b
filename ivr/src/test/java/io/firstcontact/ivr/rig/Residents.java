package io.firstcontact.ivr.rig;

import io.firstcontact.ivr.flow.Check;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.Address;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.OnlineAccount;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A back office of three fictional residents (Ofcom drama numbers, example.org addresses), in memory: the account
 * directory the IVR tests look people up in. It can be made unavailable, and it keeps the payments recorded.
 */
public final class Residents implements AccountDirectory {
    /** PCN references: HW, seven digits and their mod 11 check digit, as the demo flows check them. */
    public static final String PCN_OPEN = pcn("1234567");

    public static final String PCN_PAID = pcn("2345678");
    public static final String PCN_CANCELLED = pcn("3456789");
    public static final String PCN_APPEALED = pcn("4567890");
    /** A well-formed reference nobody was issued. */
    public static final String PCN_UNKNOWN = pcn("7654321");

    public static final long PCN_OPEN_DUE = 6_500;

    public static final String CTAX = "64393399";
    public static final long CTAX_BALANCE = 132_704;
    public static final String CTAX_SETTLED = "65290354";

    /** Amira's mobile, which receipts go to by SMS. */
    public static final String MOBILE = "+447700900123";

    public static final String EMAIL = "amira.okafor@example.org";
    /** Tom's landline: no SMS receipt. */
    public static final String LANDLINE = "+442079460123";

    /** A caller the back office does not know. */
    public static final String STRANGER = "+447700900999";

    public final List<Payment> payments = new CopyOnWriteArrayList<>();
    public final List<AccountKey> lookups = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;
    private volatile boolean refusesPayments;
    private final List<Account> accounts;

    public Residents() {
        this.accounts = List.of(amira(), tom());
    }

    /** The back office stops answering (lookups and records fail). */
    public Residents unavailable(boolean down) {
        this.unavailable = down;
        return this;
    }

    /** The back office refuses to record payments. */
    public Residents refusingPayments(boolean refuse) {
        this.refusesPayments = refuse;
        return this;
    }

    public static String pcn(String sevenDigits) {
        return "HW" + sevenDigits + Check.MOD11.checkDigit(sevenDigits);
    }

    /** The eight digits a caller keys for a PCN reference (the letters are printed, not keyed). */
    public static String keyed(String pcnReference) {
        return pcnReference.substring(2);
    }

    private static Account amira() {
        LocalDate may3 = LocalDate.of(2026, 5, 3);
        return new Account(
                "C-100001",
                "100090000007",
                "Mrs Amira Okafor",
                new Address(List.of("1 Hawthorn Avenue", "Harrow"), "HA1 9BY"),
                MOBILE,
                EMAIL,
                List.of(new CouncilTaxAccount(
                        CTAX,
                        "100090000007",
                        CTAX_BALANCE,
                        CouncilTaxAccount.Billing.PAPER,
                        CouncilTaxAccount.PaymentMethod.CARD_BY_PHONE,
                        null)),
                List.of(
                        new Pcn(PCN_OPEN, "AB12CDE", PCN_OPEN_DUE, Pcn.Status.OPEN, LocalDate.of(2026, 4, 28)),
                        new Pcn(PCN_PAID, "AB12CDE", 0, Pcn.Status.PAID, LocalDate.of(2026, 2, 2)),
                        new Pcn(PCN_CANCELLED, "AB12CDE", 0, Pcn.Status.CANCELLED, LocalDate.of(2025, 12, 1)),
                        new Pcn(PCN_APPEALED, "AB12CDE", 13_000, Pcn.Status.APPEALED, LocalDate.of(2026, 4, 30))),
                List.of(
                        new ServiceRequest(
                                "SR-204518",
                                "missed-bin",
                                ServiceRequest.Status.SCHEDULED,
                                may3,
                                new ServiceRequest.NextStep(
                                        "Scheduled for collection on Thursday", LocalDate.of(2026, 5, 7)),
                                null),
                        new ServiceRequest(
                                "SR-204001",
                                "housing-repair",
                                ServiceRequest.Status.IN_PROGRESS,
                                LocalDate.of(2026, 4, 20),
                                new ServiceRequest.NextStep("Surveyor visit", LocalDate.of(2026, 6, 2)),
                                null)),
                OnlineAccount.NONE,
                List.of(),
                List.of());
    }

    private static Account tom() {
        return new Account(
                "C-100004",
                "100090000014",
                "Mr Thomas Harris",
                new Address(List.of("2 Hawthorn Avenue", "Harrow"), "HA1 9BY"),
                LANDLINE,
                null,
                List.of(new CouncilTaxAccount(
                        CTAX_SETTLED,
                        "100090000014",
                        0,
                        CouncilTaxAccount.Billing.PAPER,
                        CouncilTaxAccount.PaymentMethod.DIRECT_DEBIT,
                        null)),
                List.of(),
                List.of(),
                OnlineAccount.NONE,
                List.of(),
                List.of());
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        lookups.add(key);
        if (unavailable) {
            return CompletableFuture.failedFuture(new BackOfficeUnavailableException(
                    BackOfficeUnavailableException.Reason.UNREACHABLE, "test: down"));
        }
        return CompletableFuture.completedFuture(
                accounts.stream().filter(a -> holds(a, key)).findFirst());
    }

    private static boolean holds(Account a, AccountKey key) {
        return switch (key.kind()) {
            case CALLER_NUMBER -> key.value().equals(a.phone());
            case EMAIL -> key.value().equals(a.email());
            case PCN -> a.pcn(key.value()).isPresent();
            case COUNCIL_TAX -> a.councilTaxAccount(key.value()).isPresent();
            case UPRN -> key.value().equals(a.uprn());
            case CUSTOMER_REF -> key.value().equals(a.customerRef());
        };
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        if (unavailable) {
            return CompletableFuture.failedFuture(new BackOfficeUnavailableException(
                    BackOfficeUnavailableException.Reason.UNREACHABLE, "test: down"));
        }
        if (refusesPayments) {
            return CompletableFuture.failedFuture(
                    new io.firstcontact.router.api.account.BackOfficeRefusedException("test: refused"));
        }
        if (payments.stream().noneMatch(p -> p.authorisationRef().equals(payment.authorisationRef()))) {
            payments.add(payment);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return CompletableFuture.completedFuture(null);
    }

    /** Every account, for tests that need one. */
    public List<Account> accounts() {
        return new ArrayList<>(accounts);
    }
}
