package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.router.api.port.LiveReads;
import java.time.Duration;
import java.util.Optional;
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
 * {@code AGI(agi://…/announce)}, every {@code announceEvery} while a caller waits (the holding context's timeout): their
 * place in line and, when there is an estimate, their expected wait in minutes — only when it is meaningful: nothing
 * while an advisor is being rung for them, nothing when neither changed since the last announcement, and no number
 * for an unstaffed queue. From {@code callbackOfferAbove} the callback (and the SMS link, when configured) is offered:
 * the keys are the holding context's extensions.
 */
final class AnnouncementScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementScript.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private final VoiceOptions options;
    private final LiveReads reads;

    AnnouncementScript(VoiceOptions options, LiveReads reads) {
        this.options = options;
        this.reads = reads;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String id = Scripts.interactionId(channel);
        if (id == null) {
            return;
        }
        Optional<LiveReads.Standing> standing = standing(id);
        if (standing.isEmpty()) {
            return; // not waiting (an advisor is being rung, or the call is connected)
        }
        LiveReads.Standing s = standing.get();
        long minutes = s.hasEstimate() ? Math.max(1, (s.expectedWaitMillis() + 59_999) / 60_000) : -1;
        String said = s.position() + "/" + minutes;
        String last = channel.getVariable("FC_LAST_ANNOUNCED");
        if (said.equals(last)) {
            return;
        }
        channel.setVariable("FC_LAST_ANNOUNCED", said);
        if (s.position() == 1) {
            channel.streamFile("queue-youarenext");
        } else {
            channel.streamFile("queue-thereare");
            channel.sayNumber(String.valueOf(s.position() - 1));
            channel.streamFile("queue-callswaiting");
        }
        if (minutes > 0) {
            channel.streamFile("queue-holdtime");
            channel.sayNumber(String.valueOf(minutes));
            channel.streamFile("queue-minutes");
        }
        boolean offer = options.callbackOfferAbove().isZero()
                || (s.hasEstimate()
                        && s.expectedWaitMillis()
                                >= options.callbackOfferAbove().toMillis());
        if (offer) {
            channel.streamFile("fc-callback-offer");
            if (options.smsLink() != null) {
                channel.streamFile("fc-sms-offer");
            }
        }
    }

    private Optional<LiveReads.Standing> standing(String id) {
        try {
            return reads.standing(id).toCompletableFuture().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("voice: no standing for an announcement: {}", e.toString());
            return Optional.empty();
        }
    }
}
