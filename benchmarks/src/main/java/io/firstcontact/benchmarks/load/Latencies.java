package io.firstcontact.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * The client-side latency histograms of one run, in microseconds: recorded from any thread through HdrHistogram
 * {@link Recorder}s; while a measurement window is open, {@link #interval()} (called once a second) writes each
 * interval to a {@code .hlog} (the raw histograms) and adds it to the window's total.
 */
public final class Latencies {
    /** L1: arrival (intended send) → OfferCreated received, when an advisor was free. */
    public static final String L1 = "L1";
    /** L2: advisor available (intended send of READY / end-wrap-up / log-in) → OfferCreated received, work waiting. */
    public static final String L2 = "L2";
    /** L2 when wrap-up ended by its timer: from the wrap-up's end instant (server clock, ms) to the offer's receipt. */
    public static final String L2_TIMER = "L2_wrapup_timer";
    /** POST /interactions: intended send → response. */
    public static final String CREATE = "create_response";
    /** How late the generator sent a request after its intended time (the generator's own saturation). */
    public static final String SEND_LATENESS = "send_lateness";

    public static final List<String> ALL = List.of(L1, L2, L2_TIMER, CREATE, SEND_LATENESS);

    private final Map<String, Recorder> recorders = new LinkedHashMap<>();
    private final Map<String, Histogram> totals = new LinkedHashMap<>();
    private final Map<String, Histogram> recycled = new LinkedHashMap<>();
    private volatile boolean open;
    private HistogramLogWriter writer;
    private PrintStream log;
    private long windowStartMillis;
    private long lastIntervalMillis;

    public Latencies() {
        for (String name : ALL) {
            recorders.put(name, new Recorder(3));
            totals.put(name, new Histogram(3));
        }
    }

    /** Records {@code nanos} (clamped at 1 µs) if the window is open. */
    public void record(String name, long nanos) {
        if (open) {
            recorders.get(name).recordValue(Math.max(1, nanos / 1_000));
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** Opens the window: what was recorded before is dropped; intervals go to {@code hlog} (null: none kept). */
    public synchronized void open(Path hlog) throws IOException {
        for (Map.Entry<String, Recorder> e : recorders.entrySet()) {
            e.getValue().reset();
            totals.get(e.getKey()).reset();
        }
        windowStartMillis = System.currentTimeMillis();
        lastIntervalMillis = windowStartMillis;
        if (hlog != null) {
            log = new PrintStream(hlog.toFile(), StandardCharsets.UTF_8);
            writer = new HistogramLogWriter(log);
            writer.outputComment("FirstContact load generator: latencies in microseconds; tags " + ALL);
            writer.outputLogFormatVersion();
            writer.outputStartTime(windowStartMillis);
            writer.setBaseTime(windowStartMillis);
            writer.outputLegend();
        }
        open = true;
    }

    /** Moves each recorder's interval into the log and the totals. */
    public synchronized void interval() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Recorder> e : recorders.entrySet()) {
            Histogram h = e.getValue().getIntervalHistogram(recycled.get(e.getKey()));
            recycled.put(e.getKey(), h);
            h.setStartTimeStamp(lastIntervalMillis);
            h.setEndTimeStamp(now);
            h.setTag(e.getKey());
            totals.get(e.getKey()).add(h);
            if (writer != null && h.getTotalCount() > 0) {
                writer.outputIntervalHistogram(h);
            }
        }
        lastIntervalMillis = now;
    }

    /** Closes the window (after a last interval); the totals stay readable. */
    public synchronized void close() {
        if (!open) {
            return;
        }
        interval();
        open = false;
        if (log != null) {
            log.close();
            log = null;
            writer = null;
        }
    }

    public Histogram total(String name) {
        return totals.get(name);
    }

    /** Writes the percentile distribution of each non-empty total, in milliseconds, as {@code <prefix><name>.hgrm}. */
    public void writeDistributions(Path dir, String prefix) throws IOException {
        for (Map.Entry<String, Histogram> e : totals.entrySet()) {
            if (e.getValue().getTotalCount() == 0) {
                continue;
            }
            writeDistribution(dir.resolve(prefix + e.getKey() + ".hgrm"), e.getValue());
        }
    }

    /** Writes {@code h}'s percentile distribution (values in µs) to {@code file}, in milliseconds. */
    public static void writeDistribution(Path file, Histogram h) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(out, 1000.0);
        }
    }
}
