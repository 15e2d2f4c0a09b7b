package io.firstcontact.ivr.payment;

import io.firstcontact.router.api.model.Ids;
import java.util.Objects;

/**
 * One card payment to authorise.
 *
 * @param idempotencyKey the same for a repeat of this payment with this card, new for another card
 * @param amountPence what to take, in pence (GBP)
 * @param reference what is paid ({@code PCN HW12345678}), as the statement and the back office show it
 * @param card the card, cleared by the IVR once the authorisation completed
 */
public record AuthorisationRequest(String idempotencyKey, long amountPence, String reference, CardDetails card) {
    public AuthorisationRequest {
        Ids.require(idempotencyKey, "idempotencyKey");
        if (amountPence <= 0) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(card, "card");
    }

    /** The currency of every amount: the centre is a UK council's. */
    public static final String CURRENCY = "GBP";
}
