package io.firstcontact.router.api.port;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.UUID;

/**
 * New interaction ids, minted at the edges (the API, the channel adapters, the desktop) — never in the engine, which
 * is deterministic and takes every id as an input.
 */
public final class InteractionIds {
    private InteractionIds() {}

    /**
     * {@code prefix} and a random UUID, drawn again in the rare case (about one in ten thousand) that its digit
     * groups, read across the dashes, look like a card number: every path and body from outside is screened by the
     * {@link CardNumberTripwire}, so an id that tripped it could never be named in a request.
     */
    public static String random(String prefix) {
        while (true) {
            String id = prefix + UUID.randomUUID();
            if (!CardNumberTripwire.containsCardNumber(id)) {
                return id;
            }
        }
    }
}
