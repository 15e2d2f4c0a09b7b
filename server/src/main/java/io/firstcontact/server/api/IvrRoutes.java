package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.calendar.CalendarState;
import io.firstcontact.ivr.calendar.Calendars;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.flow.CalendarSpec;
import io.firstcontact.ivr.flow.InvalidFlowsException;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.ivr.text.TextTurn;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.wire.PublicJson;
import io.firstcontact.server.ivr.Conversations;
import io.firstcontact.server.ivr.IvrService;
import io.vertx.core.http.HttpMethod;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's routes: its flows as versioned data ({@code GET}/{@code PUT /api/v1/ivr/flows}, admin, with
 * {@code If-Match}), its calendars and a supervisor's emergency closure, and the text front end for chats
 * ({@code /api/v1/interactions/{id}/ivr…}, integration) that a chat service drives turn by turn.
 *
 * <p>A reply to the IVR may hold card details: its route takes no {@code Idempotency-Key} (the key's store would keep a
 * hash of the body), and nothing here logs a body.
 */
final class IvrRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(IvrRoutes.class);
    /** The longest reply taken: far more than any answer to the IVR. */
    static final int MAX_REPLY = 1_000;

    private final Api api;
    private final IvrService ivr;
    private final LiveView view;

    /** @param ivr the server's IVR, or null when none is configured (every route then answers 404) */
    IvrRoutes(Api api, IvrService ivr, LiveView view) {
        this.api = api;
        this.ivr = ivr;
        this.view = view;
    }

    void register() {
        flows();
        calendars();
        conversations();
    }

    // ------------------------------------------------------------------ flows

    private void flows() {
        api.get("/api/v1/ivr/flows", roles(SUPERVISOR, ADMIN), (ctx, p) -> {
            FlowBook.Version v = ivr().ivr().book().current();
            ObjectNode body = PublicJson.MAPPER.createObjectNode();
            body.put("version", v.flows().version());
            body.set("flows", v.document());
            return CompletableFuture.completedFuture(
                    new Api.Reply(200, body, null, ConfigRoutes.etag(v.flows().version())));
        });
        api.post(HttpMethod.PUT, "/api/v1/ivr/flows", roles(ADMIN), call -> {
            IvrService service = ivr();
            String ifMatch = Requests.ifMatch(call, "/api/v1/ivr/flows");
            ObjectNode document = Requests.objectBody(call, "the flows: an object with version, start, steps, …");
            long current = service.ivr().book().flows().version();
            if (!ifMatch.equals(ConfigRoutes.etag(current))) {
                throw stale(current);
            }
            return api.runtime().query(e -> IvrService.routing(e.config())).thenApply(routing -> {
                FlowBook.Version v;
                try {
                    v = service.ivr().book().replace(document, current, routing);
                } catch (InvalidFlowsException e) {
                    throw new ApiProblem(
                            422,
                            "invalid-request",
                            "The flows are not valid",
                            String.join("; ", e.problems()),
                            e.problems().stream()
                                    .map(m -> new ApiProblem.FieldError("", m))
                                    .toList());
                } catch (FlowBook.StaleVersionException e) {
                    throw stale(e.current());
                }
                LOG.info(
                        "IVR flows version {} put in force by {}",
                        v.flows().version(),
                        call.principal().name());
                ObjectNode body = PublicJson.MAPPER
                        .createObjectNode()
                        .put("version", v.flows().version());
                return new Api.Reply(
                        200, body, null, ConfigRoutes.etag(v.flows().version()));
            });
        });
    }

    private static ApiProblem stale(long current) {
        return new ApiProblem(
                412,
                "precondition-failed",
                "The flows changed",
                "the flows are at version " + current + "; read them again and reapply the change");
    }

    // ------------------------------------------------------------------ calendars

    private void calendars() {
        api.get("/api/v1/ivr/calendars", roles(SUPERVISOR, ADMIN), (ctx, p) -> {
            IvrService service = ivr();
            ObjectNode body = PublicJson.MAPPER.createObjectNode();
            ArrayNode list = body.putArray("calendars");
            for (CalendarSpec spec : service.ivr().book().flows().calendars().values()) {
                list.add(calendar(service, spec));
            }
            return CompletableFuture.completedFuture(Api.Reply.ok(body));
        });
        for (String action : List.of("close", "open")) {
            api.post(HttpMethod.POST, "/api/v1/ivr/calendars/:calendar/" + action, roles(SUPERVISOR, ADMIN), call -> {
                IvrService service = ivr();
                String id = call.param("calendar");
                CalendarSpec spec = service.ivr().book().flows().calendar(id);
                if (spec == null) {
                    throw ApiProblem.notFound("no calendar " + id + " in the IVR's flows");
                }
                boolean changed = action.equals("close")
                        ? service.ivr().closures().close(id)
                        : service.ivr().closures().open(id);
                if (changed) {
                    LOG.warn(
                            "IVR: calendar {} {} by {}",
                            id,
                            action.equals("close") ? "closed for an emergency" : "opened again",
                            call.principal().name());
                }
                return CompletableFuture.completedFuture(Api.Reply.ok(calendar(service, spec)));
            });
        }
    }

    private static ObjectNode calendar(IvrService service, CalendarSpec spec) {
        CalendarState s = Calendars.at(
                spec, service.ivr().clock().instant(), service.ivr().closures().isClosed(spec.id()));
        ObjectNode n = PublicJson.MAPPER.createObjectNode();
        n.put("calendar", spec.id());
        n.put("state", s.state().name());
        if (s.closes() != null) {
            n.put("closes", time(s.closes()));
        }
        if (s.opens() != null) {
            n.put("opens", time(s.opens()));
        }
        return n;
    }

    private static String time(ZonedDateTime t) {
        return PublicJson.time(t.toInstant().toEpochMilli());
    }

    // ------------------------------------------------------------------ chats

    /** Starting the IVR for a chat: who it is (if the chat knows), and the attributes its interaction carries. */
    record Start(String email, String callerNumber, String customerRef, Map<String, String> attributes) {}

    /** The resident's reply. */
    record Reply(String text) {}

    private void conversations() {
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/ivr", roles(INTEGRATION, ADMIN), call -> {
            IvrService service = ivr();
            String id = call.param("id");
            Start b = call.body().length == 0 ? new Start(null, null, null, null) : call.body(Start.class);
            return interaction(id).thenCompose(i -> {
                if (i.phase() != Phase.SELF_SERVICE) {
                    throw ApiProblem.conflict("interaction " + id + " is not in self-service (" + i.phase() + ")");
                }
                Call c = Requests.checked(
                        () -> new Call(
                                id,
                                i.channel(),
                                b.callerNumber() == null ? null : E164.normalise(b.callerNumber()),
                                b.email(),
                                b.customerRef() != null ? b.customerRef() : i.customerRef()),
                        "");
                return turn(
                        id, () -> service.conversations().start(c, Requests.attributes(b.attributes(), "attributes")));
            });
        });
        api.postUnkeyed(HttpMethod.POST, "/api/v1/interactions/:id/ivr/replies", roles(INTEGRATION, ADMIN), call -> {
            IvrService service = ivr();
            Reply b = call.body(Reply.class);
            if (b.text() == null) {
                throw ApiProblem.invalid("text", "text is required");
            }
            if (b.text().length() > MAX_REPLY) {
                throw ApiProblem.invalid("text", "a reply is at most " + MAX_REPLY + " characters");
            }
            char[] text = b.text().toCharArray();
            return turn(call.param("id"), () -> service.conversations().reply(call.param("id"), text));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/ivr/no-reply", roles(INTEGRATION, ADMIN), call -> {
            IvrService service = ivr();
            return turn(call.param("id"), () -> service.conversations().noReply(call.param("id")));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/ivr/leave", roles(INTEGRATION, ADMIN), call -> {
            IvrService service = ivr();
            return turn(call.param("id"), () -> service.conversations().leave(call.param("id")));
        });
    }

    private CompletableFuture<InteractionView> interaction(String id) {
        return api.runtime()
                .query(e -> view.interaction(id))
                .thenApply((Optional<InteractionView> i) ->
                        i.orElseThrow(() -> ApiProblem.notFound("no interaction " + id)));
    }

    /** Runs one step of a chat and answers with the turn; the conversation's own refusals become problems. */
    private static CompletableFuture<Api.Reply> turn(
            String id, java.util.function.Supplier<CompletionStage<TextTurn>> step) {
        CompletionStage<TextTurn> t;
        try {
            t = step.get();
        } catch (Conversations.UnknownException e) {
            throw ApiProblem.notFound(e.getMessage());
        } catch (Conversations.AlreadyOpenException e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (Conversations.FullException e) {
            throw ApiProblem.unavailable(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict("the conversation cannot take this now: " + e.getMessage());
        }
        return t.toCompletableFuture().thenApply(turn -> Api.Reply.ok(json(id, turn)));
    }

    private static ObjectNode json(String id, TextTurn t) {
        ObjectNode n = PublicJson.MAPPER.createObjectNode();
        n.put("interactionId", id);
        ArrayNode messages = n.putArray("messages");
        t.messages().forEach(messages::add);
        if (t.echo() != null) {
            n.put("echo", t.echo());
        }
        if (t.question() != null) {
            ObjectNode q = n.putObject("question");
            q.put("kind", t.question().kind().name());
            q.put("sensitive", t.question().sensitive());
            ArrayNode options = q.putArray("options");
            t.question().options().forEach(options::add);
            q.put("timeoutSeconds", t.question().timeout().toSeconds());
        }
        if (t.ending() != null) {
            ObjectNode e = n.putObject("ending");
            switch (t.ending()) {
                case Ending.HandOver h -> {
                    e.put("kind", "HAND_OVER");
                    e.put("queue", h.request().queue());
                    e.put("reason", h.reason());
                }
                case Ending.SelfServed s -> e.put("kind", "SELF_SERVED");
                case Ending.Closed c -> e.put("kind", "CLOSED");
                case Ending.Forward f -> {
                    e.put("kind", "FORWARDED");
                    e.put("number", f.number());
                }
                case Ending.CallerLeft l -> e.put("kind", "LEFT");
            }
        }
        return n;
    }

    private IvrService ivr() {
        if (ivr == null) {
            throw ApiProblem.notFound("no IVR is configured (ivr.flows names no flows file)");
        }
        return ivr;
    }
}
