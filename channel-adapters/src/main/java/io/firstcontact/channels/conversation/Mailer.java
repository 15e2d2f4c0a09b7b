package io.firstcontact.channels.conversation;

import java.util.concurrent.CompletionStage;

/**
 * Sends a plain-text email that is not part of a thread: a chat's transcript the resident asked for. The email
 * channel's SMTP sends it; without one, the log sink says it would have.
 */
@FunctionalInterface
public interface Mailer {
    /** Completes once the mail server took it; fails with the reason. The address and text are never logged. */
    CompletionStage<Void> send(String to, String subject, String text);
}
