package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The caps every call runs under: so many tries per question, so long to key, so many steps and cards. When a cap is
 * reached the caller goes to the flows' advisor step: there is always a way to a person.
 *
 * @param attempts tries per question (invalid or no input) before the advisor, 1–9 (default 3)
 * @param inputTimeoutSeconds how long a caller may take to key an answer, 2–60 (default 8)
 * @param cardInputTimeoutSeconds the same for the card number, expiry and security code, 5–60 (default 20)
 * @param maxSteps steps one call may take before the advisor, 10–1000 (default 100): a loop in the flows ends there
 * @param cardAttempts cards one payment may try before the advisor, 1–5 (default 3)
 * @param advisorKey what a caller keys, in any question, to speak to an advisor (default {@code 0}); a menu that
 *     gives the same key an option of its own takes that option instead
 */
public record Limits(
        int attempts,
        int inputTimeoutSeconds,
        int cardInputTimeoutSeconds,
        int maxSteps,
        int cardAttempts,
        String advisorKey) {

    public static final Limits DEFAULT = new Limits(0, 0, 0, 0, 0, null);

    @JsonCreator
    public Limits(
            @JsonProperty("attempts") int attempts,
            @JsonProperty("inputTimeoutSeconds") int inputTimeoutSeconds,
            @JsonProperty("cardInputTimeoutSeconds") int cardInputTimeoutSeconds,
            @JsonProperty("maxSteps") int maxSteps,
            @JsonProperty("cardAttempts") int cardAttempts,
            @JsonProperty("advisorKey") String advisorKey) {
        this.attempts = within(attempts == 0 ? 3 : attempts, 1, 9, "limits.attempts");
        this.inputTimeoutSeconds =
                within(inputTimeoutSeconds == 0 ? 8 : inputTimeoutSeconds, 2, 60, "limits.inputTimeoutSeconds");
        this.cardInputTimeoutSeconds = within(
                cardInputTimeoutSeconds == 0 ? 20 : cardInputTimeoutSeconds, 5, 60, "limits.cardInputTimeoutSeconds");
        this.maxSteps = within(maxSteps == 0 ? 100 : maxSteps, 10, 1_000, "limits.maxSteps");
        this.cardAttempts = within(cardAttempts == 0 ? 3 : cardAttempts, 1, 5, "limits.cardAttempts");
        this.advisorKey = advisorKey == null ? "0" : advisorKey;
        if (!this.advisorKey.matches("[0-9*#]")) {
            throw new IllegalArgumentException("limits.advisorKey must be one key: 0–9, * or #");
        }
    }

    public Duration inputTimeout() {
        return Duration.ofSeconds(inputTimeoutSeconds);
    }

    public Duration cardInputTimeout() {
        return Duration.ofSeconds(cardInputTimeoutSeconds);
    }

    private static int within(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "–" + max + ", was " + value);
        }
        return value;
    }
}
