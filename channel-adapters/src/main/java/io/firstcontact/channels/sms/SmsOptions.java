package io.firstcontact.channels.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The SMS configuration ({@code sms:} in the server's YAML; secrets from the environment).
 *
 * @param gatewayUrl where texts are posted ({@link HttpSmsGateway}); null: the log sink stands in
 * @param gatewayToken the bearer token the gateway expects, or null
 * @param sender the sender id or number the texts come from ({@value #DEFAULT_SENDER})
 * @param timeout how long a send may take ({@code 10s})
 * @param inbound whether residents' texts received by the webhook become interactions
 * @param webhookSecret the shared secret the gateway signs its webhooks with (required when {@code inbound})
 * @param queue the queue residents' texts wait in ({@value #DEFAULT_QUEUE})
 */
public record SmsOptions(
        URI gatewayUrl,
        String gatewayToken,
        String sender,
        Duration timeout,
        boolean inbound,
        String webhookSecret,
        String queue) {
    public static final String DEFAULT_SENDER = "Council";
    public static final String DEFAULT_QUEUE = "sms";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest webhook secret accepted. */
    public static final int MIN_SECRET = 16;

    public SmsOptions {
        if (gatewayUrl != null && !("https".equals(gatewayUrl.getScheme()) || "http".equals(gatewayUrl.getScheme()))) {
            throw new IllegalArgumentException("sms.gatewayUrl is an http(s) URL");
        }
        sender = Objects.requireNonNullElse(sender, DEFAULT_SENDER);
        if (sender.isBlank() || sender.length() > 15) {
            throw new IllegalArgumentException("sms.sender is 1–15 characters");
        }
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sms.timeout must be positive");
        }
        if (inbound && (webhookSecret == null || webhookSecret.length() < MIN_SECRET)) {
            throw new IllegalArgumentException(
                    "sms.inbound needs sms.webhookSecret of at least " + MIN_SECRET + " characters");
        }
        queue = Objects.requireNonNullElse(queue, DEFAULT_QUEUE);
    }

    /** No gateway, no inbound texts: the log sink. */
    public static final SmsOptions LOG_ONLY = new SmsOptions(null, null, null, null, false, null, null);

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "SmsOptions[" + (gatewayUrl == null ? "log sink" : gatewayUrl.getHost()) + ", inbound " + inbound + "]";
    }
}
