package io.firstcontact.router.account.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.account.Residents;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreferenceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Set<String> ROUTED = Set.of("adv-01", "adv-02", "adv-03");

    private static Optional<PreferredAdvisor> choose(Account account, LastHelp routed) {
        return Preference.choose(
                Optional.of(account), Optional.ofNullable(routed), NOW.toEpochMilli(), WEEK, ROUTED::contains);
    }

    private static Account account(List<ServiceRequest> cases, List<RecentContact> contacts) {
        return Residents.first(r -> true).withOpenServiceRequests(cases).withRecentContacts(contacts);
    }

    private static ServiceRequest owned(String ref, LocalDate opened, String owner) {
        return new ServiceRequest(ref, "missed-bin", ServiceRequest.Status.SCHEDULED, opened, null, owner);
    }

    private static RecentContact contact(Duration ago, String advisor) {
        return new RecentContact(NOW.minus(ago), "voice", "Missed bin collection", "resolved", advisor);
    }

    @Test
    void theOwnerOfTheNewestOpenCaseComesFirst() {
        Account a = account(
                List.of(
                        owned("SR-1", LocalDate.of(2026, 11, 20), "adv-01"),
                        owned("SR-2", LocalDate.of(2026, 12, 1), "adv-02")),
                List.of(contact(Duration.ofHours(1), "adv-03")));

        assertThat(choose(a, null)).contains(new PreferredAdvisor("adv-02", PreferredAdvisor.Reason.CASE_OWNER));
    }

    @Test
    void aCaseWithoutAnOwnerOrWithOneRoutingDoesNotKnowLeavesTheLastAdvisor() {
        Account a = account(
                List.of(
                        owned("SR-1", LocalDate.of(2026, 12, 1), null),
                        owned("SR-2", LocalDate.of(2026, 12, 2), "caseworker-9")),
                List.of(contact(Duration.ofDays(3), "adv-03")));

        assertThat(choose(a, null)).contains(new PreferredAdvisor("adv-03", PreferredAdvisor.Reason.LAST_ADVISOR));
    }

    @Test
    void theLatestOfRoutingsOwnAssignmentsAndTheBackOfficesContactsWins() {
        Account a = account(List.of(), List.of(contact(Duration.ofDays(3), "adv-03")));

        assertThat(choose(
                        a, new LastHelp("adv-01", NOW.minus(Duration.ofDays(1)).toEpochMilli())))
                .contains(new PreferredAdvisor("adv-01", PreferredAdvisor.Reason.LAST_ADVISOR));
        assertThat(choose(
                        a, new LastHelp("adv-01", NOW.minus(Duration.ofDays(5)).toEpochMilli())))
                .contains(new PreferredAdvisor("adv-03", PreferredAdvisor.Reason.LAST_ADVISOR));
    }

    @Test
    void helpOlderThanTheLookBackOrFromSelfServiceNamesNobody() {
        Account a =
                account(List.of(), List.of(contact(Duration.ofDays(8), "adv-01"), contact(Duration.ofHours(2), null)));

        assertThat(choose(
                        a,
                        new LastHelp(
                                "adv-02",
                                NOW.minus(Duration.ofDays(7).plusMinutes(1)).toEpochMilli())))
                .isEmpty();
    }
}
