package io.firstcontact.router.view;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.MediaClass;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Expected wait per queue (docs/routing-contract.md §6), computed by the host from committed facts, never inside the engine:
 *
 * <ul>
 *   <li><b>From answers</b>: {@code EWT(k) = k × τ}, τ an exponentially weighted mean (weight {@link
 *       Options#smoothing()} on the newest) of the intervals between the queue's answers — offers accepted from it —
 *       over the last {@link Options#windowMillis()} (15 minutes). It needs at least {@link Options#minAnswers()}
 *       answers (5) in the window. The time since the last answer is a lower bound of the next interval, so once it
 *       is longer than τ it counts as one more interval: a queue whose answering stopped never keeps announcing a
 *       short wait.
 *   <li><b>Too few answers</b>: {@code EWT(k) = k × AHT / staffed}. AHT is an exponentially weighted mean (weight
 *       {@link Options#handleSmoothing()}) of the handle times of assignments from the queue that ended, talk plus
 *       wrap-up; before any has ended it is the media class's default talk time ({@link
 *       Options#voiceHandleMillis()} 180 s, text 300 s, deferred 600 s) plus the queue's configured wrap-up.
 *   <li><b>Unstaffed</b>: no estimate at all; a number is never announced when nobody can answer.
 *   <li>Clamped to the queue's maximum wait when it has one.
 * </ul>
 *
 * <p>Pure: it holds only what it was told, with engine times ({@code at} of committed entries); the caller passes
 * "now" (the time of the last committed entry). Not thread-safe: it lives on the engine thread with {@link
 * LiveView}.
 */
public final class ExpectedWait {

    /**
     * How expected waits are estimated.
     *
     * @param windowMillis how far back answers count
     * @param minAnswers fewer answers than this in the window: estimate from handle time and staffing instead
     * @param smoothing weight of the newest interval in τ, in (0, 1]
     * @param answersKept the most recent answer times kept per queue; with the default smoothing the 64th interval
     *     back weighs under a millionth, so older ones cannot change the estimate
     * @param handleSmoothing weight of the newest handle time in AHT, in (0, 1]
     * @param voiceHandleMillis AHT before any is measured for a voice queue (plus its wrap-up)
     * @param textHandleMillis the same for chat and other real-time text
     * @param deferredHandleMillis the same for email and other deferred work
     */
    public record Options(
            long windowMillis,
            int minAnswers,
            double smoothing,
            int answersKept,
            double handleSmoothing,
            long voiceHandleMillis,
            long textHandleMillis,
            long deferredHandleMillis) {

        public static final long DEFAULT_WINDOW_MILLIS = 15 * 60_000L;
        public static final int DEFAULT_MIN_ANSWERS = 5;
        public static final double DEFAULT_SMOOTHING = 0.2;
        public static final int DEFAULT_ANSWERS_KEPT = 64;
        public static final double DEFAULT_HANDLE_SMOOTHING = 0.1;
        public static final long DEFAULT_VOICE_HANDLE_MILLIS = 180_000;
        public static final long DEFAULT_TEXT_HANDLE_MILLIS = 300_000;
        public static final long DEFAULT_DEFERRED_HANDLE_MILLIS = 600_000;

        public static final Options DEFAULT = new Options(
                DEFAULT_WINDOW_MILLIS,
                DEFAULT_MIN_ANSWERS,
                DEFAULT_SMOOTHING,
                DEFAULT_ANSWERS_KEPT,
                DEFAULT_HANDLE_SMOOTHING,
                DEFAULT_VOICE_HANDLE_MILLIS,
                DEFAULT_TEXT_HANDLE_MILLIS,
                DEFAULT_DEFERRED_HANDLE_MILLIS);

        public Options {
            if (windowMillis <= 0) {
                throw new IllegalArgumentException("windowMillis must be positive");
            }
            if (minAnswers < 2 || answersKept < minAnswers) {
                throw new IllegalArgumentException("minAnswers must be at least 2 and answersKept at least minAnswers");
            }
            if (!(smoothing > 0 && smoothing <= 1) || !(handleSmoothing > 0 && handleSmoothing <= 1)) {
                throw new IllegalArgumentException("smoothing and handleSmoothing must be in (0, 1]");
            }
            if (voiceHandleMillis <= 0 || textHandleMillis <= 0 || deferredHandleMillis <= 0) {
                throw new IllegalArgumentException("default handle times must be positive");
            }
        }

        /** The talk time assumed for a media class before any handle time is measured. */
        public long defaultHandleMillis(MediaClass media) {
            return switch (media) {
                case REALTIME_VOICE -> voiceHandleMillis;
                case REALTIME_TEXT -> textHandleMillis;
                case DEFERRED -> deferredHandleMillis;
            };
        }
    }

    /** What an estimate rests on. */
    public enum Basis {
        /** The intervals between recent answers. */
        ANSWER_INTERVALS,
        /** Average handle time over the staffed advisors (too few recent answers). */
        HANDLE_TIME
    }

    /**
     * A queue's expected wait per place in line, ready to apply to positions.
     *
     * @param basis what it rests on
     * @param millisPerPlace τ, or AHT / staffed
     * @param capMillis the queue's maximum wait, or 0 for none
     */
    public record Rate(Basis basis, double millisPerPlace, long capMillis) {
        /** EWT for the interaction at 1-based {@code position}, clamped to the maximum wait. */
        public long forPosition(int position) {
            if (position < 1) {
                throw new IllegalArgumentException("position is 1-based, was " + position);
            }
            long ewt = Math.round(position * millisPerPlace);
            return capMillis > 0 ? Math.min(ewt, capMillis) : ewt;
        }
    }

    private static final class Samples {
        /** Answer times, oldest first, at most {@code answersKept}. */
        final ArrayDeque<Long> answers = new ArrayDeque<>();

        double handleMillis = Double.NaN;
    }

    private final Options options;
    private final Map<String, Samples> queues = new HashMap<>();

    public ExpectedWait(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    public ExpectedWait() {
        this(Options.DEFAULT);
    }

    public Options options() {
        return options;
    }

    /** An offer from {@code queue} was accepted at {@code at} (engine time, never decreasing). */
    public void answered(String queue, long at) {
        ArrayDeque<Long> answers = samples(queue).answers;
        answers.addLast(at);
        if (answers.size() > options.answersKept()) {
            answers.removeFirst();
        }
    }

    /** An assignment answered from {@code queue} ended after {@code millis} of talk and wrap-up. */
    public void handled(String queue, long millis) {
        Samples s = samples(queue);
        double sample = Math.max(0, millis);
        s.handleMillis = Double.isNaN(s.handleMillis)
                ? sample
                : s.handleMillis + options.handleSmoothing() * (sample - s.handleMillis);
    }

    /** Forgets queues that are no longer configured. */
    public void retainOnly(Collection<String> configured) {
        queues.keySet().retainAll(configured);
    }

    /**
     * The queue's rate, or empty when nobody staffs it.
     *
     * @param config the queue's configuration (wrap-up for the default AHT, maximum wait for the clamp)
     * @param media the media class of its channel
     * @param staffed advisors logged in who take the queue
     * @param now engine time of the last committed entry
     */
    public Optional<Rate> rate(String queue, QueueConfig config, MediaClass media, int staffed, long now) {
        if (staffed <= 0) {
            return Optional.empty();
        }
        Samples s = queues.get(queue);
        double tau = s == null ? Double.NaN : interval(s.answers, now);
        if (!Double.isNaN(tau)) {
            return Optional.of(new Rate(Basis.ANSWER_INTERVALS, tau, config.maxWaitMillis()));
        }
        return Optional.of(
                new Rate(Basis.HANDLE_TIME, handleMillis(queue, config, media) / staffed, config.maxWaitMillis()));
    }

    /** The measured AHT of the queue, else the default for its media class plus its configured wrap-up. */
    public double handleMillis(String queue, QueueConfig config, MediaClass media) {
        Samples s = queues.get(queue);
        if (s != null && !Double.isNaN(s.handleMillis)) {
            return s.handleMillis;
        }
        return options.defaultHandleMillis(media) + config.wrapUpMillis();
    }

    /** τ over the answers in the window, or NaN with too few. */
    private double interval(ArrayDeque<Long> answers, long now) {
        long from = now - options.windowMillis();
        int inWindow = 0;
        for (Iterator<Long> it = answers.descendingIterator(); it.hasNext() && it.next() >= from; ) {
            inWindow++;
        }
        if (inWindow < options.minAnswers()) {
            return Double.NaN;
        }
        double alpha = options.smoothing();
        double tau = Double.NaN;
        long previous = Long.MIN_VALUE;
        int skip = answers.size() - inWindow;
        for (long at : answers) {
            if (skip-- > 0) {
                continue;
            }
            if (previous != Long.MIN_VALUE) {
                long gap = at - previous;
                tau = Double.isNaN(tau) ? gap : tau + alpha * (gap - tau);
            }
            previous = at;
        }
        long open = now - previous;
        if (open > tau) {
            tau += alpha * (open - tau);
        }
        return tau;
    }

    private Samples samples(String queue) {
        return queues.computeIfAbsent(queue, q -> new Samples());
    }
}
