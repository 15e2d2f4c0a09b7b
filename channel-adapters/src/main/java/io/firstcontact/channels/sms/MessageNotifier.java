package io.firstcontact.channels.sms;

import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The centre's {@link Notifier}: texts go through the SMS gateway (the HTTP connector, or the log sink), emails
 * through the email channel's mailer (or its log sink). Callback confirmations, payment receipts and the link offered
 * to a caller facing a long wait all leave through here.
 */
public final class MessageNotifier implements Notifier {
    private final SmsGateway sms;
    private final Mailer mail;

    public MessageNotifier(SmsGateway sms, Mailer mail) {
        this.sms = Objects.requireNonNull(sms, "sms");
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    @Override
    public CompletionStage<Void> send(Message message) {
        return switch (message.medium()) {
            case SMS -> {
                String to;
                try {
                    to = E164.normalise(message.to());
                } catch (IllegalArgumentException e) {
                    yield CompletableFuture.failedFuture(e);
                }
                yield sms.send(to, message.text());
            }
            case EMAIL -> mail.send(message.to(), message.subject(), message.text());
        };
    }
}
