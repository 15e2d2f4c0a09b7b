package io.firstcontact.router.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A card payment taken by the contact centre (the automated line or an advisor), recorded against a PCN or a
 * council-tax account. Only what PCI DSS lets a merchant keep is here: the card's brand and last four digits, and the
 * gateway's authorisation reference; never the card number, its expiry or its security code.
 *
 * <p>The back office records a payment once per {@code authorisationRef}: recording it again changes nothing.
 *
 * @param kind what is being paid
 * @param reference the PCN or council-tax reference paid
 * @param amountPence the amount taken, in pence
 * @param authorisationRef the payment gateway's authorisation reference
 * @param cardBrand the card scheme, upper case ({@code VISA}, {@code MASTERCARD}, {@code AMEX})
 * @param lastFour the card number's last four digits
 * @param at when the payment was authorised
 * @param customerRef the customer, when known, or null
 * @param interactionId the call or chat it was taken in, or null
 */
public record Payment(
        Kind kind,
        String reference,
        long amountPence,
        String authorisationRef,
        String cardBrand,
        String lastFour,
        Instant at,
        String customerRef,
        String interactionId) {

    public Payment {
        Objects.requireNonNull(kind, "payment kind");
        reference = switch (kind) {
            case PCN -> AccountKey.pcn(reference).value();
            case COUNCIL_TAX -> AccountKey.councilTax(reference).value();
        };
        if (amountPence <= 0) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        authorisationRef = Fields.text(
                Fields.id(authorisationRef, "an authorisation reference"), "an authorisation reference", 64);
        cardBrand = Fields.text(cardBrand, "a card brand", 20);
        if (!cardBrand.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("a card brand is upper-case letters (VISA, MASTERCARD, AMEX)");
        }
        if (lastFour == null || !lastFour.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("a card's last four are four digits");
        }
        Objects.requireNonNull(at, "payment time");
        customerRef =
                customerRef == null ? null : AccountKey.customerRef(customerRef).value();
        interactionId = Fields.optionalId(interactionId, "interactionId");
    }

    /** The key of what was paid: a payment makes that account's cached context stale. */
    public AccountKey paidKey() {
        return new AccountKey(kind == Kind.PCN ? AccountKey.Kind.PCN : AccountKey.Kind.COUNCIL_TAX, reference);
    }

    /** What a payment pays. */
    public enum Kind {
        PCN,
        COUNCIL_TAX
    }
}
