package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.AssignmentView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The call controls on the advisor's own work, {@code /desk/api/work/{assignmentId}/…}: {@code hold}, {@code resume},
 * {@code transfer} (blind: to a queue, to a named advisor who is logged in, or out to a number), {@code consult} (a
 * colleague, for a warm transfer) and {@code consult/end} (complete the transfer, or cancel; the colleague gives the
 * call back with cancel). Each is the same routing command the API's {@code /interactions/{id}/…} routes submit; the
 * interaction keeps its customer, attributes (the reason, what they keyed) and conversation through all of them. The
 * voice channel carries out what routing commits; a chat or an email is transferred the same way, and only calls are
 * held or consulted about (routing refuses the rest).
 *
 * <p>Checked before anything is submitted, on the engine thread: the work is the advisor's (403, 404 when unknown) and
 * in progress (409), a colleague on the call only as a consult (they can give it back, nothing else), and what the
 * body names exists (422).
 */
final class CallControlRoutes {
    private final DeskRoutes desk;
    private final LiveView view;
    private final Desks desks;
    private final Function<String, String> names;

    CallControlRoutes(DeskRoutes desk, LiveView view, Desks desks, Function<String, String> names) {
        this.desk = desk;
        this.view = view;
        this.desks = desks;
        this.names = names;
    }

    /** Exactly one of {@code queue}, {@code agentId} and {@code number}. */
    record Transfer(String queue, String agentId, String number) {}

    record Consult(String agentId) {}

    record EndConsult(ConsultOutcome outcome) {}

    void mount(Router router) {
        JsonRoutes.handle(
                router.post("/desk/api/work/:id/hold"),
                (p, ctx) -> ownCall(p, ctx).thenCompose(as -> desk.submit(new Command.Park(as.interactionId()))));
        JsonRoutes.handle(
                router.post("/desk/api/work/:id/resume"),
                (p, ctx) -> ownCall(p, ctx).thenCompose(as -> desk.submit(new Command.Resume(as.interactionId()))));
        JsonRoutes.handle(router.post("/desk/api/work/:id/transfer"), (p, ctx) -> {
            Transfer b = JsonRoutes.body(ctx, Transfer.class);
            int given = (present(b.queue()) ? 1 : 0) + (present(b.agentId()) ? 1 : 0) + (present(b.number()) ? 1 : 0);
            if (given != 1) {
                throw Problem.invalid("give exactly one of queue, agentId (an advisor) or number");
            }
            String number = present(b.number()) ? CallRoutes.number(b.number()) : null;
            return ownCall(p, ctx)
                    .thenCompose(as -> desk.onEngine(() -> transfer(p, as, b, number)))
                    .thenCompose(desk::submit);
        });
        JsonRoutes.handle(router.post("/desk/api/work/:id/consult"), (p, ctx) -> {
            Consult b = JsonRoutes.body(ctx, Consult.class);
            if (!present(b.agentId())) {
                throw Problem.invalid("give agentId: the colleague to consult");
            }
            String colleague = b.agentId().strip();
            return ownCall(p, ctx)
                    .thenCompose(as -> desk.onEngine(() -> {
                        loggedInColleague(p, colleague);
                        return (Command) new Command.StartConsult(as.interactionId(), colleague);
                    }))
                    .thenCompose(desk::submit);
        });
        JsonRoutes.handle(router.post("/desk/api/work/:id/consult/end"), (p, ctx) -> {
            EndConsult b = JsonRoutes.body(ctx, EndConsult.class);
            if (b.outcome() == null) {
                throw Problem.invalid("outcome is COMPLETED (the colleague takes the call) or CANCELLED");
            }
            return ownActiveWork(p, ctx)
                    .thenCompose(as -> desk.onEngine(() -> endConsult(as, b.outcome())))
                    .thenCompose(desk::submit);
        });
        JsonRoutes.handle(router.get("/desk/api/colleagues"), (p, ctx) -> desk.onEngine(() -> colleagues(p)));
    }

