package io.firstcontact.router.account.demo;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.OnlineAccount;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.Duration;
import java.time.LocalDate;

/** An account with every date and time in it moved by the same number of days. */
final class DatesMoved {
    private DatesMoved() {}

    static Account by(long days, Account a) {
        if (days == 0) {
            return a;
        }
        return a.withCouncilTax(a.councilTax().stream()
                        .map(c -> new CouncilTaxAccount(
                                c.reference(),
                                c.uprn(),
                                c.balancePence(),
                                c.billing(),
                                c.paymentMethod(),
                                day(days, c.closedOn())))
                        .toList())
                .withPcns(a.pcns().stream()
                        .map(p -> new Pcn(
                                p.reference(),
                                p.vehicleRegistration(),
                                p.amountDuePence(),
                                p.status(),
                                day(days, p.issuedOn())))
                        .toList())
                .withOpenServiceRequests(a.openServiceRequests().stream()
                        .map(s -> new ServiceRequest(
                                s.reference(),
                                s.type(),
                                s.status(),
                                day(days, s.openedOn()),
                                s.nextStep() == null
                                        ? null
                                        : new ServiceRequest.NextStep(
                                                s.nextStep().description(),
                                                day(days, s.nextStep().due())),
                                s.ownerAdvisorId()))
                        .toList())
                .withOnline(new OnlineAccount(
                        a.online().registered(),
                        day(days, a.online().registeredOn()),
                        a.online().servicesUsed()))
                .withRecentContacts(a.recentContacts().stream()
                        .map(c -> new RecentContact(
                                c.at().plus(Duration.ofDays(days)),
                                c.channel(),
                                c.reason(),
                                c.outcome(),
                                c.advisorId()))
                        .toList());
    }

    private static LocalDate day(long days, LocalDate d) {
        return d == null ? null : d.plusDays(days);
    }
}
