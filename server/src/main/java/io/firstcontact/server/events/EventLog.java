package io.firstcontact.server.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.firstcontact.router.engine.Decision;
import io.firstcontact.router.engine.EngineInput;
import io.firstcontact.router.engine.event.Fact;
import io.firstcontact.router.host.EffectSink;
import io.firstcontact.server.api.PublicJson;
import io.firstcontact.server.view.Mentions;
import java.util.ArrayList;
import java.util.Collections;
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
     * A committed entry as the stream shows it, already written as JSON: the event's opening ({@code id}, {@code at},
     * {@code source}, {@code input}), each fact, and the advisor each fact names (null for none), so that every
     * stream and the command's reply share one rendering and an agent's stream picks its own facts without parsing.
     * {@code seq} orders entries across epochs.
     */
    public record Item(String id, long seq, String head, List<String> facts, List<String> agents, long committedNanos) {

        /** Renders an entry's facts (there is at least one). */
        public static Item of(
                String id, long seq, long at, String source, String inputType, List<Fact> facts, long committedNanos) {
            List<String> written = new ArrayList<>(facts.size());
            List<String> agents = new ArrayList<>(facts.size());
            for (Fact f : facts) {
                written.add(PublicJson.fact(f));
                agents.add(Mentions.agentId(f));
            }
            String head = "{\"id\":" + quoted(id) + ",\"at\":" + quoted(PublicJson.time(at)) + ",\"source\":"
                    + quoted(source) + ",\"input\":" + quoted(inputType) + ",\"events\":";
            return new Item(
                    id,
                    seq,
                    head,
                    Collections.unmodifiableList(written),
                    Collections.unmodifiableList(agents),
                    committedNanos);
        }

        /** The event's JSON with every fact. */
        public String data() {
            return head + PublicJson.array(facts) + "}";
        }

        /** The event's JSON with only the facts naming {@code agentId}, or null when none does. */
        public String dataFor(String agentId) {
            List<String> mine = null;
            for (int i = 0; i < facts.size(); i++) {
                if (agentId.equals(agents.get(i))) {
                    if (mine == null) {
                        mine = new ArrayList<>();
                    }
                    mine.add(facts.get(i));
                }
            }
            return mine == null ? null : head + PublicJson.array(mine) + "}";
        }

        private static String quoted(String value) {
            return value == null
                    ? "null"
                    : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
        }
    }

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

    /** An entry re-applied by recovery: kept for resumes, never pushed as new. */
    public void replayed(EngineInput input, Decision decision) {
        add(input, decision, 0);
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
    public List<String> renderedFacts(Decision decision) {
        Last l = last;
        if (l != null && l.decision() == decision) {
            return l.item().facts();
        }
        List<String> written = new ArrayList<>(decision.facts().size());
        for (Fact f : decision.facts()) {
            written.add(PublicJson.fact(f));
        }
        return written;
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
