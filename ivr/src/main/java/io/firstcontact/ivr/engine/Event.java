package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.payment.Authorisation;
import io.firstcontact.router.api.account.Account;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** What happened in answer to a {@link Directive}. None prints what the caller keyed. */
public sealed interface Event {

    /** The directive was carried out. */
    record Done() implements Event {}

    /** The caller keyed digits (or, in a chat, wrote an answer), for a question that is not about the card. */
    record Keyed(String digits) implements Event {
        public Keyed {
            Objects.requireNonNull(digits, "digits");
        }

        @Override
        public String toString() {
            return "Keyed[" + digits.length() + " characters]";
        }
    }

    /**
     * The caller keyed card data. The session takes ownership of the array and clears it after use; the front end
     * must keep no other copy.
     */
    record KeyedCard(char[] digits) implements Event {
        public KeyedCard {
            Objects.requireNonNull(digits, "digits");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyedCard k && Arrays.equals(digits, k.digits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digits);
        }

        @Override
        public String toString() {
            return "KeyedCard[" + digits.length + " digits]";
        }
    }

    /**
     * The answer held what looks like a card number where no card was asked for: the front end dropped it unread (a
     * chat's message), and the caller is asked again.
     */
    record Withheld() implements Event {}

    /** The caller keyed nothing before the question's timeout. */
    record NoInput() implements Event {}

    /** The caller hung up (or left the chat). */
    record HungUp() implements Event {}

    /** The back office answered a lookup: the account, or empty when it knows no one by that key. */
    record Found(Optional<Account> account) implements Event {
        public Found {
            Objects.requireNonNull(account, "account");
        }
    }

    /** The gateway answered. */
    record Authorised(Authorisation authorisation) implements Event {
        public Authorised {
            Objects.requireNonNull(authorisation, "authorisation");
        }
    }

    /** A service behind a port could not do it. */
    record Failed(Failure failure) implements Event {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Why a port failed. */
    enum Failure {
        /** It did not answer in time (the payment gateway: the payment may have been taken). */
        TIMEOUT,
        /** It could not be reached or refused. */
        UNAVAILABLE
    }
}
