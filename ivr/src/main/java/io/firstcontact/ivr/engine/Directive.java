package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.payment.AuthorisationRequest;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.notify.Message;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link IvrSession} asks its front end to do next. Each directive but {@link Finish} is answered with exactly
 * one {@link Event}: the channel's ones ({@link Play}, {@link Ask}) by the front end itself, the others by the
 * services behind the ports (back office, payment gateway, call recording, notifier, routing).
 */
public sealed interface Directive {

    /** Say this; answered by {@link Event.Done} (or {@link Event.HungUp}). */
    record Play(List<Line> lines) implements Directive {
        public Play {
            lines = List.copyOf(lines);
        }
    }

    /** Say this and wait for the caller: {@link Event.Keyed}, {@link Event.KeyedCard}, {@link Event.NoInput}. */
    record Ask(List<Line> lines, Question question) implements Directive {
        public Ask {
            lines = List.copyOf(lines);
            Objects.requireNonNull(question, "question");
        }
    }

    /** Find the account {@code key} names: {@link Event.Found} or {@link Event.Failed}. */
    record Lookup(AccountKey key) implements Directive {}

    /** Mute the call's recording before card digits: {@link Event.Done} or {@link Event.Failed}. */
    record PauseRecording() implements Directive {}

    /** Unmute it again: {@link Event.Done} or {@link Event.Failed}. */
    record ResumeRecording() implements Directive {}

    /**
     * Authorise the payment: {@link Event.Authorised}, or {@link Event.Failed} with {@link Event.Failure#TIMEOUT} or
     * {@link Event.Failure#UNAVAILABLE}. The request holds the card: the front end passes it to the gateway and to
     * nothing else.
     */
    record Authorise(AuthorisationRequest request) implements Directive {
        @Override
        public String toString() {
            return "Authorise[" + request.amountPence() + "p, " + request.card() + "]";
        }
    }

    /** Record the payment in the back office: {@link Event.Done} or {@link Event.Failed}. */
    record RecordPayment(Payment payment) implements Directive {}

    /** Send the receipt: {@link Event.Done} or {@link Event.Failed}. */
    record SendReceipt(Message message) implements Directive {}

    /** Record how a self-service attempt ended, for the statistics: {@link Event.Done} or {@link Event.Failed}. */
    record RecordOutcome(String service, SelfServiceOutcome outcome) implements Directive {}

    /** The session is over; nothing answers this. */
    record Finish(Ending ending) implements Directive {}
}
