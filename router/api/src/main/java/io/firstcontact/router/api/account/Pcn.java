package io.firstcontact.router.api.account;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A penalty charge notice (a parking fine) issued to the customer's vehicle.
 *
 * @param reference the notice's reference, as printed on it (letters and digits, upper case)
 * @param vehicleRegistration the vehicle's registration mark, upper case without spaces ({@code AB12CDE})
 * @param amountDuePence what is due now, in pence (0 once paid or cancelled)
 * @param status where it stands
 * @param issuedOn the day it was issued
 */
public record Pcn(
        String reference, String vehicleRegistration, long amountDuePence, Status status, LocalDate issuedOn) {

    public Pcn {
        reference = AccountKey.pcn(reference).value();
        vehicleRegistration = Fields.reference(
                vehicleRegistration == null ? null : vehicleRegistration.replace(" ", ""),
                "a vehicle registration",
                2,
                8);
        if (amountDuePence < 0) {
            throw new IllegalArgumentException("a PCN's amount due must not be negative");
        }
        Objects.requireNonNull(status, "PCN status");
        Objects.requireNonNull(issuedOn, "PCN issued date");
    }

    /** Where a PCN stands. */
    public enum Status {
        /** Issued and not yet paid: payable. */
        OPEN,
        PAID,
        CANCELLED,
        /** Under appeal: not payable until the appeal is decided. */
        APPEALED
    }
}
