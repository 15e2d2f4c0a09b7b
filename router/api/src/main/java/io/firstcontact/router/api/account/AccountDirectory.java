package io.firstcontact.router.api.account;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The back office as the contact centre sees it: resolves whatever identifies a customer at the edge (the caller's
 * number, an email address, a PCN or council-tax reference, a UPRN, the customerRef) to their {@link Account}, and
 * records back what the centre did for them (payments, scripted forms' answers, contact summaries).
 *
 * <p>Implementations: the demo residents file, the HTTP JSON connector to a real back office, and the cache that the
 * server puts in front of either (an embedded Hazelcast map, warmed when an interaction arrives). The desktop, the IVR
 * and chat are given the cached one.
 *
 * <p>Every method is asynchronous and never blocks its caller; completions may arrive on any thread. A failure
 * completes the stage exceptionally with a {@link BackOfficeException}: {@link BackOfficeUnavailableException} when the
 * back office cannot answer (timeout, down, circuit open, unreadable answer), {@link BackOfficeRefusedException} when
 * it refuses a record. Invalid arguments are prevented by the records' own validation.
 */
public interface AccountDirectory {

    /**
     * The customer {@code key} identifies, or empty if the back office knows no one by it. A UPRN names the property's
     * primary account (its council-tax payer), since several customers may live there.
     */
    CompletionStage<Optional<Account>> find(AccountKey key);

    /** Records a card payment against its PCN or council-tax account; idempotent on its authorisation reference. */
    CompletionStage<Void> recordPayment(Payment payment);

    /** Records a scripted form's answers for the back office to act on. */
    CompletionStage<Void> recordFormAnswers(FormAnswers answers);

    /** Records what a contact was about and how it ended, in the customer's history. */
    CompletionStage<Void> recordContact(ContactSummary summary);
}
