package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.anyRole;
import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.AGENT;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.journal.JournalEntry;
import io.firstcontact.router.journal.redis.RedisJournal;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.InteractionFilter;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.view.QueueView;
import io.firstcontact.router.view.Trace;
import io.firstcontact.router.view.WaitingPage;
import io.firstcontact.router.wire.PublicJson;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The read side of the API, answered from the read model ({@link LiveView}) on the engine thread: queues with their
 * waiting interactions' positions and expected waits, interactions, advisors, offers, and each interaction's trace
 * (its journal entries, read back from Redis).
 */
public final class ViewRoutes implements Ownership {
    private static final int DEFAULT_LIMIT = 100;

    private final RoutingRuntime runtime;
    private final LiveView view;

    public ViewRoutes(RoutingRuntime runtime, LiveView view) {
        this.runtime = runtime;
        this.view = view;
    }

    private <T> CompletableFuture<T> read(Function<LiveView, T> query) {
        return runtime.query(engine -> query.apply(view));
    }

    /** A page read: a cursor the view cannot place is the caller's mistake (422), not the server's. */
    private <T> CompletableFuture<T> readPage(Function<LiveView, T> query, String pages) {
        return read(v -> {
            try {
                return query.apply(v);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "cursor must be a nextCursor of " + pages);
            }
        });
    }

    void register(Api api) {
        api.get(
                "/api/v1/queues",
                anyRole(),
                (ctx, p) -> read(LiveView::queues).thenApply(list -> {
                    ObjectNode body = PublicJson.MAPPER.createObjectNode();
                    ArrayNode items = body.putArray("items");
                    for (QueueView q : list) {
                        items.add(PublicJson.view(q));
                    }
                    return Api.Reply.ok(body);
                }));
        api.get("/api/v1/queues/:name", anyRole(), (ctx, p) -> {
            String name = ctx.pathParam("name");
            return read(v -> v.queue(name))
                    .thenApply(q ->
                            Api.Reply.ok(PublicJson.view(q.orElseThrow(() -> ApiProblem.notFound("no such queue")))));
        });
        api.get("/api/v1/queues/:name/waiting", roles(SUPERVISOR, ADMIN, INTEGRATION), (ctx, p) -> {
            String name = ctx.pathParam("name");
            String cursor = inward(ctx.request().getParam("cursor"));
            int limit = limit(ctx);
            return readPage(v -> v.waiting(name, cursor, limit), "this queue's pages")
                    .thenApply(page -> {
                        WaitingPage w = page.orElseThrow(() -> ApiProblem.notFound("no such queue"));
                        ObjectNode body = PublicJson.MAPPER.createObjectNode();
                        body.put("queue", w.queue());
                        ArrayNode items = body.putArray("items");
                        w.entries().forEach(e -> items.add(PublicJson.view(e)));
                        body.put("nextCursor", outward(w.nextCursor()));
                        return Api.Reply.ok(body);
                    });
        });
        api.get("/api/v1/interactions", anyRole(), (ctx, p) -> {
            InteractionFilter asked = InteractionSearch.filter(ctx);
            InteractionFilter filter = p.is(AGENT) ? asked.withOfferedTo(p.agentId()) : asked;
            String cursor = ctx.request().getParam("cursor");
            int limit = limit(ctx);
            return readPage(v -> v.interactions(filter, cursor, limit), "this list")
                    .thenApply(page -> {
                        ObjectNode body = PublicJson.MAPPER.createObjectNode();
                        ArrayNode items = body.putArray("items");
                        page.items().forEach(i -> items.add(PublicJson.view(i)));
                        body.put("nextCursor", page.nextCursor());
                        return Api.Reply.ok(body);
                    });
        });
        api.get("/api/v1/interactions/:id", anyRole(), (ctx, p) -> {
            String id = ctx.pathParam("id");
            record Seen(Optional<InteractionView> interaction, boolean offeredToAgent) {}
            return read(v -> new Seen(v.interaction(id), p.is(AGENT) && v.offeredTo(id, p.agentId())))
                    .thenApply(seen -> {
                        InteractionView i =
                                seen.interaction().orElseThrow(() -> ApiProblem.notFound("no such interaction"));
                        if (p.is(AGENT) && !seen.offeredToAgent()) {
                            throw ApiProblem.forbidden("an agent sees only the interactions offered to it");
                        }
                        return Api.Reply.ok(PublicJson.view(i));
                    });
        });
        api.get("/api/v1/interactions/:id/trace", roles(SUPERVISOR, ADMIN), (ctx, p) -> {
            String id = ctx.pathParam("id");
            return read(v -> v.trace(id))
                    .thenApplyAsync(
                            found -> trace(
                                    found.orElseThrow(() -> ApiProblem.notFound("no trace of such an interaction"))),
                            runnable -> Thread.ofVirtual().start(runnable));
        });
        api.get("/api/v1/agents", roles(SUPERVISOR, ADMIN, INTEGRATION), (ctx, p) -> {
            String cursor = ctx.request().getParam("cursor");
            int limit = limit(ctx);
            return read(LiveView::agents).thenApply(all -> {
                ObjectNode body = PublicJson.MAPPER.createObjectNode();
                ArrayNode items = body.putArray("items");
                String last = null;
                for (AgentView a : all) { // in id order
                    if (cursor != null && a.agentId().compareTo(cursor) <= 0) {
                        continue;
                    }
                    if (items.size() == limit) {
                        break;
                    }
                    items.add(PublicJson.view(a));
                    last = a.agentId();
                }
                boolean more = last != null
                        && !all.isEmpty()
                        && !all.get(all.size() - 1).agentId().equals(last);
                body.put("nextCursor", more ? last : null);
                return Api.Reply.ok(body);
            });
        });
        api.get("/api/v1/agents/:id", anyRole(), (ctx, p) -> {
            String id = ctx.pathParam("id");
            if (!p.actsFor(id)) {
                throw ApiProblem.forbidden("an agent token sees only its own advisor");
            }
            return read(v -> v.agent(id))
                    .thenApply(a ->
                            Api.Reply.ok(PublicJson.view(a.orElseThrow(() -> ApiProblem.notFound("no such advisor")))));
        });
        api.get("/api/v1/offers/:id", anyRole(), (ctx, p) -> {
            String id = ctx.pathParam("id");
            return read(v -> v.offer(id)).thenApply(found -> {
                OfferView o = found.orElseThrow(() -> ApiProblem.notFound("no such offer"));
                if (!p.actsFor(o.agentId())) {
                    throw ApiProblem.forbidden("this offer is another advisor's");
                }
                return Api.Reply.ok(PublicJson.view(o));
            });
        });
    }

    /**
     * A waiting page's cursor as clients see it: opaque (base64url of the read model's), so that no cursor reads as a
     * long number the card-number tripwire could take for a card's when it comes back.
     */
    static String outward(String cursor) {
        return cursor == null
                ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /** The read model's cursor from a client's; one that is not base64url gets 422 like any other wrong cursor. */
    static String inward(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "cursor must be a nextCursor of this queue's pages");
        }
    }

    private static int limit(RoutingContext ctx) {
        String raw = ctx.request().getParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= LiveView.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiProblem.invalid("limit", "limit must be 1–" + LiveView.MAX_PAGE);
    }

    /** The trace's entries, read back from the journal (a blocking read, off the event loop). */
    private Api.Reply trace(Trace trace) {
        RedisJournal stream = runtime.stream();
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("interactionId", trace.interactionId());
        body.put("earlierEntriesDropped", trace.earlierDropped());
        body.put("startsAfter", trace.startsAfter());
        ArrayNode entries = body.putArray("entries");
        int trimmed = 0;
        for (String id : trace.entryIds()) {
            Optional<RedisJournal.Entry> raw = stream.get(id);
            if (raw.isEmpty()) {
                trimmed++;
                continue;
            }
            JournalEntry e = runtime.codec().decodeEntry(raw.get().payload());
            ObjectNode o = entries.addObject();
            o.put("id", e.id());
            o.put("at", PublicJson.time(e.input().at()));
            o.put("source", e.input().source());
            o.set("input", PublicJson.record((Record) e.input().command()));
            ArrayNode facts = o.putArray("facts");
            for (Fact f : e.decision().facts()) {
                facts.add(PublicJson.record((Record) f));
            }
            ArrayNode effects = o.putArray("effects");
            for (Effect f : e.decision().effects()) {
                effects.add(PublicJson.record((Record) f));
            }
        }
        body.put("entriesTrimmed", trimmed);
        return Api.Reply.ok(body);
    }

    // ------------------------------------------------------------------ Ownership

    @Override
    public CompletableFuture<Optional<OfferRef>> offer(String offerId) {
        return read(v -> v.offer(offerId).map(o -> new OfferRef(o.offerId(), o.interactionId(), o.agentId())));
    }

    @Override
    public CompletableFuture<Optional<String>> assignmentAgent(String assignmentId) {
        return read(v -> v.assignment(assignmentId).map(a -> a.agentId()));
    }

    /** An interaction as the read model has it. */
    CompletableFuture<Optional<InteractionView>> interaction(String interactionId) {
        return read(v -> v.interaction(interactionId));
    }

    /** The configured queues' names, in the read model's order. */
    CompletableFuture<List<String>> queueNames() {
        return read(v -> v.queues().stream().map(QueueView::queue).toList());
    }

    @Override
    public CompletableFuture<Boolean> knowsAdvisor(String agentId) {
        return read(v -> v.agent(agentId).isPresent());
    }

    @Override
    public CompletableFuture<Boolean> holds(String agentId, String interactionId) {
        return read(v -> v.interaction(interactionId)
                .map(i -> agentId.equals(i.agentId()))
                .orElse(false));
    }

    private record Reconciled(List<String> missing, List<String> unknown) {}

    @Override
    public CompletableFuture<Api.Reply> reconcile(Api.Call call, String source, List<String> sourceRefs) {
        Set<String> listed = new HashSet<>(sourceRefs);
        String prefix = source + ":";
        return read(v -> {
                    List<String> missing = new ArrayList<>();
                    Set<String> known = new HashSet<>();
                    for (InteractionView i : v.liveInteractions()) {
                        if (!i.sourceRef().startsWith(prefix)) {
                            continue;
                        }
                        known.add(i.sourceRef());
                        if (!listed.contains(i.sourceRef())) {
                            missing.add(i.interactionId());
                        }
                    }
                    List<String> unknown = new ArrayList<>();
                    for (String ref : sourceRefs) {
                        if (!known.contains(ref)) {
                            unknown.add(ref);
                        }
                    }
                    return new Reconciled(missing, unknown);
                })
                .thenCompose(found -> {
                    List<String> missing = found.missing();
                    List<String> unknown = found.unknown();
                    List<CompletableFuture<?>> ends = new ArrayList<>();
                    for (String id : missing) {
                        ends.add(runtime.submit(
                                "api", null, new Command.EndInteraction(id, EndReason.LOST_DURING_OUTAGE)));
                    }
                    return CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
                            .thenApply(done -> {
                                ObjectNode body = PublicJson.MAPPER.createObjectNode();
                                body.put("source", source);
                                ArrayNode ended = body.putArray("endedAsLost");
                                missing.forEach(ended::add);
                                ArrayNode create = body.putArray("unknown");
                                unknown.forEach(create::add);
                                return Api.Reply.ok(body);
                            });
                });
    }
}
