package io.firstcontact.ivr.payment;

import io.firstcontact.router.api.model.Ids;
import java.util.Objects;

/** What the gateway answered for a payment: approved (with what may be kept of it) or declined. */
public sealed interface Authorisation {

    /**
     * The payment was taken.
     *
     * @param authorisationRef the acquirer's authorisation reference, read back to the caller
     * @param token the gateway's token for the card: what may be kept instead of the number
     * @param brand the card's brand
     * @param lastFour the card number's last four digits
     */
    record Approved(String authorisationRef, String token, CardBrand brand, String lastFour) implements Authorisation {
        public Approved {
            Ids.require(authorisationRef, "authorisationRef");
            Ids.require(token, "token");
            Objects.requireNonNull(brand, "brand");
            if (lastFour == null || !lastFour.matches("[0-9]{4}")) {
                throw new IllegalArgumentException("a card's last four are four digits");
            }
        }
    }

    /** The card was refused; nothing was taken. */
    record Declined(DeclineReason reason) implements Authorisation {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a card was refused, as far as the caller may be told. */
    enum DeclineReason {
        /** The issuer declined it, without saying why. */
        DECLINED,
        /** Not enough money on the account. */
        INSUFFICIENT_FUNDS
    }
}
