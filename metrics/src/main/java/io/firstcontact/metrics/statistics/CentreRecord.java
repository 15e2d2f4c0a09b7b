package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.SelfServiceOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The centre's day beyond the queues' counts: the channel mix, self-service against advisor handling, callbacks.
 *
 * @param contactsByChannel contacts that arrived, by channel
 * @param selfServiceByChannel self-service attempts by channel and outcome (IVR on voice, its text form on chat)
 * @param advisorHandledByChannel contacts an advisor started to handle (counted once per contact, at the first
 *     answer), by channel
 * @param callbacksRequested callbacks promised (interactions created as callbacks, as the desktop does) and waiting
 *     callers who asked to be called back
 * @param callbacksKept callbacks whose customer answered the dial
 * @param callbacksDialled dials made for callbacks, retries included
 * @param callbacksNotReached of them, dials the customer did not answer (no answer, busy, failed)
 * @param callbacksFailed callbacks given up: every dial the queue allows went unanswered or failed
 */
public record CentreRecord(
        Map<String, Long> contactsByChannel,
        Map<String, Map<SelfServiceOutcome, Long>> selfServiceByChannel,
        Map<String, Long> advisorHandledByChannel,
        long callbacksRequested,
        long callbacksKept,
        long callbacksDialled,
        long callbacksNotReached,
        long callbacksFailed) {

    public static final CentreRecord NONE = new CentreRecord(Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0);

    public CentreRecord {
        contactsByChannel = Collections.unmodifiableMap(new TreeMap<>(contactsByChannel));
        TreeMap<String, Map<SelfServiceOutcome, Long>> ss = new TreeMap<>();
        selfServiceByChannel.forEach((channel, byOutcome) -> {
            Map<SelfServiceOutcome, Long> m = new EnumMap<>(SelfServiceOutcome.class);
            m.putAll(byOutcome);
            ss.put(channel, Collections.unmodifiableMap(m));
        });
        selfServiceByChannel = Collections.unmodifiableMap(ss);
        advisorHandledByChannel = Collections.unmodifiableMap(new TreeMap<>(advisorHandledByChannel));
    }

    /** Self-service completions over all channels. */
    public long selfServiceCompleted() {
        long n = 0;
        for (Map<SelfServiceOutcome, Long> m : selfServiceByChannel.values()) {
            n += m.getOrDefault(SelfServiceOutcome.COMPLETED, 0L);
        }
        return n;
    }

    public long advisorHandled() {
        long n = 0;
        for (long v : advisorHandledByChannel.values()) {
            n += v;
        }
        return n;
    }

    /**
     * Self-service completions over completions plus contacts an advisor handled, or null when there were neither:
     * the share of the demand served without an advisor (the seeds' "85 % self-service" counts web visits too, which
     * the contact centre does not see).
     */
    public Double selfServiceShare() {
        long completed = selfServiceCompleted();
        long all = completed + advisorHandled();
        return all == 0 ? null : (double) completed / all;
    }

    public long contacts() {
        long n = 0;
        for (long v : contactsByChannel.values()) {
            n += v;
        }
        return n;
    }
}
