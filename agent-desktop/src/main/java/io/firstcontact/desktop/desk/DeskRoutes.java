package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DeviceName;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.AssignmentView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The desk's commands, {@code /desk/api/…}, each for the signed-in advisor only: the agent id is never taken from the
 * request, and an offer or assignment named in the path must be theirs (403 otherwise, 404 when unknown), checked
 * against the read model on the engine thread before the command is submitted. Every route sits behind the advisor
 * guard (session, role, CSRF token).
 */
final class DeskRoutes {
    static final String SOURCE = "desktop";
    /** The longest wrap-up notes kept. */
    static final int MAX_NOTES = 4_000;

    private final RoutingPort routing;
    private final Executor engineThread;
    private final LiveView view;
    private final Desks desks;
    private final DesktopOptions options;
    private final DeskDevices devices;

    DeskRoutes(
            RoutingPort routing,
            Executor engineThread,
            LiveView view,
            Desks desks,
            DesktopOptions options,
            DeskDevices devices) {
        this.routing = routing;
        this.engineThread = engineThread;
        this.view = view;
        this.desks = desks;
        this.options = options;
        this.devices = devices;
    }

    record LogIn(Boolean ready, String device) {}

    record Presence(PresenceState presence, String reason) {}

    record WrapUp(List<String> codes, String notes) {}

    record CrossSell(String service, CrossSellOutcome outcome) {}

    record Extend(Integer seconds) {}

    /** Mounts the routes on {@code router}; the caller has put the advisor guard in front of {@code /desk/api/*}. */
    void mount(Router router) {
        JsonRoutes.handle(router.get("/desk/api/setup"), (p, ctx) -> onEngine(() -> setup(p)));
        JsonRoutes.handle(router.post("/desk/api/login"), (p, ctx) -> {
            LogIn b = JsonRoutes.body(ctx, LogIn.class);
            String device = b.device() == null || b.device().isBlank()
                    ? null
                    : b.device().strip();
            if (device != null && !device.matches("[A-Za-z0-9/@._:+-]{1,80}")) {
                throw Problem.invalid("a device is a name such as PJSIP/1001 (letters, digits, / @ . _ : + -)");
            }
            try {
                DeviceName.optional(device, "the device");
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(e.getMessage());
            }
            devices.sitAt(p.agentId(), device);
            // The device is part of the login routing journals: the voice adapter rings it, also after a restart.
            return submit(new Command.LogIn(p.agentId(), b.ready() == null || b.ready(), actor(p), device));
        });
        JsonRoutes.handle(router.post("/desk/api/presence"), (p, ctx) -> {
            Presence b = JsonRoutes.body(ctx, Presence.class);
            if (b.presence() == null) {
                throw Problem.invalid("presence is READY, NOT_READY or LOGGED_OUT");
            }
            String reason = b.presence() == PresenceState.NOT_READY ? b.reason() : null;
            return onEngine(() -> {
                        if (reason != null && !configuredReason(reason)) {
                            throw Problem.invalid("not a configured not-ready reason");
                        }
                        return reason;
                    })
                    .thenCompose(r -> submit(new Command.ChangePresence(p.agentId(), b.presence(), r, actor(p), false)))
                    .whenComplete((ok, e) -> {
                        if (e == null && b.presence() == PresenceState.LOGGED_OUT) {
                            devices.sitAt(p.agentId(), null);
                        }
                    });
        });
        offer(router, "delivered", o -> new Command.OfferDelivered(o.offerId()));
        offer(router, "accept", o -> new Command.AcceptOffer(o.offerId(), Actor.agent(o.agentId())));
        offer(router, "reject", o -> new Command.RejectOffer(o.offerId(), Actor.agent(o.agentId())));
        JsonRoutes.handle(
                router.post("/desk/api/work/:id/end"),
                (p, ctx) -> ownWork(p, ctx).thenCompose(as -> {
                    if (as.status() != AssignmentStatus.ACTIVE) {
                        throw Problem.conflict("this work is already in wrap-up");
                    }
                    if (as.consult()) { // ending it would hang up the caller of the colleague who asked
                        throw Problem.conflict("you are consulted on this call: give it back instead");
                    }
                    return submit(new Command.EndInteraction(as.interactionId(), EndReason.COMPLETED));
                }));
        JsonRoutes.handle(router.post("/desk/api/work/:id/wrap-up"), (p, ctx) -> {
            WrapUp b = JsonRoutes.body(ctx, WrapUp.class);
            List<String> codes = b.codes() == null ? List.of() : b.codes();
            for (String c : codes) {
                if (options.wrapUpCodes().stream().noneMatch(w -> w.id().equals(c))) {
                    throw Problem.invalid("not a configured wrap-up code");
                }
            }
            String notes = b.notes() == null ? null : b.notes().strip();
            if (notes != null && notes.length() > MAX_NOTES) {
                throw Problem.invalid("notes are at most " + MAX_NOTES + " characters");
            }
            if (notes != null && CardNumberTripwire.containsCardNumber(notes)) {
                throw Problem.invalid("the notes hold what looks like a card number: never write card numbers down");
            }
            return ownWork(p, ctx).thenCompose(as -> {
                engineThread.execute(() -> desks.noted(as.assignmentId(), notes));
                return submit(new Command.RecordWrapUp(as.assignmentId(), codes, actor(p)));
            });
        });
        JsonRoutes.handle(router.post("/desk/api/work/:id/cross-sell"), (p, ctx) -> {
            CrossSell b = JsonRoutes.body(ctx, CrossSell.class);
            if (b.service() == null || b.outcome() == null) {
                throw Problem.invalid("give service and outcome (OFFERED, ACCEPTED, DECLINED, NOT_SUITABLE)");
            }
            if (options.crossSell().stream().noneMatch(r -> r.service().equals(b.service()))) {
                throw Problem.invalid("not a configured digital service");
            }
            return ownWork(p, ctx)
                    .thenCompose(as ->
                            submit(new Command.RecordCrossSell(as.assignmentId(), b.service(), b.outcome(), actor(p))));
        });
        JsonRoutes.handle(router.post("/desk/api/work/:id/extend"), (p, ctx) -> {
            Extend b = JsonRoutes.body(ctx, Extend.class);
            if (b.seconds() == null || b.seconds() < 1 || b.seconds() > 3_600) {
                throw Problem.invalid("seconds must be 1–3600");
            }
            return ownWork(p, ctx)
                    .thenCompose(as -> submit(new Command.ExtendWrapUp(as.assignmentId(), b.seconds() * 1000L)));
        });
        JsonRoutes.handle(
                router.post("/desk/api/work/:id/done"),
                (p, ctx) -> ownWork(p, ctx).thenCompose(as -> submit(new Command.EndWrapUp(as.assignmentId()))));
    }

