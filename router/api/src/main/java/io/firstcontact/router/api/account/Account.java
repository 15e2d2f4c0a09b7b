package io.firstcontact.router.api.account;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the council knows of one customer: the single view an advisor sees when the offer arrives (the screen pop), and
 * what the IVR reads to take a payment or say where a request stands. Resolved through an {@link AccountDirectory}.
 *
 * <p>A customer is the {@code customerRef}; the UPRN is an attribute of the property they live at, not of the person
 * (a shared house holds several customers; a customer who moves gets a new UPRN and keeps their customerRef).
 *
 * <p>Everything here is personal data: it is cached only in memory, with a time to live, and never logged.
 *
 * @param customerRef the back office's opaque reference for the customer
 * @param uprn the UPRN of the property the customer lives at now
 * @param name the customer's name as the council addresses them ({@code Mrs Amira Okafor})
 * @param address the address of that property
 * @param phone the customer's telephone number in E.164 form, or null
 * @param email the customer's email address, lower case, or null
 * @param councilTax the council-tax accounts the customer is liable for, live ones first (empty for a customer who
 *     is not liable: a lodger, a grown-up child)
 * @param pcns the penalty charge notices issued to the customer's vehicles, newest first (open, paid, cancelled and
 *     appealed ones of the last years)
 * @param openServiceRequests service requests still open, newest first
 * @param online the online account and the digital services used
 * @param alerts the alerts the customer subscribed to
 * @param recentContacts the customer's recent contacts on every channel, newest first
 */
public record Account(
        String customerRef,
        String uprn,
        String name,
        Address address,
        String phone,
        String email,
        List<CouncilTaxAccount> councilTax,
        List<Pcn> pcns,
        List<ServiceRequest> openServiceRequests,
        OnlineAccount online,
        List<AlertSubscription> alerts,
        List<RecentContact> recentContacts) {

    /** Bounds that keep one account's cache entry small. */
    public static final int MAX_COUNCIL_TAX_ACCOUNTS = 20;

    public static final int MAX_PCNS = 50;
    public static final int MAX_SERVICE_REQUESTS = 50;
    public static final int MAX_ALERTS = 30;
    public static final int MAX_RECENT_CONTACTS = 50;

    public Account {
        customerRef = AccountKey.customerRef(customerRef).value();
        uprn = Fields.uprn(uprn);
        name = Fields.text(name, "a customer name", 200);
        Objects.requireNonNull(address, "address");
        phone = phone == null ? null : AccountKey.callerNumber(phone).value();
        email = email == null ? null : AccountKey.email(email).value();
        councilTax = Fields.list(councilTax, "council-tax accounts", MAX_COUNCIL_TAX_ACCOUNTS);
        pcns = Fields.list(pcns, "PCNs", MAX_PCNS);
        openServiceRequests = Fields.list(openServiceRequests, "open service requests", MAX_SERVICE_REQUESTS);
        online = Objects.requireNonNullElse(online, OnlineAccount.NONE);
        alerts = Fields.list(alerts, "alert subscriptions", MAX_ALERTS);
        recentContacts = Fields.list(recentContacts, "recent contacts", MAX_RECENT_CONTACTS);
    }

    /** The council-tax account with this reference, if the customer holds it. */
    public Optional<CouncilTaxAccount> councilTaxAccount(String reference) {
        String r = AccountKey.councilTax(reference).value();
        return councilTax.stream().filter(c -> c.reference().equals(r)).findFirst();
    }

    /** The live council-tax account of the property the customer lives at, if they are liable for it. */
    public Optional<CouncilTaxAccount> homeCouncilTax() {
        return councilTax.stream()
                .filter(c -> c.live() && c.uprn().equals(uprn))
                .findFirst();
    }

    /** The PCN with this reference, if it was issued to the customer. */
    public Optional<Pcn> pcn(String reference) {
        String r = AccountKey.pcn(reference).value();
        return pcns.stream().filter(p -> p.reference().equals(r)).findFirst();
    }

    public Account withCouncilTax(List<CouncilTaxAccount> accounts) {
        return new Account(
                customerRef,
                uprn,
                name,
                address,
                phone,
                email,
                accounts,
                pcns,
                openServiceRequests,
                online,
                alerts,
                recentContacts);
    }

    public Account withPcns(List<Pcn> notices) {
        return new Account(
                customerRef,
                uprn,
                name,
                address,
                phone,
                email,
                councilTax,
                notices,
                openServiceRequests,
                online,
                alerts,
                recentContacts);
    }

    public Account withOpenServiceRequests(List<ServiceRequest> requests) {
        return new Account(
                customerRef,
                uprn,
                name,
                address,
                phone,
                email,
                councilTax,
                pcns,
                requests,
                online,
                alerts,
                recentContacts);
    }

    public Account withOnline(OnlineAccount account) {
        return new Account(
                customerRef,
                uprn,
                name,
                address,
                phone,
                email,
                councilTax,
                pcns,
                openServiceRequests,
                account,
                alerts,
                recentContacts);
    }

    public Account withRecentContacts(List<RecentContact> contacts) {
        return new Account(
                customerRef,
                uprn,
                name,
                address,
                phone,
                email,
                councilTax,
                pcns,
                openServiceRequests,
                online,
                alerts,
                contacts);
    }

    /** Never the personal data: an account in a log line is its masked reference. */
    @Override
    public String toString() {
        return "Account[" + AccountKey.customerRef(customerRef) + "]";
    }
}
