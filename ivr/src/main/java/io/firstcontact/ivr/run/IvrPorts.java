package io.firstcontact.ivr.run;

import io.firstcontact.ivr.payment.PaymentGateway;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.CallRecording;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.Duration;
import java.util.Objects;

/**
 * What an IVR reaches beyond the caller: routing (to record self-service outcomes), the back office, the payment
 * gateway, the notifier (receipts) and the call recording (muted while card digits are keyed).
 *
 * @param routing where {@code RecordSelfService} goes
 * @param accounts the account directory (the cached one the server gives the desktop too)
 * @param gateway the payment gateway
 * @param notifier sends receipts (a log sink until SMS and email are configured)
 * @param recording mutes and unmutes call recordings ({@link CallRecording#NONE} for chat)
 * @param gatewayTimeout how long an authorisation may take before it counts as timed out (and is asked again under
 *     the same idempotency key)
 * @param backOfficeTimeout how long a lookup or a record may take before the back office counts as unavailable
 */
public record IvrPorts(
        RoutingPort routing,
        AccountDirectory accounts,
        PaymentGateway gateway,
        Notifier notifier,
        CallRecording recording,
        Duration gatewayTimeout,
        Duration backOfficeTimeout) {

    public static final Duration DEFAULT_GATEWAY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BACK_OFFICE_TIMEOUT = Duration.ofSeconds(5);

    public IvrPorts {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(recording, "recording");
        gatewayTimeout = Objects.requireNonNullElse(gatewayTimeout, DEFAULT_GATEWAY_TIMEOUT);
        backOfficeTimeout = Objects.requireNonNullElse(backOfficeTimeout, DEFAULT_BACK_OFFICE_TIMEOUT);
    }

    /** The same ports with another recording (a chat has none; a call has the voice adapter's). */
    public IvrPorts withRecording(CallRecording r) {
        return new IvrPorts(routing, accounts, gateway, notifier, r, gatewayTimeout, backOfficeTimeout);
    }
}
