package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firstcontact.router.api.model.CardNumberTripwire;

/**
 * The receipt sent after a payment, by SMS or email. Slots: {@code {amount}}, {@code {paid}} (what was paid:
 * {@code PCN HW12345678}), {@code {date}}, {@code {brand}}, {@code {lastFour}}, {@code {authorisation}}. Nothing else
 * of the card is ever in it.
 *
 * @param subject the email's subject
 * @param text the message
 */
public record Receipt(String subject, String text) {
    public static final java.util.Set<String> SLOTS =
            java.util.Set.of("amount", "paid", "date", "brand", "lastFour", "authorisation");

    @JsonCreator
    public Receipt(@JsonProperty("subject") String subject, @JsonProperty("text") String text) {
        if (subject == null || subject.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("receipt needs a subject and a text");
        }
        if (text.length() > 600 || subject.length() > 120) {
            throw new IllegalArgumentException("receipt text is at most 600 characters, its subject 120");
        }
        if (CardNumberTripwire.containsCardNumber(text) || CardNumberTripwire.containsCardNumber(subject)) {
            throw new IllegalArgumentException("receipt holds what looks like a card number");
        }
        this.subject = subject.strip();
        this.text = text.strip();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(text);
        while (m.find()) {
            if (!SLOTS.contains(m.group(1))) {
                throw new IllegalArgumentException(
                        "receipt slot {" + m.group(1) + "} is not one of " + new java.util.TreeSet<>(SLOTS));
            }
        }
    }

    /** The text with its slots filled. */
    public String fill(java.util.Map<String, String> values) {
        String out = text;
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
