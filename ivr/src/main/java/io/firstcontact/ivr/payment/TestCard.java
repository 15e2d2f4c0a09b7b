package io.firstcontact.ivr.payment;

/**
 * The sandbox gateway's test cards: what each number makes the {@link SandboxGateway} answer. Any expiry in the future
 * and any security code of the right length work. These numbers are the documented test numbers of the card schemes'
 * sandboxes; no real card has them.
 */
public enum TestCard {
    /** Visa, approved. */
    VISA_APPROVED("4111111111111111", Behaviour.APPROVE),
    /** Mastercard, approved. */
    MASTERCARD_APPROVED("5555555555554444", Behaviour.APPROVE),
    /** American Express (four-digit security code), approved. */
    AMEX_APPROVED("378282246310005", Behaviour.APPROVE),
    /** Visa, declined by the issuer. */
    VISA_DECLINED("4000000000000002", Behaviour.DECLINE),
    /** Visa, declined for insufficient funds. */
    VISA_INSUFFICIENT_FUNDS("4000000000009995", Behaviour.INSUFFICIENT_FUNDS),
    /**
     * Visa whose first answer is lost: the payment is taken, but the first call under a key fails with a timeout; a
     * repeat under the same key answers the approval (the card is charged once).
     */
    VISA_GATEWAY_TIMEOUT("4000000000000119", Behaviour.TIMEOUT_THEN_APPROVE);

    /** What the sandbox does with a card. */
    public enum Behaviour {
        APPROVE,
        DECLINE,
        INSUFFICIENT_FUNDS,
        TIMEOUT_THEN_APPROVE
    }

    private final String number;
    private final Behaviour behaviour;

    TestCard(String number, Behaviour behaviour) {
        this.number = number;
        this.behaviour = behaviour;
    }

    /** The card number, digits only. Test cards are not secret: they are printed in the README. */
    public String number() {
        return number;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** The test card with this number, or null (the sandbox declines numbers it does not know). */
    static TestCard of(char[] number) {
        for (TestCard c : values()) {
            if (java.util.Arrays.equals(c.number.toCharArray(), number)) {
                return c;
            }
        }
        return null;
    }
}
