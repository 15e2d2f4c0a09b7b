package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.AGENT;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.InteractionIds;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.CompletableFuture;

/**
 * The commands of docs/routing-contract.md §9: interactions, advisors, offers, wrap-up, queues. Each route names the roles that may
 * call it; an agent token acts only for its own advisor, its own offers and assignments.
 */
final class CommandRoutes {
    private final Api api;
    private final Ownership owners;
    private final Sessions sessions;

    CommandRoutes(Api api, Ownership owners, Sessions sessions) {
        this.api = api;
        this.owners = owners;
        this.sessions = sessions;
    }

    void register() {
        interactions();
        agents();
        offers();
        queues();
    }

    // ------------------------------------------------------------------ interactions

    private void interactions() {
        api.post(HttpMethod.POST, "/api/v1/interactions", roles(INTEGRATION, ADMIN), call -> {
            Requests.CreateInteraction b = call.body(Requests.CreateInteraction.class);
            String id = InteractionIds.random("int-");
            Command c = Requests.checked(
                    () -> new Command.CreateInteraction(
                            id,
                            Requests.required(b.channel(), "channel"),
                            b.direction() == null ? Direction.INBOUND : b.direction(),
                            Requests.required(b.sourceRef(), "sourceRef"),
                            b.conversationId(),
                            b.customerRef(),
                            Requests.attributes(b.attributes(), "attributes"),
                            b.queue() == null ? null : Requests.queue(b.queue(), "queue")),
                    "");
            return api.runtime().submit("api", call.engineKey(), c).thenApply(d -> {
                for (Effect e : d.effects()) {
                    if (e instanceof Effect.AlreadyExists existing) {
                        ObjectNode extra = PublicJson.MAPPER.createObjectNode();
                        extra.put("interactionId", existing.interactionId());
                        extra.put("existing", true);
                        Api.Reply r = api.reply(d, 200, ignored -> extra);
                        return new Api.Reply(200, r.body(), location(existing.interactionId()), null);
                    }
                }
                Api.Reply r = api.reply(
                        d, 201, ignored -> PublicJson.MAPPER.createObjectNode().put("interactionId", id));
                return new Api.Reply(r.status(), r.body(), r.status() == 201 ? location(id) : null, null);
            });
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/queue", roles(INTEGRATION, ADMIN), call -> {
            Requests.QueueInteraction b = call.body(Requests.QueueInteraction.class);
            return api.submit(call, new Command.QueueInteraction(call.param("id"), Requests.queue(b.queue(), "queue")));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/attributes", roles(INTEGRATION, ADMIN), call -> {
            Requests.UpdateAttributes b = call.body(Requests.UpdateAttributes.class);
            return api.submit(
                    call,
                    new Command.UpdateAttributes(call.param("id"), Requests.attributes(b.attributes(), "attributes")));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/customer", roles(INTEGRATION, ADMIN), call -> {
            Requests.IdentifyCustomer b = call.body(Requests.IdentifyCustomer.class);
            String customerRef = Requests.required(b.customerRef(), "customerRef");
            return api.submit(
                    call,
                    Requests.checked(() -> new Command.IdentifyCustomer(call.param("id"), customerRef), "customerRef"));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/routing", roles(INTEGRATION, ADMIN, SUPERVISOR), call -> {
            Requests.UpdateRouting b = call.body(Requests.UpdateRouting.class);
            if (b.tier() == null && b.ageBonusSeconds() == null && b.targets() == null) {
                throw ApiProblem.invalid("", "give at least one of tier, ageBonusSeconds and targets");
            }
            Integer tier =
                    b.tier() == null ? null : Requests.tier(b.tier(), "tier"); // left out: kept, as are the others
            Long bonus = b.ageBonusSeconds() == null ? null : Requests.seconds(b.ageBonusSeconds(), "ageBonusSeconds");
            var targets = b.targets() == null ? null : Requests.targets(b.targets(), "targets");
            return api.submit(
                    call,
                    Requests.checked(() -> new Command.UpdateRouting(call.param("id"), tier, bonus, targets), ""));
        });
        api.post(
                HttpMethod.POST,
                "/api/v1/interactions/:id/transfer",
                roles(INTEGRATION, ADMIN, SUPERVISOR, AGENT),
                call -> {
                    Requests.Transfer b = call.body(Requests.Transfer.class);
                    String id = call.param("id");
                    return ownInteraction(call, id).thenCompose(ok -> api.submit(call, transfer(call, id, b)));
                });
        callControl();
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/end", roles(INTEGRATION, ADMIN), call -> {
            Requests.End b = call.body(Requests.End.class);
            EndReason reason = Requests.required(b.reason(), "reason");
            return api.submit(call, new Command.EndInteraction(call.param("id"), reason));
        });
        api.post(HttpMethod.POST, "/api/v1/sources/:source/inventory", roles(INTEGRATION, ADMIN), call -> {
            Requests.Inventory b = call.body(Requests.Inventory.class);
            return owners.reconcile(call, call.param("source"), Requests.sourceRefs(b.sourceRefs(), "sourceRefs"));
        });
    }

    /** Hold, resume and consult on a connected call: the voice channel carries out what routing commits. */
    private void callControl() {
        var roles = roles(INTEGRATION, ADMIN, SUPERVISOR, AGENT);
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/hold", roles, call -> {
            String id = call.param("id");
            return ownInteraction(call, id).thenCompose(ok -> api.submit(call, new Command.Park(id)));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/resume", roles, call -> {
            String id = call.param("id");
            return ownInteraction(call, id).thenCompose(ok -> api.submit(call, new Command.Resume(id)));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/consult", roles, call -> {
            Requests.Consult b = call.body(Requests.Consult.class);
            String id = call.param("id");
            Command c = Requests.checked(
                    () -> new Command.StartConsult(id, Requests.required(b.agentId(), "agentId")), "agentId");
            return ownInteraction(call, id).thenCompose(ok -> api.submit(call, c));
        });
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/consult/end", roles, call -> {
            Requests.EndConsult b = call.body(Requests.EndConsult.class);
            String id = call.param("id");
            Command c = Requests.checked(
                    () -> new Command.EndConsult(
                            id, Requests.required(b.agentId(), "agentId"), Requests.required(b.outcome(), "outcome")),
                    "agentId");
            return ownInteraction(call, id).thenCompose(ok -> api.submit(call, c));
        });
    }

    private static Command transfer(Api.Call call, String id, Requests.Transfer b) {
        int given = (b.queue() != null && b.agentId() == null ? 1 : 0)
                + (b.agentId() != null ? 1 : 0)
                + (b.destination() != null ? 1 : 0);
        if (given != 1) {
            throw ApiProblem.invalid("", "give exactly one of queue, agentId (with an optional queue) or destination");
        }
        var actor = call.principal().actor();
        if (b.destination() != null) {
            return Requests.checked(() -> new Command.TransferExternal(id, b.destination(), actor), "destination");
        }
        if (b.agentId() != null) {
            return Requests.checked(() -> new Command.TransferToAgent(id, b.agentId(), b.queue(), actor), "agentId");
        }
        boolean inherit = b.inheritWait() == null || b.inheritWait();
        return Requests.checked(() -> new Command.TransferToQueue(id, b.queue(), inherit, actor), "queue");
    }

    private static String location(String interactionId) {
        return "/api/v1/interactions/" + interactionId;
    }

    /** An agent may transfer, hold or consult only on what it is working on. */
    private CompletableFuture<Void> ownInteraction(Api.Call call, String interactionId) {
        if (call.principal().role() != AGENT) {
            return CompletableFuture.completedFuture(null);
        }
        return owners.holds(call.principal().agentId(), interactionId).thenAccept(holds -> {
            if (!holds) {
                throw ApiProblem.forbidden("an agent may act only on an interaction it is working on");
            }
        });
    }

    // ------------------------------------------------------------------ agents

    private void agents() {
        api.post(HttpMethod.PUT, "/api/v1/agents/:id", roles(ADMIN), call -> {
            Requests.DefineAgent b = call.body(Requests.DefineAgent.class);
            var skills = Requests.skills(b.skills(), "skills");
            return api.submit(
                    call,
                    Requests.checked(
                            () -> new Command.DefineAgent(
                                    call.param("id"),
                                    skills,
                                    Requests.required(b.utilisationProfile(), "utilisationProfile"),
                                    Requests.required(b.routingProfile(), "routingProfile")),
                            ""));
        });
        var self = roles(AGENT, INTEGRATION, ADMIN);
        var selfOrSupervisor = roles(AGENT, INTEGRATION, ADMIN, SUPERVISOR);
        api.post(HttpMethod.POST, "/api/v1/agents/:id/login", self, call -> {
            String agent = ownAgent(call);
            Requests.LogIn b =
                    call.body().length == 0 ? new Requests.LogIn(null, null) : call.body(Requests.LogIn.class);
            boolean ready = b.ready() == null || b.ready();
            return api.submit(
                            call,
                            Requests.checked(
                                    () -> new Command.LogIn(
                                            agent, ready, call.principal().actor(), b.device()),
                                    "device"))
                    .whenComplete((r, e) -> {
                        if (e == null) {
                            sessions.attached(agent);
                        }
                    });
        });
        api.post(HttpMethod.POST, "/api/v1/agents/:id/logout", selfOrSupervisor, call -> {
            String agent = ownAgent(call);
            boolean force =
                    call.principal().role() == SUPERVISOR || call.principal().role() == ADMIN;
            return api.submit(
                            call,
                            new Command.ChangePresence(
                                    agent,
                                    PresenceState.LOGGED_OUT,
                                    null,
                                    call.principal().actor(),
                                    force))
                    .whenComplete((r, e) -> sessions.detached(agent));
        });
        api.post(HttpMethod.POST, "/api/v1/agents/:id/presence", selfOrSupervisor, call -> {
            String agent = ownAgent(call);
            Requests.Presence b = call.body(Requests.Presence.class);
            PresenceState state = Requests.required(b.presence(), "presence");
            boolean force = b.force() != null && b.force();
            if (force && !call.principal().is(SUPERVISOR, ADMIN)) {
                throw ApiProblem.forbidden("only a supervisor or an admin may force a presence change");
            }
            return api.submit(
                    call,
                    Requests.checked(
                            () -> new Command.ChangePresence(
                                    agent, state, b.reason(), call.principal().actor(), force),
                            ""));
        });
        api.post(HttpMethod.POST, "/api/v1/agents/:id/keepalive", self, call -> {
            String agent = ownAgent(call);
            // Only a defined advisor has a session to keep: no timer is ever armed for an id nobody defined.
            return owners.knowsAdvisor(agent).thenCompose(known -> {
                if (!known) {
                    throw ApiProblem.notFound("no such advisor");
                }
                return sessions.keepAlive(call, agent);
            });
        });
    }

    private static String ownAgent(Api.Call call) {
        String agent = call.param("id");
        if (!call.principal().actsFor(agent)) {
            throw ApiProblem.forbidden("an agent token acts only for its own advisor");
        }
        return agent;
    }

    // ------------------------------------------------------------------ offers and wrap-up

    private void offers() {
        var workers = roles(AGENT, INTEGRATION, ADMIN);
        // The phone rings or the desktop shows the offer: RESERVED → ALERTING.
        api.post(
                HttpMethod.POST,
                "/api/v1/offers/:id/delivered",
                roles(AGENT, INTEGRATION, SUPERVISOR, ADMIN),
                call -> ownOffer(call)
                        .thenCompose(offer -> api.submit(call, new Command.OfferDelivered(offer.offerId()))));
        api.post(
                HttpMethod.POST,
                "/api/v1/offers/:id/accept",
                workers,
                call -> ownOffer(call)
                        .thenCompose(offer ->
                                api.submit(call, new Command.AcceptOffer(offer.offerId(), actorFor(call, offer)))));
        api.post(
                HttpMethod.POST,
                "/api/v1/offers/:id/reject",
                workers,
                call -> ownOffer(call)
                        .thenCompose(offer ->
                                api.submit(call, new Command.RejectOffer(offer.offerId(), actorFor(call, offer)))));
        api.post(
                HttpMethod.POST,
                "/api/v1/offers/:id/end",
                workers,
                call -> ownOffer(call)
                        .thenCompose(offer -> api.submit(
                                call, new Command.EndInteraction(offer.interactionId(), EndReason.COMPLETED))));
        api.post(
                HttpMethod.POST,
                "/api/v1/assignments/:id/end-wrap-up",
                workers,
                call -> ownAssignment(call).thenCompose(id -> api.submit(call, new Command.EndWrapUp(id))));
        api.post(HttpMethod.POST, "/api/v1/assignments/:id/extend-wrap-up", workers, call -> {
            Requests.ExtendWrapUp b = call.body(Requests.ExtendWrapUp.class);
            long extra = Requests.positiveSeconds(Requests.required(b.extraSeconds(), "extraSeconds"), "extraSeconds");
            return ownAssignment(call)
                    .thenCompose(id -> api.submit(
                            call, Requests.checked(() -> new Command.ExtendWrapUp(id, extra), "extraSeconds")));
        });
    }

    /** The advisor accepts or rejects: recorded as that advisor unless a system principal acts for it. */
    private static io.firstcontact.router.api.model.Actor actorFor(Api.Call call, Ownership.OfferRef offer) {
        return call.principal().role() == AGENT
                ? io.firstcontact.router.api.model.Actor.agent(offer.agentId())
                : call.principal().actor();
    }

    private CompletableFuture<Ownership.OfferRef> ownOffer(Api.Call call) {
        String offerId = call.param("id");
        return owners.offer(offerId).thenApply(found -> {
            Ownership.OfferRef offer = found.orElseThrow(() -> ApiProblem.notFound("no such offer"));
            if (!call.principal().actsFor(offer.agentId())) {
                throw ApiProblem.forbidden("this offer is another advisor's");
            }
            return offer;
        });
    }

    private CompletableFuture<String> ownAssignment(Api.Call call) {
        String id = call.param("id");
        return owners.assignmentAgent(id).thenApply(found -> {
            String agent = found.orElseThrow(() -> ApiProblem.notFound("no such assignment"));
            if (!call.principal().actsFor(agent)) {
                throw ApiProblem.forbidden("this assignment is another advisor's");
            }
            return id;
        });
    }

    // ------------------------------------------------------------------ queues

    private void queues() {
        var managers = roles(SUPERVISOR, ADMIN);
        api.post(
                HttpMethod.POST,
                "/api/v1/queues/:name/open",
                managers,
                call -> api.submit(call, Requests.checked(() -> new Command.OpenQueue(call.param("name")), "name")));
        api.post(
                HttpMethod.POST,
                "/api/v1/queues/:name/close",
                managers,
                call -> api.submit(call, Requests.checked(() -> new Command.CloseQueue(call.param("name")), "name")));
    }
}
