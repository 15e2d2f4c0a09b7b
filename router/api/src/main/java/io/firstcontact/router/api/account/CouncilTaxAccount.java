package io.firstcontact.router.api.account;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One council-tax account: one property, one liable customer. A customer usually has one; a landlord liable for
 * shared houses has several, and someone who moved keeps the closed account of their old address until it is settled.
 *
 * @param reference the account reference a caller quotes (letters and digits, upper case)
 * @param uprn the property it is for
 * @param balancePence what is owed now, in pence; negative when the account is in credit
 * @param billing how bills are sent
 * @param paymentMethod how the customer pays
 * @param closedOn the day liability ended (the customer moved out), or null while it is live
 */
public record CouncilTaxAccount(
        String reference,
        String uprn,
        long balancePence,
        Billing billing,
        PaymentMethod paymentMethod,
        LocalDate closedOn) {

    public CouncilTaxAccount {
        reference = AccountKey.councilTax(reference).value();
        uprn = Fields.uprn(uprn);
        Objects.requireNonNull(billing, "council-tax billing");
        Objects.requireNonNull(paymentMethod, "council-tax payment method");
    }

    /** Whether the customer is still liable for this property. */
    public boolean live() {
        return closedOn == null;
    }

    /** How council-tax bills reach the customer. */
    public enum Billing {
        PAPER,
        /** Bills by email through the online account. */
        E_BILLING
    }

    /** How the customer pays their council tax. */
    public enum PaymentMethod {
        DIRECT_DEBIT,
        /** By card through the council's website. */
        CARD_ONLINE,
        /** By card over the telephone (to an advisor or the automated line). */
        CARD_BY_PHONE,
        /** Standing order or bank transfer. */
        BANK_TRANSFER,
        /** Cash at a post office or shop with a payment card (barcode). */
        CASH,
        /** Nothing to pay (a full discount or exemption). */
        NONE
    }
}
