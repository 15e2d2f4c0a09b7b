package io.firstcontact.ivr.payment;

import java.util.concurrent.CompletionStage;

/**
 * The payment gateway as the IVR sees it: authorise (and capture) one card payment. Implementations: the
 * {@link SandboxGateway} with its documented test cards, and a connector to the council's acquirer behind the same
 * interface.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Idempotent on {@link AuthorisationRequest#idempotencyKey()}: a repeat with the same key answers the first
 *       outcome and never charges the card a second time. The IVR repeats a request only after a timeout, with the
 *       same key, so a lost answer never charges twice.
 *   <li>The card's digits are read during the call and never kept, logged or sent anywhere but to the acquirer; the
 *       IVR clears them once the returned stage completes.
 *   <li>A declined card completes normally with {@link Authorisation.Declined}; a gateway that does not answer in time
 *       fails the stage with {@link GatewayTimeoutException}, one that cannot be reached or refuses the request with
 *       {@link GatewayUnavailableException}. Messages never carry card data.
 * </ul>
 */
public interface PaymentGateway {

    /** Authorises the payment; see the class comment for the failure modes. */
    CompletionStage<Authorisation> authorise(AuthorisationRequest request);
}
