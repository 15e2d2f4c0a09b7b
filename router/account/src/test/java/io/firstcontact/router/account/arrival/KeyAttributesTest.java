package io.firstcontact.router.account.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.model.Attributes;
import org.junit.jupiter.api.Test;

class KeyAttributesTest {
    private final KeyAttributes keys = KeyAttributes.DEFAULT;

    @Test
    void theCustomerRefComesBeforeAnyAttribute() {
        assertThat(keys.keyOf("C-100001", Attributes.of("callerNumber", "020 7946 0001")))
                .contains(AccountKey.customerRef("C-100001"));
    }

    @Test
    void aCallerIsIdentifiedByTheirNumberInE164() {
        assertThat(keys.keyOf(null, Attributes.of("callerNumber", "020 7946 0001", "email", "x@example.org")))
                .contains(AccountKey.callerNumber("+442079460001"));
    }

    @Test
    void aWithheldNumberIsPassedOverForTheNextAttribute() {
        assertThat(keys.keyOf(null, Attributes.of("callerNumber", "anonymous", "pcnReference", "hw12345678")))
                .contains(AccountKey.pcn("HW12345678"));
    }

    @Test
    void nothingThatIdentifiesIsNoKey() {
        assertThat(keys.keyOf(null, Attributes.of("service", "council-tax"))).isEmpty();
    }

    @Test
    void theAttributeNamesAreConfigurable() {
        KeyAttributes custom = new KeyAttributes("cli", null, null, null, null);
        assertThat(custom.keyOf(null, Attributes.of("cli", "07700 900123")))
                .contains(AccountKey.callerNumber("+447700900123"));
    }
}
