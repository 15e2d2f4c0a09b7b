package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.calls.Switchboard;
import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://…/sms-link)}, the key a waiting caller presses to get a text with the link to do the task online:
 * sent through the {@link Notifier} port to the number they call from; they keep their place and go on waiting.
 */
final class SmsLinkScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(SmsLinkScript.class);

    private final VoiceOptions options;
    private final Switchboard board;
    private final Notifier notifier;

    SmsLinkScript(VoiceOptions options, Switchboard board, Notifier notifier) {
        this.options = options;
        this.board = board;
        this.notifier = notifier;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String id = Scripts.interactionId(channel);
        if (id == null || options.smsLink() == null) {
            return;
        }
        String number = board.callerNumber(id).toCompletableFuture().join();
        if (number == null) {
            channel.streamFile("fc-sms-unavailable");
            return;
        }
        try {
            notifier.send(Message.sms(number, options.smsLink().text()))
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            channel.streamFile("fc-sms-sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            LOG.warn("voice: the SMS link could not be sent ({})", e.getClass().getSimpleName());
            channel.streamFile("fc-sms-unavailable");
        }
    }
}
