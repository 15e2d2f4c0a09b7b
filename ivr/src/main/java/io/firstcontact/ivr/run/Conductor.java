package io.firstcontact.ivr.run;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Directive;
import io.firstcontact.ivr.engine.Event;
import io.firstcontact.ivr.payment.GatewayTimeoutException;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the directives that are not the channel's — lookups, recording, the gateway, the back office record, the
 * receipt, the outcome for the statistics — through the {@link IvrPorts}, and answers each with its {@link Event}. A
 * port that fails or does not answer in time becomes {@link Event.Failed}: a session never hangs on a port.
 *
 * <p>What it logs is for an operator: what failed and what to do, with the interaction id; never a card digit, a
 * reference a caller keyed, or anything else personal.
 */
public final class Conductor {
    private static final Logger LOG = LoggerFactory.getLogger(Conductor.class);

    /** The source of the commands the IVR submits to routing. */
    public static final String SOURCE = "ivr";

    private final IvrPorts ports;

    public Conductor(IvrPorts ports) {
        this.ports = ports;
    }

    public IvrPorts ports() {
        return ports;
    }

    /** Whether {@code d} is the channel's to carry out (say, ask) or the end, rather than a port's. */
    public static boolean channels(Directive d) {
        return d instanceof Directive.Play || d instanceof Directive.Ask || d instanceof Directive.Finish;
    }

    /** Carries out {@code d} for {@code call}; completes with the event that answers it, never exceptionally. */
    public CompletionStage<Event> perform(Directive d, Call call) {
        String id = call.interactionId();
        return switch (d) {
            case Directive.Lookup l ->
                within(ports.accounts().find(l.key()), ports.backOfficeTimeout())
                        .handle((found, failure) -> {
                            if (failure == null) {
                                found.ifPresent(account -> identify(call, account));
                                return new Event.Found(found);
                            }
                            LOG.warn(
                                    "IVR {}: the back office did not answer a lookup ({}); the caller goes on as the flows"
                                            + " say for an unavailable back office",
                                    id,
                                    reason(failure));
                            return failed(failure);
                        });
            case Directive.PauseRecording p ->
                done(
                        ports.recording().pause(id),
                        () -> LOG.warn(
                                "IVR {}: the call recording could not be muted; no card details are taken by keypad on this call",
                                id));
            case Directive.ResumeRecording r ->
                done(
                        ports.recording().resume(id),
                        () -> LOG.error(
                                "IVR {}: the call recording could not be unmuted after card entry; check the recording of this"
                                        + " call (the card digits were keyed while it was muted)",
                                id));
            case Directive.Authorise a ->
                within(ports.gateway().authorise(a.request()), ports.gatewayTimeout())
                        .handle((authorisation, failure) -> {
                            if (failure == null) {
                                return new Event.Authorised(authorisation);
                            }
                            Event.Failed f = failed(failure);
                            LOG.warn(
                                    "IVR {}: the payment gateway {} ({})",
                                    id,
                                    f.failure() == Event.Failure.TIMEOUT
                                            ? "did not answer in time; the payment is asked for again under the same"
                                                    + " idempotency key, so it is never taken twice"
                                            : "refused or could not be reached; nothing was taken",
                                    reason(failure));
                            return f;
                        });
            case Directive.RecordPayment p ->
                done(
                        within(ports.accounts().recordPayment(p.payment()), ports.backOfficeTimeout()),
                        () -> LOG.error(
                                "IVR {}: payment {} of {} pence was taken but could not be recorded in the back office;"
                                        + " record it by hand",
                                id,
                                p.payment().authorisationRef(),
                                p.payment().amountPence()));
            case Directive.SendReceipt s ->
                done(
                        ports.notifier().send(s.message()),
                        () -> LOG.warn(
                                "IVR {}: a {} receipt could not be sent",
                                id,
                                s.message().medium()));
            case Directive.RecordOutcome o ->
                ports.routing()
                        .submit(SOURCE, null, new Command.RecordSelfService(id, o.service(), o.outcome()))
                        .handle((decision, failure) -> {
                            if (failure != null) {
                                LOG.warn(
                                        "IVR {}: the self-service outcome {} {} could not be recorded ({})",
                                        id,
                                        o.service(),
                                        o.outcome(),
                                        reason(failure));
                                return (Event) new Event.Failed(Event.Failure.UNAVAILABLE);
                            }
                            return new Event.Done();
                        });
            case Directive.Play p -> throw channel(d);
            case Directive.Ask a -> throw channel(d);
            case Directive.Finish f -> throw channel(d);
        };
    }

    /**
     * A caller the IVR found — by a reference they keyed, or their number — is named to routing when the call came
     * without a customerRef, so that the statistics count the contact under that customer even when it ends in
     * self-service. Beside the call: routing refuses another reference than one it already has, and a failure changes
     * nothing for the caller.
     */
    private void identify(Call call, Account account) {
        if (call.customerRef() != null) {
            return;
        }
        ports.routing()
                .submit(SOURCE, null, new Command.IdentifyCustomer(call.interactionId(), account.customerRef()))
                .whenComplete((decision, failure) -> {
                    if (failure != null) {
                        LOG.debug(
                                "IVR {}: the caller could not be named to routing ({})",
                                call.interactionId(),
                                reason(failure));
                    }
                });
    }

    private static IllegalArgumentException channel(Directive d) {
        return new IllegalArgumentException(d.getClass().getSimpleName() + " is the front end's to carry out");
    }

    private static <T> CompletableFuture<T> within(CompletionStage<T> stage, java.time.Duration limit) {
        return stage.toCompletableFuture()
                .copy()
                .orTimeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static CompletionStage<Event> done(CompletionStage<?> stage, Runnable onFailure) {
        return stage.handle((ok, failure) -> {
            if (failure == null) {
                return new Event.Done();
            }
            onFailure.run();
            return failed(failure);
        });
    }

    private static Event.Failed failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        boolean timeout = cause instanceof TimeoutException
                || cause instanceof GatewayTimeoutException
                || (cause instanceof io.firstcontact.router.api.account.BackOfficeUnavailableException b
                        && b.reason()
                                == io.firstcontact.router.api.account.BackOfficeUnavailableException.Reason.TIMEOUT);
        return new Event.Failed(timeout ? Event.Failure.TIMEOUT : Event.Failure.UNAVAILABLE);
    }

    /** A failure's class and message for a log line, withheld if it could hold a card number. */
    static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (CardNumberTripwire.containsCardNumber(message)) {
            message = "(message withheld: it looks like it holds a card number)";
        }
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
