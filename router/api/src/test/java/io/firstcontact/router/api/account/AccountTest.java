package io.firstcontact.router.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final Address HOME = new Address(List.of("Flat 3", "27 Station Road", "Harrow"), "ha1 2xy");

    private static Account account(String name, List<RecentContact> contacts) {
        return new Account(
                "C-000123",
                "100021234567",
                name,
                HOME,
                "020 8736 6711",
                "Amira.Okafor@example.org",
                List.of(new CouncilTaxAccount(
                        "60012345",
                        "100021234567",
                        12_345,
                        CouncilTaxAccount.Billing.PAPER,
                        CouncilTaxAccount.PaymentMethod.DIRECT_DEBIT,
                        null)),
                List.of(new Pcn("HA12345678", "AB12 CDE", 6_500, Pcn.Status.OPEN, LocalDate.of(2026, 11, 2))),
                List.of(),
                null,
                List.of(),
                contacts);
    }

    @Test
    void anAccountHoldsItsContactDetailsInCanonicalForm() {
        Account a = account("Mrs Amira Okafor", List.of());
        assertThat(a.phone()).isEqualTo("+442087366711");
        assertThat(a.email()).isEqualTo("amira.okafor@example.org");
        assertThat(a.address().postcode()).isEqualTo("HA1 2XY");
        assertThat(a.online()).isEqualTo(OnlineAccount.NONE);
        assertThat(a.pcn("ha12345678"))
                .get()
                .extracting(Pcn::vehicleRegistration)
                .isEqualTo("AB12CDE");
        assertThat(a.homeCouncilTax())
                .get()
                .extracting(CouncilTaxAccount::balancePence)
                .isEqualTo(12_345L);
    }

    @Test
    void aCardNumberInTheBackOfficesTextIsRefused() {
        List<RecentContact> contacts =
                List.of(new RecentContact(Instant.EPOCH, "voice", "paid by card", "resolved", "ada"));
        assertThat(account("Mrs Amira Okafor", contacts).recentContacts()).hasSize(1);
        assertThatThrownBy(
                        () -> new RecentContact(Instant.EPOCH, "voice", "card 4111 1111 1111 1111", "resolved", "ada"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("4111");
    }

    @Test
    void anAccountInALogLineIsItsMaskedReference() {
        String shown = account("Mrs Amira Okafor", List.of()).toString();
        assertThat(shown).doesNotContain("Okafor").doesNotContain("Station").doesNotContain("000123");
    }

    @Test
    void aCustomerWithoutAnOnlineAccountUsesNoDigitalService() {
        assertThatThrownBy(() -> new OnlineAccount(false, null, List.of("e-billing")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
