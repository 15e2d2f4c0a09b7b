package io.firstcontact.router.api.account;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The account of an interaction's customer, as the account context identified them when the interaction arrived: by
 * its customerRef, else the caller's number, the email address, or a reference keyed in the IVR. A call from the
 * telephone network arrives with a number and no customerRef, so a screen pop asks this, not the directory by
 * customerRef.
 *
 * <p>Asynchronous like {@link AccountDirectory}: completes exceptionally with a {@link BackOfficeException} when the
 * back office cannot answer.
 */
@FunctionalInterface
public interface InteractionAccounts {

    /** The interaction's customer, or empty when nothing identifies them or nobody is known by what did. */
    CompletionStage<Optional<Account>> forInteraction(String interactionId);
}
