package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Watches what the advisors' desks are sent for the screen pop: for each interaction, the first desk message that
 * shows its offer, then its {@code screenPop} message. While {@link #measuring}, each pop is timed two ways, in
 * microseconds: from the offer's own time ({@code offeredAt}, the engine's clock in milliseconds — the machine's
 * clock, on the same machine) to the pop's receipt, and from the receipt of the desk message that showed the offer to
 * the pop's receipt; and counted by what it said ({@code accountStatus}: found, not-found, unavailable, none).
 */
final class ScreenPopWatch implements Consumer<String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An offer seen on a desk: its engine time (ms) and when its desk message arrived (System.nanoTime). */
    private record Seen(long offeredAtMillis, long receivedNanos) {}

    private final Map<String, Seen> offers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> popped = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder popsWithoutOffer = new LongAdder();
    private final Histogram fromOffer = new Histogram(3);
    private final Histogram afterDesk = new Histogram(3);
    private volatile boolean measuring;

    /** Pops from now on are counted (or, with false, no longer). */
    void measuring(boolean on) {
        measuring = on;
    }

    @Override
    public void accept(String text) {
        long received = System.nanoTime();
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        switch (m.path("type").asText()) {
            case "desk" -> {
                for (JsonNode o : m.path("state").path("offers")) {
                    String id = o.path("interactionId").asText();
                    offers.computeIfAbsent(
                            id,
                            k -> new Seen(
                                    Instant.parse(o.path("offeredAt").asText()).toEpochMilli(), received));
                }
            }
            case "screenPop" -> popped(m, received);
            default -> {}
        }
    }

    private void popped(JsonNode m, long received) {
        Instant now = Instant.now();
        String id = m.path("interactionId").asText();
        if (popped.putIfAbsent(id, Boolean.TRUE) != null || !measuring) {
            return;
        }
        statuses.computeIfAbsent(m.path("accountStatus").asText(), k -> new LongAdder())
                .increment();
        Seen seen = offers.get(id);
        if (seen == null) {
            popsWithoutOffer.increment();
            return;
        }
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000 - seen.offeredAtMillis() * 1_000;
        synchronized (this) {
            fromOffer.recordValue(Math.max(0, micros));
            afterDesk.recordValue(Math.max(0, (received - seen.receivedNanos()) / 1_000));
        }
    }

    /** Offer's time → pop received, µs. */
    synchronized Histogram fromOffer() {
        return fromOffer.copy();
    }

    /** Desk message with the offer received → pop received, µs. */
    synchronized Histogram afterDesk() {
        return afterDesk.copy();
    }

    /** Pops counted, by {@code accountStatus}. */
    Map<String, Long> statuses() {
        Map<String, Long> out = new TreeMap<>();
        statuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Pops counted whose offer no desk message had shown (a pop for work taken over, say). */
    long popsWithoutOffer() {
        return popsWithoutOffer.sum();
    }
}