    private void offer(Router router, String action, Function<OfferView, Command> command) {
        JsonRoutes.handle(router.post("/desk/api/offers/:id/" + action), (p, ctx) -> {
            String id = ctx.pathParam("id");
            return onEngine(() -> {
                        OfferView o = view.offer(id).orElseThrow(() -> Problem.notFound("no such offer"));
                        if (!o.agentId().equals(p.agentId())) {
                            throw Problem.forbidden("this offer is another advisor's");
                        }
                        return o;
                    })
                    .thenCompose(o -> submit(command.apply(o)));
        });
    }

    /** The assignment in the path, if it is this advisor's and still open. */
    CompletableFuture<AssignmentView> ownWork(StaffPrincipal p, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return onEngine(() -> {
            AssignmentView as = view.assignment(id).orElseThrow(() -> Problem.notFound("no such work"));
            if (!as.agentId().equals(p.agentId())) {
                throw Problem.forbidden("this work is another advisor's");
            }
            if (as.status() == AssignmentStatus.DONE) {
                throw Problem.conflict("this work is finished");
            }
            return as;
        });
    }

    CompletableFuture<JsonNode> submit(Command c) {
        return routing.submit(SOURCE, null, c).thenApply(JsonRoutes::decided);
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

    static Actor actor(StaffPrincipal p) {
        return Actor.agent(p.agentId());
    }

    private boolean configuredReason(String reason) {
        return view.configuration()
                .map(c -> c.notReadyReasons().stream().anyMatch(r -> r.code().equals(reason)))
                .orElse(false);
    }

    /** What the page needs once: who the advisor is, the reasons, codes, scripts and services it offers, the queues. */
    private JsonNode setup(StaffPrincipal p) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("agentId", p.agentId());
        body.put("name", p.name());
        body.put("username", p.username());
        body.put("device", devices.device(p.agentId()).orElse(null));
        body.put("reasonAttribute", options.reasonAttribute());
        ArrayNode reasons = body.putArray("notReadyReasons");
        ArrayNode queues = body.putArray("queues"); // where work is transferred to
        view.configuration().ifPresent(c -> {
            for (NotReadyReason r : c.notReadyReasons()) {
                reasons.add(r.code());
            }
            for (QueueConfig q : c.queues()) {
                queues.addObject().put("id", q.id()).put("channel", q.channel());
            }
        });
        body.set("wrapUpCodes", PublicJson.MAPPER.valueToTree(options.wrapUpCodes()));
        body.set("scripts", PublicJson.MAPPER.valueToTree(options.scripts()));
        ArrayNode services = body.putArray("crossSellServices");
        options.crossSell()
                .forEach(r -> services.addObject()
                        .put("service", r.service())
                        .put("label", r.label())
                        .put("pitch", r.pitch()));
        return body;
    }
}
