package io.firstcontact.desktop.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.audit.AuditRecord;
import io.firstcontact.desktop.audit.AuditTrail;
import io.firstcontact.desktop.desk.ConversationJson;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.desktop.story.ContactStories;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.InteractionFilter;
import io.firstcontact.router.view.InteractionPage;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's API, {@code /supervisor/api/…}, behind the supervisor guard (session, role, CSRF token): change an
 * advisor's state, move them to another routing profile, open and close queues, find contacts and read each one's
 * decision trace in words, join calls and chats, download the statistics' CSV exports for a range of dates, read
 * the audit trail. Every action is audited ({@link AuditedCommands}); the commands carry the supervisor as their
 * actor where routing's schema has one.
 */
final class SupervisorRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorRoutes.class);
    static final int DEFAULT_CONTACTS = 50;
    static final int MAX_AUDIT = 1_000;
    private static final long DAY = 86_400_000L;

    private final LiveView view;
    private final Executor engineThread;
    private final ContactStories stories;
    private final AuditedCommands commands;
    private final AuditTrail trail;
    private final SupervisorPorts ports;
    private final JoinedChats joinedChats;
    private final Function<String, String> names;
    private final LongSupplier clock;

    SupervisorRoutes(
            LiveView view,
            Executor engineThread,
            ContactStories stories,
            AuditedCommands commands,
            SupervisorPorts ports,
            JoinedChats joinedChats,
            Function<String, String> names,
            LongSupplier clock) {
        this.view = view;
        this.engineThread = engineThread;
        this.stories = stories;
        this.commands = commands;
        this.trail = ports.audit();
        this.ports = ports;
        this.joinedChats = joinedChats;
        this.names = names;
        this.clock = clock;
    }

    record PresenceBody(PresenceState presence, String reason, Boolean force) {}

    record ProfileBody(String routingProfile) {}

    record SuperviseBody(CallSupervision.Mode mode, String device) {}

    record ChatMessage(String clientId, String text) {}

    void mount(Router router) {
        JsonRoutes.handle(router.get("/supervisor/api/setup"), (p, ctx) -> onEngine(() -> setup(p)));
        JsonRoutes.handle(router.post("/supervisor/api/advisors/:id/presence"), this::presence);
        JsonRoutes.handle(router.post("/supervisor/api/advisors/:id/routing-profile"), this::routingProfile);
        JsonRoutes.handle(router.post("/supervisor/api/queues/:name/open"), (p, ctx) -> queue(p, ctx, true));
        JsonRoutes.handle(router.post("/supervisor/api/queues/:name/close"), (p, ctx) -> queue(p, ctx, false));
        JsonRoutes.handle(router.get("/supervisor/api/contacts"), this::contacts);
        JsonRoutes.handle(router.get("/supervisor/api/contacts/:id/story"), this::story);
        JsonRoutes.handle(router.post("/supervisor/api/contacts/:id/supervise"), this::supervise);
        JsonRoutes.handle(
                router.post("/supervisor/api/contacts/:id/chat/join"),
                (p, ctx) -> chat(p, ctx, ChatSupervision.Move.JOIN));
        JsonRoutes.handle(
                router.post("/supervisor/api/contacts/:id/chat/take-over"),
                (p, ctx) -> chat(p, ctx, ChatSupervision.Move.TAKE_OVER));
        JsonRoutes.handle(router.get("/supervisor/api/contacts/:id/chat/conversation"), this::joinedChat);
        JsonRoutes.handle(router.post("/supervisor/api/contacts/:id/chat/messages"), this::writeInChat);
        JsonRoutes.handle(router.get("/supervisor/api/audit"), this::audit);
        for (StatisticsExports.Kind kind : StatisticsExports.Kind.values()) {
            router.get("/supervisor/api/exports/" + kind.file()).handler(ctx -> export(ctx, kind));
        }
        JsonRoutes.handle(router.get("/supervisor/api/ivr/calendars"), (p, ctx) -> calendars());
        JsonRoutes.handle(
                router.post("/supervisor/api/ivr/calendars/:calendar/close"), (p, ctx) -> emergency(p, ctx, true));
        JsonRoutes.handle(
                router.post("/supervisor/api/ivr/calendars/:calendar/open"), (p, ctx) -> emergency(p, ctx, false));
    }

    // ------------------------------------------------------------------ actions

    private CompletableFuture<JsonNode> presence(StaffPrincipal p, RoutingContext ctx) {
        PresenceBody b = JsonRoutes.body(ctx, PresenceBody.class);
        if (b.presence() == null) {
            throw Problem.invalid("presence is READY, NOT_READY or LOGGED_OUT");
        }
        String reason = b.presence() == PresenceState.NOT_READY ? b.reason() : null;
        if (b.presence() == PresenceState.NOT_READY && (reason == null || !Ids.valid(reason))) {
            throw Problem.invalid("a not-ready reason is needed");
        }
        boolean force = b.presence() == PresenceState.LOGGED_OUT && Boolean.TRUE.equals(b.force());
        String agentId = ctx.pathParam("id");
        Actor actor = actor(p);
        return onEngine(() -> {
                    knownAdvisor(agentId);
                    if (reason != null && config().notReadyReason(reason) == null) {
                        throw Problem.invalid("not a configured not-ready reason");
                    }
                    return agentId;
                })
                .thenCompose(a -> commands.submit(
                        p,
                        "presence",
                        agentId,
                        b.presence() + (reason == null ? "" : " (" + reason + ")") + (force ? ", forced" : ""),
                        new Command.ChangePresence(agentId, b.presence(), reason, actor, force)))
                .thenApply(JsonRoutes::decided);
    }

    private CompletableFuture<JsonNode> routingProfile(StaffPrincipal p, RoutingContext ctx) {
        ProfileBody b = JsonRoutes.body(ctx, ProfileBody.class);
        if (b.routingProfile() == null || !Ids.valid(b.routingProfile())) {
            throw Problem.invalid("routingProfile names a configured routing profile");
        }
        String agentId = ctx.pathParam("id");
        Actor actor = actor(p);
        return onEngine(() -> {
                    AgentView a = knownAdvisor(agentId);
                    if (config().routingProfile(b.routingProfile()) == null) {
                        throw Problem.invalid("not a configured routing profile");
                    }
                    return a.routingProfile();
                })
                .thenCompose(before -> commands.submit(
                        p,
                        "routing-profile",
                        agentId,
                        before + " → " + b.routingProfile(),
                        new Command.AssignRoutingProfile(agentId, b.routingProfile(), actor)))
                .thenApply(JsonRoutes::decided);
    }

    private CompletableFuture<JsonNode> queue(StaffPrincipal p, RoutingContext ctx, boolean open) {
        String queue = ctx.pathParam("name");
        return onEngine(() -> {
                    if (config().queue(queue) == null) {
                        throw Problem.notFound("no such queue");
                    }
                    return queue;
                })
                .thenCompose(q -> commands.submit(
                        p,
                        open ? "open-queue" : "close-queue",
                        q,
                        null,
                        open ? new Command.OpenQueue(q) : new Command.CloseQueue(q)))
                .thenApply(JsonRoutes::decided);
    }

    private CompletableFuture<JsonNode> supervise(StaffPrincipal p, RoutingContext ctx) {
        SuperviseBody b = JsonRoutes.body(ctx, SuperviseBody.class);
        if (b.mode() == null) {
            throw Problem.invalid("mode is LISTEN, WHISPER or BARGE");
        }
        String device = b.device() == null ? "" : b.device().strip();
        if (!device.matches("[A-Za-z0-9/@._:+-]{1,80}")) {
            throw Problem.invalid("device is the phone you listen from, such as PJSIP/2001");
        }
        String id = ctx.pathParam("id");
        String unavailable = ports.calls().unavailableBecause();
        return onEngine(() -> {
                    InteractionView i = knownContact(id);
                    if (!isCall(i)) {
                        throw Problem.conflict("only calls can be listened to");
                    }
                    if (i.phase() != Phase.CONNECTED && i.phase() != Phase.PARKED) {
                        throw Problem.conflict("the call is not connected to an advisor");
                    }
                    if (unavailable != null) {
                        commands.record(p, "supervise-call", id, b.mode().name(), "failed: " + unavailable);
                        throw new Problem(501, "not-available", unavailable);
                    }
                    return i;
                })
                .thenCompose(i -> ports.calls()
                        .join(p.username(), device, id, b.mode())
                        .toCompletableFuture()
                        .handle((leg, e) -> {
                            String detail = b.mode().name() + " from " + device;
                            if (e != null) {
                                String why = cause(e).getMessage();
                                commands.record(p, "supervise-call", id, detail, "failed: " + why);
                                throw Problem.conflict(why);
                            }
                            commands.record(p, "supervise-call", id, detail, AuditRecord.DONE);
                            return (JsonNode) PublicJson.MAPPER
                                    .createObjectNode()
                                    .put("interactionId", id)
                                    .put("mode", b.mode().name())
                                    .put("leg", leg);
                        }));
    }

    private CompletableFuture<JsonNode> chat(StaffPrincipal p, RoutingContext ctx, ChatSupervision.Move move) {
        String id = ctx.pathParam("id");
        String action = move == ChatSupervision.Move.JOIN ? "join-chat" : "take-over-chat";
        String unavailable = ports.chats().unavailableBecause();
        return onEngine(() -> {
                    InteractionView i = knownContact(id);
                    if (isCall(i) || !"chat".equals(i.channel())) {
                        throw Problem.conflict("only chats can be joined or taken over");
                    }
                    if (unavailable != null) {
                        commands.record(p, action, id, null, "failed: " + unavailable);
                        throw new Problem(501, "not-available", unavailable);
                    }
                    return i;
                })
                .thenCompose(i -> ports.chats()
                        .act(p.username(), id, move)
                        .toCompletableFuture()
                        .handle((v, e) -> {
                            if (e != null) {
                                String why = cause(e).getMessage();
                                commands.record(p, action, id, null, "failed: " + why);
                                throw Problem.conflict(why);
                            }
                            commands.record(p, action, id, null, AuditRecord.DONE);
                            if (move == ChatSupervision.Move.JOIN) {
                                joinedChats.joined(p.username(), id);
                            }
                            return null;
                        }));
    }

    /** The transcript of a chat the supervisor has joined (409 when they have not). */
    private CompletableFuture<JsonNode> joinedChat(StaffPrincipal p, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return knownChat(id)
                .thenCompose(i -> ports.chats()
                        .transcript(p.username(), id)
                        .toCompletableFuture()
                        .handle((t, e) -> {
                            if (e != null) {
                                throw ConversationJson.refusal(e);
                            }
                            return (JsonNode) ConversationJson.transcript(t);
                        }));
    }

    /** A supervisor who has joined a chat writes in it: the resident and the advisor see it as from a supervisor. */
    private CompletableFuture<JsonNode> writeInChat(StaffPrincipal p, RoutingContext ctx) {
        ChatMessage b = JsonRoutes.body(ctx, ChatMessage.class);
        ConversationJson.requireMessage(b.clientId(), b.text());
        String id = ctx.pathParam("id");
        return knownChat(id)
                .thenCompose(i -> ports.chats()
                        .write(p.username(), ConversationJson.firstName(p.name()), id, b.clientId(), b.text())
                        .toCompletableFuture()
                        .handle((entry, e) -> {
                            if (e != null) {
                                commands.record(p, "write-in-chat", id, null, "failed: " + cause(e).getMessage());
                                throw ConversationJson.refusal(e);
                            }
                            commands.record(p, "write-in-chat", id, null, AuditRecord.DONE);
                            return (JsonNode) ConversationJson.entry(entry);
                        }));
    }

    private CompletableFuture<InteractionView> knownChat(String id) {
        String unavailable = ports.chats().unavailableBecause();
        return onEngine(() -> {
            InteractionView i = knownContact(id);
            if (!"chat".equals(i.channel())) {
                throw Problem.conflict("only chats can be joined");
            }
            if (unavailable != null) {
                throw new Problem(501, "not-available", unavailable);
            }
            return i;
        });
    }

    /** The IVR's emergency closure of a calendar, or its opening again: the IVR's own state, audited here. */
    private CompletableFuture<JsonNode> emergency(StaffPrincipal p, RoutingContext ctx, boolean close) {
        String calendar = ctx.pathParam("calendar");
        String unavailable = ports.ivr().unavailableBecause();
        if (unavailable != null) {
            throw new Problem(501, "not-available", unavailable);
        }
        String action = close ? "ivr-emergency-close" : "ivr-open";
        IvrClosures.Calendar after = (close
                        ? ports.ivr().close(calendar)
                        : ports.ivr().open(calendar))
                .orElseThrow(() -> Problem.notFound("no such calendar in the IVR's flows"));
        commands.record(p, action, calendar, null, AuditRecord.DONE);
        return CompletableFuture.completedFuture(calendarJson(after));
    }

    /**
     * A CSV export of the statistics for a range of dates, as a download: the statistics API's file, for the signed-in
     * supervisor, with the rows of the queues and channels asked for ({@link ExportFilter}). Audited (who, when, which
     * export, range and filter), also when it fails.
     */
    private void export(RoutingContext ctx, StatisticsExports.Kind kind) {
        StaffPrincipal p = StaffGuard.principal(ctx);
        String from = ctx.request().getParam("from");
        String to = ctx.request().getParam("to");
        String range = auditedDate(from) + " to " + auditedDate(to);
        String action = "export-" + kind.file();
        String unavailable = ports.exports().unavailableBecause();
        if (unavailable != null) {
            commands.record(p, action, range, null, "failed: " + unavailable);
            new Problem(501, "not-available", unavailable).write(ctx);
            return;
        }
        var context = Vertx.currentContext();
        CompletableFuture<StatisticsExports.Csv> csv;
        String filtered = null; // the filter as audited: only once it is one
        try {
            ExportFilter filter = ExportFilter.of(ctx.queryParam("queue"), ctx.queryParam("channel"));
            filtered = filter.described();
            csv = ports.exports().export(kind, from, to, filter).toCompletableFuture();
        } catch (RuntimeException e) {
            csv = CompletableFuture.failedFuture(e);
        }
        String detail = filtered;
        csv.whenComplete((file, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                Throwable c = cause(failure);
                commands.record(p, action, range, detail, "failed: " + c.getMessage());
                Problem problem = switch (c) {
                    case Problem pr -> pr;
                    case IllegalArgumentException bad -> Problem.invalid(bad.getMessage());
                    case IllegalStateException closed -> new Problem(503, "unavailable", closed.getMessage());
                    default -> {
                        LOG.error("the supervisor's {} export failed", kind.file(), c);
                        yield new Problem(500, "internal", "the server failed on this request; see its log");
                    }
                };
                problem.write(ctx);
                return;
            }
            commands.record(p, action, range, detail, AuditRecord.DONE);
            ctx.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(file.bytes()));
        }));
    }

    /** A date the supervisor asked for, as the audit trail keeps it: never their text when it is not a date. */
    private static String auditedDate(String raw) {
        if (raw == null) {
            return "today";
        }
        return raw.matches("\\d{4}-\\d{2}-\\d{2}") ? raw : "(not a date)";
    }

    private CompletableFuture<JsonNode> calendars() {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("unavailable", ports.ivr().unavailableBecause());
        ArrayNode list = body.putArray("calendars");
        ports.ivr().calendars().forEach(c -> list.add(calendarJson(c)));
        return CompletableFuture.completedFuture(body);
    }

    private static JsonNode calendarJson(IvrClosures.Calendar c) {
        return PublicJson.view(c);
    }

    // ------------------------------------------------------------------ reads

    private JsonNode setup(StaffPrincipal p) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("username", p.username());
        body.put("name", p.name());
        RoutingConfig c = view.configuration().orElse(RoutingConfig.empty());
        ArrayNode reasons = body.putArray("notReadyReasons");
        for (NotReadyReason r : c.notReadyReasons()) {
            reasons.add(r.code());
        }
        ArrayNode profiles = body.putArray("routingProfiles");
        for (RoutingProfile rp : c.routingProfiles()) {
            ObjectNode o = profiles.addObject().put("id", rp.id());
            ArrayNode qs = o.putArray("queues");
            for (QueueMembership m : rp.queues()) {
                qs.addObject().put("queue", m.queue()).put("tier", m.tier());
            }
        }
        ArrayNode queues = body.putArray("queues");
        for (QueueConfig q : c.queues()) {
            queues.addObject().put("queue", q.id()).put("channel", q.channel());
        }
        body.put("callSupervision", ports.calls().unavailableBecause());
        body.put("chatSupervision", ports.chats().unavailableBecause());
        body.put("exports", ports.exports().unavailableBecause());
        body.put("exportMaxDays", ports.exports().maxDays());
        return body;
    }

    private CompletableFuture<JsonNode> contacts(StaffPrincipal p, RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        Set<Phase> phases;
        if (state == null || state.equals("all")) {
            phases = Set.of();
        } else if (state.equals("live")) {
            phases = EnumSet.complementOf(EnumSet.of(Phase.ENDED));
        } else if (state.equals("ended")) {
            phases = EnumSet.of(Phase.ENDED);
        } else {
            throw Problem.invalid("state is live, ended or all");
        }
        String queue = optionalId(ctx, "queue");
        String channel = optionalId(ctx, "channel");
        int minutes = 60;
        String raw = ctx.request().getParam("minutes");
        if (raw != null) {
            try {
                minutes = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > 24 * 60) {
                throw Problem.invalid("minutes must be 1–1440");
            }
        }
        long since = clock.getAsLong() - minutes * 60_000L;
        InteractionFilter filter = new InteractionFilter(phases, queue, channel, null, since, null, null);
        return onEngine(() -> {
            // The newest first: pages come in arrival order, so keep the last ones of the window.
            java.util.ArrayDeque<InteractionView> newest = new java.util.ArrayDeque<>();
            String cursor = null;
            do {
                InteractionPage page = view.interactions(filter, cursor, LiveView.MAX_PAGE);
                for (InteractionView i : page.items()) {
                    newest.addFirst(i);
                    if (newest.size() > DEFAULT_CONTACTS) {
                        newest.removeLast();
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            ObjectNode body = PublicJson.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            newest.forEach(i -> items.add(contact(i)));
            return body;
        });
    }

    private JsonNode contact(InteractionView i) {
        ObjectNode o = PublicJson.MAPPER.createObjectNode();
        o.put("interactionId", i.interactionId());
        o.put("channel", i.channel());
        o.put("direction", i.direction().name());
        o.put("queue", i.queue());
        o.put("phase", i.phase().name());
        o.put("createdAt", PublicJson.time(i.createdAt()));
        o.put("agentId", i.agentId());
        o.put("advisor", i.agentId() == null ? null : names.apply(i.agentId()));
        o.put("endedAt", i.endedAt() == null ? null : PublicJson.time(i.endedAt()));
        o.put("endReason", i.endReason() == null ? null : i.endReason().name());
        return o;
    }

    private CompletableFuture<JsonNode> story(StaffPrincipal p, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return onEngine(() -> {
            InteractionView i = knownContact(id);
            ObjectNode body = (ObjectNode) contact(i);
            body.put(
                    "traceEntries", view.trace(id).map(t -> t.entryIds().size()).orElse(0));
            stories.story(id).ifPresent(s -> {
                body.put("earlierUnknown", s.earlierUnknown());
                body.put("stepsDropped", s.stepsDropped());
                body.set(
                        "steps",
                        PublicJson.MAPPER.valueToTree(
                                s.steps().stream().map(PublicJson::view).toList()));
            });
            return body;
        });
    }

    private CompletableFuture<JsonNode> audit(StaffPrincipal p, RoutingContext ctx) {
        long now = clock.getAsLong();
        long to = time(ctx, "to", now + 1);
        long from = time(ctx, "from", to - DAY);
        if (from > to) {
            throw Problem.invalid("from must not be after to");
        }
        int limit = MAX_AUDIT;
        String raw = ctx.request().getParam("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT) {
                throw Problem.invalid("limit must be 1–" + MAX_AUDIT);
            }
        }
        return trail.read(from, to, limit).toCompletableFuture().thenApply(records -> {
            ObjectNode body = PublicJson.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            records.forEach(r -> items.add(PublicJson.view(r)));
            return body;
        });
    }

    // ------------------------------------------------------------------ helpers

    private RoutingConfig config() {
        return view.configuration().orElseThrow(() -> Problem.conflict("routing has no configuration yet"));
    }

    private AgentView knownAdvisor(String agentId) {
        return view.agent(agentId).orElseThrow(() -> Problem.notFound("no such advisor"));
    }

    private InteractionView knownContact(String id) {
        return view.interaction(id).orElseThrow(() -> Problem.notFound("no such contact, or it ended long ago"));
    }

    private boolean isCall(InteractionView i) {
        return view.configuration()
                .map(c -> c.channel(i.channel()))
                .map(ch -> ch.mediaClass() == io.firstcontact.router.api.model.MediaClass.REALTIME_VOICE)
                .orElse(false);
    }

    /** The supervisor as the actor a command journals. */
    private static Actor actor(StaffPrincipal p) {
        if (!Ids.valid(p.username())) {
            throw Problem.invalid("your sign-in name cannot be journaled as an actor; ask an administrator");
        }
        return Actor.supervisor(p.username());
    }

    private static String optionalId(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!Ids.valid(v)) {
            throw Problem.invalid(name + " must be an id");
        }
        return v;
    }

    private static long time(RoutingContext ctx, String name, long otherwise) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name + " must be an RFC 3339 time such as 2026-12-07T09:00:00Z");
        }
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    <T> CompletableFuture<T> onEngine(Supplier<T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        engineThread.execute(() -> {
            try {
                f.complete(read.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