    /** The advisor's own work, in progress, and theirs to control: not a colleague's consult leg. */
    private CompletableFuture<AssignmentView> ownCall(StaffPrincipal p, RoutingContext ctx) {
        return ownActiveWork(p, ctx).thenApply(as -> {
            if (as.consult()) {
                throw Problem.conflict("you are consulted on this call: its advisor holds and transfers it");
            }
            return as;
        });
    }

    private CompletableFuture<AssignmentView> ownActiveWork(StaffPrincipal p, RoutingContext ctx) {
        return desk.ownWork(p, ctx).thenApply(as -> {
            if (as.status() != AssignmentStatus.ACTIVE) {
                throw Problem.conflict("this work is in wrap-up");
            }
            return as;
        });
    }

    /** Engine thread. */
    private Command transfer(StaffPrincipal p, AssignmentView as, Transfer b, String number) {
        if (view.interaction(as.interactionId())
                .map(i -> i.phase() == Phase.PARKED)
                .orElse(false)) {
            throw Problem.conflict("resume the call before transferring it");
        }
        var actor = DeskRoutes.actor(p);
        if (number != null) {
            if (mediaClass(as.channel()) != MediaClass.REALTIME_VOICE) {
                throw Problem.invalid("only a call is transferred to a number: transfer this to a queue or an advisor");
            }
            return new Command.TransferExternal(as.interactionId(), number, actor);
        }
        if (present(b.agentId())) {
            String colleague = b.agentId().strip();
            loggedInColleague(p, colleague);
            return new Command.TransferToAgent(as.interactionId(), colleague, null, actor);
        }
        QueueConfig q = config().queue(b.queue().strip());
        if (q == null) {
            throw Problem.invalid("no such queue");
        }
        if (!q.channel().equals(as.channel())) {
            throw Problem.invalid("that queue takes " + q.channel() + ", not " + as.channel());
        }
        return new Command.TransferToQueue(as.interactionId(), q.id(), true, actor);
    }

    /** Engine thread. */
    private Command endConsult(AssignmentView as, ConsultOutcome outcome) {
        DeskState.Consult c = desks.consult(as);
        if (c == null) {
            throw Problem.conflict("there is no consult on this call");
        }
        if (c.role() == DeskState.Consult.Role.CONSULTED) {
            if (outcome != ConsultOutcome.CANCELLED) {
                throw Problem.conflict("the advisor who consulted you completes the transfer; you can give it back");
            }
            return new Command.EndConsult(as.interactionId(), as.agentId(), outcome);
        }
        return new Command.EndConsult(as.interactionId(), c.colleague().agentId(), outcome);
    }

    /** Engine thread: another advisor, logged in (ready or not: routing says whether they can take it now). */
    private void loggedInColleague(StaffPrincipal p, String agentId) {
        if (agentId.equals(p.agentId())) {
            throw Problem.invalid("name a colleague, not yourself");
        }
        AgentView a = view.agent(agentId).orElseThrow(() -> Problem.invalid("no such advisor"));
        if (a.presence() == PresenceState.LOGGED_OUT) {
            throw Problem.conflict("that advisor is not logged in");
        }
    }

    /** The advisors logged in now, but the one asking: whom to transfer to or consult. Engine thread. */
    private JsonNode colleagues(StaffPrincipal p) {
        ArrayNode out = PublicJson.MAPPER.createArrayNode();
        for (AgentView a : view.agents()) {
            if (a.presence() == PresenceState.LOGGED_OUT || a.agentId().equals(p.agentId())) {
                continue;
            }
            out.addObject()
                    .put("agentId", a.agentId())
                    .put("name", names.apply(a.agentId()))
                    .put("presence", a.presence().name());
        }
        return PublicJson.MAPPER.createObjectNode().set("colleagues", out);
    }

    private MediaClass mediaClass(String channel) {
        return config().channel(channel).mediaClass();
    }

    private RoutingConfig config() {
        return view.configuration().orElseThrow(() -> new IllegalStateException("routing is not configured"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
