package io.firstcontact.router.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountKeyTest {

    @Test
    void aCallerNumberWrittenAnyWayIsTheSameKey() {
        AccountKey canonical = AccountKey.callerNumber("+442087366711");
        assertThat(AccountKey.callerNumber("020 8736 6711")).isEqualTo(canonical);
        assertThat(AccountKey.callerNumber("+44 (0)20 8736-6711")).isEqualTo(canonical);
        assertThat(AccountKey.callerNumber("00442087366711")).isEqualTo(canonical);
        assertThat(AccountKey.callerNumber("442087366711")).isEqualTo(canonical);
        assertThat(canonical.value()).isEqualTo("+442087366711");
    }

    @Test
    void aWithheldCallerIsNoKey() {
        assertThatThrownBy(() -> AccountKey.callerNumber("anonymous")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKey.callerNumber("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKey.callerNumber("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmailAddressIsKeyedInLowerCase() {
        assertThat(AccountKey.email(" A.N.Other@Example.ORG ").value()).isEqualTo("a.n.other@example.org");
        assertThatThrownBy(() -> AccountKey.email("not-an-address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKey.email("a@b@c.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referencesAreKeyedInUpperCase() {
        assertThat(AccountKey.pcn("ha12345678").value()).isEqualTo("HA12345678");
        assertThat(AccountKey.councilTax(" 60012345 ").value()).isEqualTo("60012345");
        assertThatThrownBy(() -> AccountKey.pcn("HA-1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUprnIsDigitsWithoutLeadingZeros() {
        assertThat(AccountKey.uprn("100021234567").value()).isEqualTo("100021234567");
        assertThatThrownBy(() -> AccountKey.uprn("0123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountKey.uprn("1234567890123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCanonicalFormReadsBackAsTheSameKey() {
        for (AccountKey k : new AccountKey[] {
            AccountKey.callerNumber("07700 900123"),
            AccountKey.email("x@example.org"),
            AccountKey.pcn("HA12345678"),
            AccountKey.councilTax("60012345"),
            AccountKey.uprn("100021234567"),
            AccountKey.customerRef("C-000123")
        }) {
            assertThat(AccountKey.parse(k.canonical())).isEqualTo(k);
        }
    }

    @Test
    void aKeyInALogLineShowsItsKindButNotItsValue() {
        String shown = AccountKey.callerNumber("+442087366711").toString();
        assertThat(shown).startsWith("phone:").doesNotContain("2087366");
        assertThat(AccountKey.email("amira.okafor@example.org").toString()).doesNotContain("okafor");
    }
}
