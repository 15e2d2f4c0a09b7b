package io.firstcontact.router.account.arrival;

import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.model.Attributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Which interaction attributes identify the customer, and in which order they are tried: the interaction's
 * {@code customerRef} first, then the caller's number, the email address, a PCN reference, a council-tax reference and
 * a UPRN. A value that is not a valid key (a withheld number arrives as {@code anonymous}) is passed over.
 *
 * @param callerNumber the attribute holding the caller's telephone number (voice, SMS)
 * @param email the attribute holding the sender's email address (email, chat pre-form)
 * @param pcnReference the attribute holding a PCN reference keyed in the IVR
 * @param councilTaxReference the attribute holding a council-tax reference keyed in the IVR
 * @param uprn the attribute holding a UPRN (an address chosen in a chat pre-form)
 */
public record KeyAttributes(
        String callerNumber, String email, String pcnReference, String councilTaxReference, String uprn) {
    public static final String DEFAULT_CALLER_NUMBER = "callerNumber";
    public static final String DEFAULT_EMAIL = "email";
    public static final String DEFAULT_PCN_REFERENCE = "pcnReference";
    public static final String DEFAULT_COUNCIL_TAX_REFERENCE = "councilTaxReference";
    public static final String DEFAULT_UPRN = "uprn";

    public static final KeyAttributes DEFAULT = new KeyAttributes(null, null, null, null, null);

    public KeyAttributes {
        callerNumber = Objects.requireNonNullElse(callerNumber, DEFAULT_CALLER_NUMBER);
        email = Objects.requireNonNullElse(email, DEFAULT_EMAIL);
        pcnReference = Objects.requireNonNullElse(pcnReference, DEFAULT_PCN_REFERENCE);
        councilTaxReference = Objects.requireNonNullElse(councilTaxReference, DEFAULT_COUNCIL_TAX_REFERENCE);
        uprn = Objects.requireNonNullElse(uprn, DEFAULT_UPRN);
    }

    /** The key that identifies the customer of an interaction with this customerRef (or null) and attributes. */
    public Optional<AccountKey> keyOf(String customerRef, Attributes attributes) {
        return first(
                attempt(AccountKey.Kind.CUSTOMER_REF, customerRef),
                attempt(AccountKey.Kind.CALLER_NUMBER, attributes.get(callerNumber)),
                attempt(AccountKey.Kind.EMAIL, attributes.get(email)),
                attempt(AccountKey.Kind.PCN, attributes.get(pcnReference)),
                attempt(AccountKey.Kind.COUNCIL_TAX, attributes.get(councilTaxReference)),
                attempt(AccountKey.Kind.UPRN, attributes.get(uprn)));
    }

    @SafeVarargs
    private static Optional<AccountKey> first(Optional<AccountKey>... candidates) {
        for (Optional<AccountKey> c : candidates) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<AccountKey> attempt(AccountKey.Kind kind, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccountKey(kind, value));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }
}
