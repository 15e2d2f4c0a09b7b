package io.firstcontact.router.api.model;

/**
 * One named attribute of an interaction (a UPRN, the reason chosen in the IVR, a language).
 *
 * @param name an id
 * @param value at most {@link Attributes#MAX_VALUE_LENGTH} characters; never a card number
 */
public record Attribute(String name, String value) {
    public Attribute {
        Ids.require(name, "attribute name");
        if (value == null) {
            throw new IllegalArgumentException("an attribute has no value");
        }
        if (value.length() > Attributes.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(
                    "an attribute value is longer than " + Attributes.MAX_VALUE_LENGTH + " characters");
        }
        if (CardNumberTripwire.containsCardNumber(value)) {
            // The message never echoes the value: it may be a real card number.
            throw new IllegalArgumentException("an attribute value holds what looks like a card number; refused");
        }
    }
}
