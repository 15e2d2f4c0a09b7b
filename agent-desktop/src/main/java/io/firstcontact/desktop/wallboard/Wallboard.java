package io.firstcontact.desktop.wallboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.push.Fanout;
import io.firstcontact.desktop.push.Feed;
import io.firstcontact.desktop.push.PushConnection;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.Mentions;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The live wallboard's state and its push to every open wallboard: followed from committed entries (subscribed after
 * the read model), it notes which advisors and queues each entry touched; at most every {@link
 * WallboardOptions#minPushInterval()} it rebuilds only those rows and tiles, keeps the ones that changed, and sends that
 * one patch — rendered to JSON once — to every wallboard, a slice of them at a time ({@link Fanout}: the server's
 * sockets share the engine's event loop). A new wallboard gets the whole board, taken in the same
 * engine step as it joins the list, so no patch falls between the two. Today's figures and the alerts that hold come
 * from the statistics ({@link BoardStatistics}), whose changes and alerts schedule a push like an entry's. Nothing runs while no wallboard is open, and
 * nothing is pushed because time passed: the pages count waits and times in state up from the instants they are sent.
 *
 * <p>Messages: {@code {"type":"board",…}} (everything: advisors, queues, the centre's {@code day} by 15 minutes, alerts,
 * and whether there are {@code statistics}), {@code {"type":"patch",…}} (the rows, tiles, intervals and alerts that
 * changed, and {@code oldestAt}: the engine time of the oldest entry whose change it carries), {@code {"type":"current","entryId":…}} (a resuming page already has the latest entry). Each carries the
 * latest entry's id and engine time ({@code at}) and the server's clock ({@code now}), so a page can correct for its
 * own clock.
 *
 * <p>{@link #committed}, {@link #attach} and {@link #detach} run on the engine thread; messages are rendered and sent
 * on {@code render}.
 */
public final class Wallboard implements EffectSink {
    private final BoardFigures figures;
    private final BoardStatistics statistics;
    private final Function<String, String> names;
    private final Executor engineThread;
    private final Executor render;
    private final Vertx vertx;
    private final WallboardOptions options;
    private final DeskObserver observer;
    private final LongSupplier clock;
    private final Fanout fanout = new Fanout(Fanout.DEFAULT_SLICE);

    private final List<PushConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, AdvisorRow> rows = new TreeMap<>();
    private final Map<String, QueueTile> tiles = new LinkedHashMap<>();
    private final Map<String, BoardAlert> lasting = new LinkedHashMap<>();
    private final Deque<BoardAlert> moments = new ArrayDeque<>();
    /** The centre's intervals today as last sent, by their start. */
    private final Map<Long, BoardStatistics.DayInterval> day = new TreeMap<>();

    private AutoCloseable listening;
    private boolean dayTouched;

    private final Set<String> touchedAgents = new HashSet<>();
    private boolean everyone;
    private boolean queuesTouched;
    private boolean alertsTouched;
    private long touchedAtNanos;
    /** Engine time of the oldest entry not yet pushed. */
    private long touchedAt;

    private String entryId;
    private long at;

    private boolean flushScheduled;
    private long lastFlushNanos;

    /**
     * @param names how advisors are called on the board
     * @param render the thread messages are rendered and sent on, off the engine's event loop
     * @param clock the server's clock (epoch millis), sent with every message
     */
    public Wallboard(
            io.firstcontact.router.view.LiveView view,
            BoardStatistics statistics,
            Function<String, String> names,
            Executor engineThread,
            Executor render,
            Vertx vertx,
            WallboardOptions options,
            DeskObserver observer,
            LongSupplier clock) {
        this(
                new ViewFigures(view, statistics, names),
                statistics,
                names,
                engineThread,
                render,
                vertx,
                options,
                observer,
                clock);
    }

    Wallboard(
            BoardFigures figures,
            BoardStatistics statistics,
            Function<String, String> names,
            Executor engineThread,
            Executor render,
            Vertx vertx,
            WallboardOptions options,
            DeskObserver observer,
            LongSupplier clock) {
        this.figures = Objects.requireNonNull(figures, "figures");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.names = names;
        this.engineThread = engineThread;
        this.render = render;
        this.vertx = vertx;
        this.options = options;
        this.observer = observer;
        this.clock = clock;
    }

    /** Wallboards open now. */
    public int watching() {
        return connections.size();
    }

    // ------------------------------------------------------------------ following routing (engine thread)

    @Override
    public void committed(EngineInput input, Decision decision) {
        entryId = input.entryId();
        at = input.at();
        if (connections.isEmpty()) {
            return; // nobody watches: the board is built afresh for the first who does
        }
        boolean fresh = touchedAgents.isEmpty() && !everyone && !queuesTouched && !alertsTouched;
        boolean touched = false;
        for (Fact f : decision.facts()) {
            touched |= note(f);
        }
        for (Effect e : decision.effects()) {
            if (e instanceof Effect.SupervisorAlert a) {
                moment(a);
                touched = true;
            }
            String agent = Mentions.agentId(e);
            if (agent != null) {
                touchedAgents.add(agent);
                touched = true;
            }
        }
        if (touched) {
            if (fresh) {
                touchedAtNanos = System.nanoTime();
                touchedAt = at;
            }
            schedule();
        }
    }

    private boolean note(Fact f) {
        switch (f) {
            case Fact.ConfigurationApplied c -> {
                everyone = true;
                queuesTouched = true;
            }
            case Fact.AgentDefined d -> everyone = true;
            case Fact.VisitStarted v -> queuesTouched = true;
            case Fact.VisitEnded v -> queuesTouched = true;
            case Fact.OfferCreated o -> {
                queuesTouched = true;
                if (o.kind() == io.firstcontact.router.api.model.OfferKind.CONSULT) {
                    touchedAgents.addAll(figures.holders(o.interactionId())); // the advisor asking is consulting
                }
            }
            case Fact.OfferStatusChanged o -> queuesTouched = true;
            case Fact.QueueOpened q -> queuesTouched = true;
            case Fact.QueueClosed q -> queuesTouched = true;
            case Fact.PresenceChanged p -> queuesTouched = true;
            case Fact.PresencePending p -> queuesTouched = true;
            case Fact.RoutingProfileAssigned r -> queuesTouched = true;
            case Fact.AssignmentStarted a -> queuesTouched = true;
            case Fact.AssignmentEnded a -> queuesTouched = true;
            case Fact.WrapUpStarted w -> queuesTouched = true;
            // Facts about a call, not an advisor: the advisors on it are shown on hold, or in a consult.
            case Fact.InteractionParked p -> touchedAgents.addAll(figures.holders(p.interactionId()));
            case Fact.InteractionResumed r -> touchedAgents.addAll(figures.holders(r.interactionId()));
            case Fact.ConsultStarted c -> touchedAgents.addAll(figures.holders(c.interactionId()));
            case Fact.ConsultEnded c -> touchedAgents.addAll(figures.holders(c.interactionId()));
            default -> {}
        }
        String agent = Mentions.agentId(f);
        if (agent != null) {
            touchedAgents.add(agent);
        }
        return true;
    }

    private void moment(Effect.SupervisorAlert a) {
        String subject = a.interactionId() != null ? a.interactionId() : a.agentId();
        String text = switch (a.kind()) {
            case "REPEATED_RONA" -> "Contact " + a.interactionId() + " went unanswered by several advisors in turn";
            case "REJECTS" -> "Advisor " + a.agentId() + " was paused after rejecting several offers";
            default -> a.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        moments.addFirst(
                new BoardAlert(a.kind() + ":" + subject + ":" + at, a.kind(), text, null, a.agentId(), at, false));
        while (moments.size() > options.momentsKept()) {
            moments.removeLast();
        }
        alertsTouched = true;
    }

    /** The statistics' figures changed as of engine time {@code at} (their entry, or a timer of theirs). */
    private void figuresChanged(long changedAt) {
        if (connections.isEmpty()) {
            return;
        }
        if (touchedAgents.isEmpty() && !everyone && !queuesTouched && !alertsTouched && !dayTouched) {
            touchedAtNanos = System.nanoTime();
            touchedAt = changedAt;
        }
        queuesTouched = true;
        dayTouched = true;
        schedule();
    }

    private void conditionsChanged() {
        if (connections.isEmpty()) {
            return;
        }
        if (touchedAgents.isEmpty() && !everyone && !queuesTouched && !alertsTouched && !dayTouched) {
            touchedAtNanos = System.nanoTime();
            touchedAt = clock.getAsLong();
        }
        lasting();
        alertsTouched = true;
        schedule();
    }

    /** The conditions that hold, in words. */
    private void lasting() {
        lasting.clear();
        for (BoardStatistics.Condition c : statistics.conditions()) {
            lasting.put(c.key(), alert(c));
        }
    }

    private BoardAlert alert(BoardStatistics.Condition c) {
        String text = switch (c.kind()) {
            case "LONGEST_WAIT_OVER_THRESHOLD" -> "Longest wait in " + c.queue() + " over " + seconds(c.threshold());
            case "SERVICE_LEVEL_BELOW_TARGET" ->
                "Service level in " + c.queue() + " below its target of " + Math.round(c.threshold() * 100) + " %";
            case "NOT_READY_TOO_LONG" ->
                names.apply(c.agentId()) + " not ready (" + c.reason() + ") for over " + seconds(c.threshold());
            case "NO_ADVISOR_LOGGED_IN" -> "No advisor logged in for " + c.queue() + ", which is open";
            default -> c.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        return new BoardAlert(c.key(), c.kind(), text, c.queue(), c.agentId(), c.holdsSince(), true);
    }

    /** 90000 → "1 min 30 s", 30000 → "30 s". */
    static String seconds(double millis) {
        long s = Math.round(millis / 1000);
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    private void schedule() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long waitNanos = lastFlushNanos + options.minPushInterval().toNanos() - System.nanoTime();
        long waitMillis = waitNanos <= 0 ? 0 : Math.max(1, waitNanos / 1_000_000);
        if (waitMillis == 0) {
            engineThread.execute(this::flush);
        } else {
            // An exact instant: the first moment the next push is allowed.
            vertx.setTimer(waitMillis, t -> engineThread.execute(this::flush));
        }
    }

    /** Builds what changed since the last push and sends it to every wallboard. Engine thread. */
    private void flush() {
        flushScheduled = false;
        lastFlushNanos = System.nanoTime();
        if (connections.isEmpty()) {
            clearTouched();
            return;
        }
        long now = clock.getAsLong();
        List<AdvisorRow> changedRows = new ArrayList<>();
        for (String id : everyone ? new ArrayList<>(figures.advisors()) : touchedAgents) {
            AdvisorRow r = figures.row(id, now);
            if (r != null && !r.equals(rows.get(id))) {
                rows.put(id, r);
                changedRows.add(r);
            }
        }
        List<QueueTile> changedTiles = new ArrayList<>();
        if (queuesTouched) {
            for (String q : figures.queues()) {
                QueueTile t = figures.tile(q, now);
                if (t != null && !t.equals(tiles.get(q))) {
                    tiles.put(q, t);
                    changedTiles.add(t);
                }
            }
            tiles.keySet().retainAll(new HashSet<>(figures.queues()));
        }
        List<BoardStatistics.DayInterval> changedDay = new ArrayList<>();
        if (dayTouched) {
            for (BoardStatistics.DayInterval i : statistics.centreDay(now)) {
                if (!i.equals(day.get(i.startAt()))) {
                    day.put(i.startAt(), i);
                    changedDay.add(i);
                }
            }
        }
        boolean alerts = alertsTouched;
        long since = touchedAtNanos;
        long oldest = touchedAt;
        clearTouched();
        if (changedRows.isEmpty() && changedTiles.isEmpty() && changedDay.isEmpty() && !alerts) {
            return;
        }
        Patch patch = new Patch(
                entryId,
                at,
                oldest,
                now,
                changedRows,
                changedTiles,
                changedDay,
                alerts ? alerts() : null,
                List.copyOf(connections));
        render.execute(
                () -> fanout.send(patch.json(), patch.to(), () -> observer.boardPushed(System.nanoTime() - since)));
    }

    private void clearTouched() {
        touchedAgents.clear();
        everyone = false;
        queuesTouched = false;
        alertsTouched = false;
        dayTouched = false;
    }

    private List<BoardAlert> alerts() {
        List<BoardAlert> out = new ArrayList<>(lasting.values());
        out.addAll(moments);
        return out;
    }

    // ------------------------------------------------------------------ wallboards joining and leaving

    /**
     * A wallboard joins: it gets the whole board, or word that it is current when it resumes at the latest entry.
     * Engine thread.
     */
    public void attach(PushConnection c, String resumeAfter) {
        long now = clock.getAsLong();
        if (connections.isEmpty()) {
            rebuild(now);
            listening = statistics.subscribe(new BoardStatistics.Listener() {
                @Override
                public void figuresChanged(long changedAt) {
                    Wallboard.this.figuresChanged(changedAt);
                }

                @Override
                public void conditionsChanged() {
                    Wallboard.this.conditionsChanged();
                }
            });
        } else {
            flush(); // the others get what is pending first, so the board taken next is current for everyone
        }
        connections.add(c);
        boolean current = resumeAfter != null && resumeAfter.equals(entryId);
        Board board = current
                ? null
                : new Board(
                        entryId,
                        at,
                        now,
                        statistics.available(),
                        List.copyOf(rows.values()),
                        List.copyOf(tiles.values()),
                        List.copyOf(day.values()),
                        alerts());
        String id = entryId;
        render.execute(() -> {
            String json;
            if (board == null) {
                ObjectNode m = PublicJson.MAPPER.createObjectNode();
                m.put("type", "current");
                m.put("entryId", id);
                m.put("now", PublicJson.time(clock.getAsLong()));
                json = m.toString();
            } else {
                json = board.json();
            }
            fanout.send(json, List.of(c), () -> {}); // in line with the patches that follow it
        });
    }

    /** A wallboard left. Engine thread. */
    public void detach(PushConnection c) {
        connections.remove(c);
        if (connections.isEmpty() && listening != null) {
            try {
                listening.close(); // nobody watches: the statistics need not say what changed
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            listening = null;
        }
    }

    private void rebuild(long now) {
        rows.clear();
        for (String id : figures.advisors()) {
            AdvisorRow r = figures.row(id, now);
            if (r != null) {
                rows.put(id, r);
            }
        }
        tiles.clear();
        for (String q : figures.queues()) {
            QueueTile t = figures.tile(q, now);
            if (t != null) {
                tiles.put(q, t);
            }
        }
        day.clear();
        for (BoardStatistics.DayInterval i : statistics.centreDay(now)) {
            day.put(i.startAt(), i);
        }
        lasting();
        clearTouched();
    }

    /** The push feed of {@code /supervisor/push}: each connection joins and leaves on the engine thread. */
    public Feed feed() {
        return (connection, resumeAfter) -> {
            engineThread.execute(() -> {
                if (!connection.closed()) {
                    attach(connection, resumeAfter);
                }
            });
            return () -> engineThread.execute(() -> detach(connection));
        };
    }

    // ------------------------------------------------------------------ messages

    /** @param statistics whether this server has statistics (the tiles' figures of today, the chart) */
    private record Board(
            String entryId,
            long at,
            long now,
            boolean statistics,
            List<AdvisorRow> advisors,
            List<QueueTile> queues,
            List<BoardStatistics.DayInterval> day,
            List<BoardAlert> alerts) {
        String json() {
            ObjectNode m = head("board", entryId, at, now);
            m.put("statistics", statistics);
            rows(m.putArray("advisors"), advisors);
            rows(m.putArray("queues"), queues);
            rows(m.putArray("day"), day);
            rows(m.putArray("alerts"), alerts);
            return m.toString();
        }
    }

    /** @param oldestAt the engine time of the oldest entry whose change this patch carries */
    private record Patch(
            String entryId,
            long at,
            long oldestAt,
            long now,
            List<AdvisorRow> advisors,
            List<QueueTile> queues,
            List<BoardStatistics.DayInterval> day,
            List<BoardAlert> alerts,
            List<PushConnection> to) {
        String json() {
            ObjectNode m = head("patch", entryId, at, now);
            m.put("oldestAt", PublicJson.time(oldestAt));
            rows(m.putArray("advisors"), advisors);
            rows(m.putArray("queues"), queues);
            rows(m.putArray("day"), day);
            if (alerts != null) {
                rows(m.putArray("alerts"), alerts);
            }
            return m.toString();
        }
    }

    private static ObjectNode head(String type, String entryId, long at, long now) {
        ObjectNode m = PublicJson.MAPPER.createObjectNode();
        m.put("type", type);
        m.put("entryId", entryId);
        m.put("at", PublicJson.time(at));
        m.put("now", PublicJson.time(now));
        return m;
    }

    private static void rows(ArrayNode into, List<? extends Record> rows) {
        for (Record r : rows) {
            into.add(PublicJson.view(r));
        }
    }
}
