package io.firstcontact.router.api.notify;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.Objects;

/**
 * One message to one recipient. The recipient and the text are personal data: they are never logged or journaled.
 *
 * @param medium SMS or EMAIL
 * @param to a phone number (E.164, {@code +447700900123}) for SMS, an address for email
 * @param subject the email subject; for SMS ignored and may be null
 * @param text the body
 */
public record Message(Medium medium, String to, String subject, String text) {
    /** The longest body accepted: ten concatenated SMS parts, and plenty for a notification email. */
    public static final int MAX_TEXT = 1_600;

    public Message {
        Objects.requireNonNull(medium, "medium");
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a recipient is required");
        }
        if (medium == Medium.SMS && !to.matches("\\+?[0-9]{3,20}")) {
            throw new IllegalArgumentException("an SMS recipient is a phone number");
        }
        if (medium == Medium.EMAIL && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("an email has a subject");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message has a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text is longer than " + MAX_TEXT + " characters");
        }
        if (CardNumberTripwire.containsCardNumber(text)
                || (subject != null && CardNumberTripwire.containsCardNumber(subject))) {
            throw new IllegalArgumentException("a message must not carry a payment card number");
        }
    }

    /** An SMS. */
    public static Message sms(String to, String text) {
        return new Message(Medium.SMS, to, null, text);
    }

    /** Never prints the recipient or the text. */
    @Override
    public String toString() {
        return "Message[" + medium + ", " + text.length() + " characters]";
    }
}
