package io.firstcontact.channels.sms;

import java.util.concurrent.CompletionStage;

/**
 * Sends one text message to one phone. Implementations never log the number or the text: both are personal data.
 * {@link HttpSmsGateway} speaks to a provider; {@link LogSmsGateway} stands in until one is configured.
 */
@FunctionalInterface
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code to} (E.164). Completes once the gateway accepted it; fails with {@link
     * SmsRefusedException} when the gateway refused it (a bad number: sending again will not help), or another
     * exception when it could not be reached.
     */
    CompletionStage<Void> send(String to, String text);

    /** The gateway refused the message (4xx): its reason, never the number or the text. */
    final class SmsRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SmsRefusedException(String reason) {
            super(reason);
        }
    }
}
