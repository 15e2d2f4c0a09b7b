package io.firstcontact.server.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.Mentions;
import io.firstcontact.router.wire.PublicJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The committed events the event stream serves: a ring of the most recent entries (older ones are read back from the
 * journal) and the live subscribers. Confined to the engine thread, like the host's sink: {@link #committed} appends
 * and fans out; {@link #attach} hands a subscriber what it missed from the ring and registers it in one step, so
 * nothing falls between catch-up and live delivery.
 */
public final class EventLog implements EffectSink {

    /**
     * A committed entry as the stream shows it, written once as the event's JSON ({@code id}, {@code at}, {@code
     * source}, {@code input}, {@code events}), with where each fact starts in it and the advisor each fact names, so
     * that every stream and the command's reply share one rendering and an agent's stream picks its own facts without
     * parsing. Compact on purpose: the ring holds many of these, and few objects per entry keep the collector's
     * copying cheap. {@code seq} orders entries across epochs.
     */
    public static final class Item {
        private final String id;
        private final long seq;
        private final long committedNanos;
        private final String data;
        /** Where each fact starts in {@link #data}, then where the events array closes. */
        private final int[] factAt;
        /** The advisor each fact names, or null. */
        private final String[] agents;

        private Item(String id, long seq, long committedNanos, String data, int[] factAt, String[] agents) {
            this.id = id;
            this.seq = seq;
            this.committedNanos = committedNanos;
            this.data = data;
            this.factAt = factAt;
            this.agents = agents;
        }

        /** Renders an entry with at least one fact. */
        public static Item of(
                String id, long seq, long at, String source, String inputType, List<Fact> facts, long committedNanos) {
            StringBuilder json = new StringBuilder(128 + 160 * facts.size())
                    .append("{\"id\":")
                    .append(quoted(id))
                    .append(",\"at\":")
                    .append(quoted(PublicJson.time(at)))
                    .append(",\"source\":")
                    .append(quoted(source))
                    .append(",\"input\":")
                    .append(quoted(inputType))
                    .append(",\"events\":[");
            int[] factAt = new int[facts.size() + 1];
            String[] agents = new String[facts.size()];
            for (int i = 0; i < facts.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                factAt[i] = json.length();
                json.append(PublicJson.fact(facts.get(i)));
                agents[i] = Mentions.agentId(facts.get(i));
            }
            factAt[facts.size()] = json.length();
            json.append("]}");
            return new Item(id, seq, committedNanos, json.toString(), factAt, agents);
        }

        public String id() {
            return id;
        }

        public long seq() {
            return seq;
        }

        /** When it was committed ({@link System#nanoTime()}), 0 for an entry not committed live. */
        public long committedNanos() {
            return committedNanos;
        }

        /** The event's JSON with every fact. */
        public String data() {
            return data;
        }

        /** The facts alone, as a JSON array. */
        public String factsJson() {
            return "[" + data.substring(factAt[0], factAt[agents.length]) + "]";
        }

        /** The event's JSON with only the facts naming {@code agentId}, or null when none does. */
        public String dataFor(String agentId) {
            StringBuilder json = null;
            for (int i = 0; i < agents.length; i++) {
                if (!agentId.equals(agents[i])) {
                    continue;
                }
                if (json == null) {
                    json = new StringBuilder(data.length()).append(data, 0, factAt[0]);
                } else {
                    json.append(',');
                }
                int end = i + 1 < agents.length ? factAt[i + 1] - 1 : factAt[i + 1]; // without the comma
                json.append(data, factAt[i], end);
            }
            return json == null ? null : json.append("]}").toString();
        }

        private static String quoted(String value) {
            return value == null
                    ? "null"
                    : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
        }
    }

    private record Replayed(EngineInput input, Decision decision) {}

    /** The entry committed last with its decision, read by the reply to that decision (on the engine thread). */
    private record Last(Decision decision, Item item) {}

    /** A live subscriber: called on the engine thread, must hand off at once. */
    public interface Subscriber extends Consumer<Item> {}

    private final Item[] ring;
    private int head; // next write position
    private int size;
    /** The ring holds every entry with facts after this sequence number. */
    private long completeAfter = -1;

    private final List<Subscriber> live = new ArrayList<>();
    private final ArrayDeque<Replayed> replaying = new ArrayDeque<>();
    private Last last;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new Item[capacity];
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        add(input, decision, System.nanoTime());
    }

    /**
     * An entry re-applied by recovery: kept for resumes, never pushed as new. It is rendered only when recovery is over
     * ({@link #recovered}), and only if the ring keeps it: a long journal is replayed without writing JSON for entries
     * the ring would drop anyway.
     */
    public void replayed(EngineInput input, Decision decision) {
        if (completeAfter < 0) {
            completeAfter = input.seq() - 1;
        }
        if (decision.facts().isEmpty()) {
            return;
        }
        if (replaying.size() == ring.length) {
            completeAfter = replaying.removeFirst().input().seq(); // dropped before it was rendered
        }
        replaying.addLast(new Replayed(input, decision));
    }

    /** Recovery is over: the replayed entries the ring keeps are rendered into it. Call before the first live entry. */
    public void recovered() {
        for (Replayed r : replaying) {
            add(r.input(), r.decision(), 0);
        }
        replaying.clear();
    }

    private void add(EngineInput input, Decision decision, long committedNanos) {
        if (completeAfter < 0) {
            completeAfter = input.seq() - 1;
        }
        if (decision.facts().isEmpty()) {
            return; // nothing happened (a refused command, a no-op deadline): nothing to stream
        }
        Item item = Item.of(
                input.entryId(),
                input.seq(),
                input.at(),
                input.source(),
                input.command().getClass().getSimpleName(),
                decision.facts(),
                committedNanos);
        last = new Last(decision, item);
        if (size == ring.length) {
            completeAfter = ring[head].seq(); // evicted
        }
        ring[head] = item;
        head = (head + 1) % ring.length;
        if (size < ring.length) {
            size++;
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).accept(item);
        }
    }

    /**
     * The facts of {@code decision} as the stream wrote them: the reply to a command shares the rendering of the entry
     * just committed (it is answered right after the listeners hear of it); any other decision is rendered here.
     */
    public String renderedFacts(Decision decision) {
        Last l = last;
        if (l != null && l.decision() == decision) {
            return l.item().factsJson();
        }
        return PublicJson.facts(decision.facts());
    }

    /** The ring is complete after this sequence number; -1 before the first entry. */
    public long completeAfter() {
        return completeAfter;
    }

    /** The newest sequence number seen, or -1. */
    public long newestSeq() {
        return size == 0 ? -1 : ring[(head - 1 + ring.length) % ring.length].seq();
    }

    /**
     * What the ring holds after {@code afterSeq}, then registers the subscriber for everything later. Returns null
     * (and registers nothing) when the ring no longer reaches back to {@code afterSeq}: the caller reads the journal
     * first and tries again.
     */
    public List<Item> attach(long afterSeq, Subscriber subscriber) {
        if (completeAfter >= 0 && afterSeq < completeAfter) {
            return null;
        }
        List<Item> missed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Item item = ring[(head - size + i + ring.length) % ring.length];
            if (item.seq() > afterSeq) {
                missed.add(item);
            }
        }
        live.add(subscriber);
        return missed;
    }

    public void detach(Subscriber subscriber) {
        live.remove(subscriber);
    }

    public int subscribers() {
        return live.size();
    }
}
