package io.firstcontact.router.account.demo;

import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeRefusedException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.RecentContact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The demo back office: the shipped file of fictional residents ({@value #RESOURCE}), held in memory, answering at
 * once. What the centre records back changes it as a back office would, in memory only: a payment reduces what a PCN
 * or council-tax account owes, a contact summary joins the resident's recent contacts, a form's answers are kept.
 *
 * <p>Its residents' numbers are Ofcom's drama numbers and their email addresses are at {@code example.org},
 * {@code example.com} and {@code example.net}: nobody real can be called or written to.
 */
public final class DemoResidents implements AccountDirectory {
    /** The classpath resource of the shipped residents. */
    public static final String RESOURCE = "/io/firstcontact/router/account/demo-residents.json";

    /** The bound of the forms kept in memory (the oldest are dropped). */
    static final int MAX_FORMS_KEPT = 10_000;

    private final Map<String, Account> byRef = new HashMap<>();
    private final Map<AccountKey, String> index = new HashMap<>();
    private final Set<String> authorisations = new HashSet<>();
    private final List<FormAnswers> forms = new ArrayList<>();

    /**
     * @param file the residents
     * @param today the day it is: every date in the file is moved by the whole weeks from the file's day to the week
     *     holding today, so weekdays stay right ("collection on Thursday")
     */
    public DemoResidents(ResidentsFile file, LocalDate today) {
        // Whole weeks, rounded down (back too, for a clock before the file's day): contacts stay in the past, next
        // steps in the future, and "Thursday" stays a Thursday.
        long weeks = Math.floorDiv(ChronoUnit.DAYS.between(file.asOf(), today), 7);
        for (Account a : file.accounts()) {
            Account moved = DatesMoved.by(weeks * 7, a);
            if (byRef.put(moved.customerRef(), moved) != null) {
                throw new IllegalArgumentException("customerRef " + moved.customerRef() + " is in the file twice");
            }
        }
        // Keys shared by several residents (a household's landline, a shared house's UPRN) name the liable one:
        // first the council-tax payers of each property, then everyone's own keys, liable residents first.
        List<Account> ordered = new ArrayList<>(byRef.values());
        ordered.sort(Comparator.comparing((Account a) -> a.homeCouncilTax().isEmpty())
                .thenComparing(Account::customerRef));
        for (Account a : ordered) {
            for (CouncilTaxAccount c : a.councilTax()) {
                if (c.live()) {
                    index.putIfAbsent(AccountKey.uprn(c.uprn()), a.customerRef());
                }
            }
        }
        for (Account a : ordered) {
            for (AccountKey k : keysOf(a)) {
                index.putIfAbsent(k, a.customerRef());
            }
        }
    }

    /** The shipped residents, dated as of {@code today}. */
    public static DemoResidents shipped(LocalDate today) {
        return new DemoResidents(readShipped(), today);
    }

    /** The shipped residents, dated as of today in London. */
    public static DemoResidents shipped() {
        return shipped(LocalDate.now(ZoneId.of("Europe/London")));
    }

    /** Reads the shipped file. */
    public static ResidentsFile readShipped() {
        try (InputStream in = DemoResidents.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo residents file " + RESOURCE + " is missing from the jar");
            }
            return AccountJson.MAPPER.readValue(in, ResidentsFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo residents file cannot be read", e);
        }
    }

    /** Every resident, in customerRef order (the demo's callers are drawn from them). */
    public synchronized List<Account> residents() {
        List<Account> all = new ArrayList<>(byRef.values());
        all.sort((x, y) -> x.customerRef().compareTo(y.customerRef()));
        return all;
    }

    /** The forms recorded so far, oldest first. */
    public synchronized List<FormAnswers> formsRecorded() {
        return List.copyOf(forms);
    }

    @Override
    public synchronized CompletionStage<Optional<Account>> find(AccountKey key) {
        String ref = key.kind() == AccountKey.Kind.CUSTOMER_REF ? key.value() : index.get(key);
        return CompletableFuture.completedFuture(Optional.ofNullable(ref == null ? null : byRef.get(ref)));
    }

    @Override
    public synchronized CompletionStage<Void> recordPayment(Payment payment) {
        String ref = index.get(payment.paidKey());
        if (ref == null) {
            return refused("no " + payment.kind() + " with that reference is on record");
        }
        if (authorisations.contains(payment.authorisationRef())) {
            return done(); // recorded already: a retry changes nothing
        }
        Account a = byRef.get(ref);
        Account paid;
        switch (payment.kind()) {
            case PCN -> {
                Pcn pcn = a.pcn(payment.reference()).orElseThrow();
                if (pcn.status() != Pcn.Status.OPEN) {
                    return refused("the PCN is " + pcn.status() + ", not payable");
                }
                if (payment.amountPence() > pcn.amountDuePence()) {
                    return refused("the payment is more than the PCN's amount due");
                }
                long due = pcn.amountDuePence() - payment.amountPence();
                Pcn after = new Pcn(
                        pcn.reference(),
                        pcn.vehicleRegistration(),
                        due,
                        due == 0 ? Pcn.Status.PAID : Pcn.Status.OPEN,
                        pcn.issuedOn());
                paid = a.withPcns(replace(a.pcns(), pcn, after));
            }
            case COUNCIL_TAX -> {
                CouncilTaxAccount ct = a.councilTaxAccount(payment.reference()).orElseThrow();
                CouncilTaxAccount after = new CouncilTaxAccount(
                        ct.reference(),
                        ct.uprn(),
                        ct.balancePence() - payment.amountPence(),
                        ct.billing(),
                        ct.paymentMethod(),
                        ct.closedOn());
                paid = a.withCouncilTax(replace(a.councilTax(), ct, after));
            }
            default -> throw new IllegalStateException(); // both kinds are above
        }
        byRef.put(ref, paid);
        authorisations.add(payment.authorisationRef());
        return done();
    }

    @Override
    public synchronized CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        if (answers.customerRef() != null && !byRef.containsKey(answers.customerRef())) {
            return refused("no customer with that customerRef is on record");
        }
        forms.add(answers);
        if (forms.size() > MAX_FORMS_KEPT) {
            forms.removeFirst();
        }
        return done();
    }

    @Override
    public synchronized CompletionStage<Void> recordContact(ContactSummary summary) {
        if (summary.customerRef() == null) {
            return done(); // an unidentified caller's contact belongs to no history
        }
        Account a = byRef.get(summary.customerRef());
        if (a == null) {
            return refused("no customer with that customerRef is on record");
        }
        List<RecentContact> contacts = new ArrayList<>(a.recentContacts().size() + 1);
        contacts.add(summary.asRecentContact());
        contacts.addAll(a.recentContacts());
        byRef.put(
                a.customerRef(),
                a.withRecentContacts(contacts.subList(0, Math.min(contacts.size(), Account.MAX_RECENT_CONTACTS))));
        return done();
    }

    private static List<AccountKey> keysOf(Account a) {
        List<AccountKey> keys = new ArrayList<>();
        keys.add(AccountKey.uprn(a.uprn()));
        for (CouncilTaxAccount c : a.councilTax()) {
            keys.add(AccountKey.councilTax(c.reference()));
        }
        if (a.phone() != null) {
            keys.add(AccountKey.callerNumber(a.phone()));
        }
        if (a.email() != null) {
            keys.add(AccountKey.email(a.email()));
        }
        for (Pcn p : a.pcns()) {
            keys.add(AccountKey.pcn(p.reference()));
        }
        return keys;
    }

    private static <T> List<T> replace(List<T> list, T before, T after) {
        List<T> copy = new ArrayList<>(list);
        copy.set(copy.indexOf(before), after);
        return Collections.unmodifiableList(copy);
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<Void> refused(String why) {
        return CompletableFuture.failedFuture(new BackOfficeRefusedException(why));
    }
}
