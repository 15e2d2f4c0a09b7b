package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.InteractionIds;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls an advisor starts: {@code POST /desk/api/work/{assignmentId}/callback} promises a callback at a time (to
 * themself or to the queue; see {@link PromisedCallbacks}), and {@code POST /desk/api/calls} calls a resident now
 * ("click to call"). Both are interactions like any other — journaled, offered, answered, wrapped up and counted —
 * with direction CALLBACK or OUTBOUND; the voice adapter dials the number when the advisor's offer is accepted.
 */
final class CallRoutes {
    static final String CALL_SOURCE_PREFIX = "desktop:call:";
    /** The number an outbound call dials (E.164); personal. */
    static final String DIAL = "dialNumber";

    static final Duration LONGEST_PROMISE = Duration.ofDays(30);
    /** How long a click-to-call waits for its advisor before it is given up. */
    static final long CALL_WINDOW_MILLIS = 60_000;

    private final DeskRoutes desk;
    private final RoutingPort routing;
    private final LiveView view;
    private final Desks desks;
    private final PromisedCallbacks callbacks;
    private final InstantSource clock;
    private final String reasonAttribute;

    CallRoutes(
            DeskRoutes desk,
            RoutingPort routing,
            LiveView view,
            Desks desks,
            PromisedCallbacks callbacks,
            InstantSource clock,
            String reasonAttribute) {
        this.desk = desk;
        this.routing = routing;
        this.view = view;
        this.desks = desks;
        this.callbacks = callbacks;
        this.clock = clock;
        this.reasonAttribute = reasonAttribute;
    }

    record Promise(String at, String to, String number, String note) {}

    record Call(String number, String customerRef) {}

    void mount(Router router) {
        JsonRoutes.handle(router.post("/desk/api/work/:id/callback"), (p, ctx) -> {
            Promise b = JsonRoutes.body(ctx, Promise.class);
            Instant due = due(b.at());
            boolean forThem = !"QUEUE".equals(b.to());
            String number = number(b.number());
            String note =
                    b.note() == null || b.note().isBlank() ? null : b.note().strip();
            if (note != null && (note.length() > 500 || CardNumberTripwire.containsCardNumber(note))) {
                throw Problem.invalid("the note is too long or holds what looks like a card number");
            }
            return desk.ownWork(p, ctx)
                    .thenCompose(as -> desk.onEngine(() -> {
                                RoutingConfig config = view.configuration().orElseThrow();
                                QueueConfig q = config.queue(as.queue());
                                if (q == null
                                        || config.channel(q.channel()).mediaClass() != MediaClass.REALTIME_VOICE) {
                                    throw Problem.invalid("callbacks are promised from a call");
                                }
                                return desks.context(as.interactionId());
                            })
                            .thenCompose(context -> {
                                String id = InteractionIds.random("cb-");
                                List<Attribute> attributes = new ArrayList<>();
                                if (context != null && context.reason() != null) {
                                    attributes.add(new Attribute(reasonAttribute, context.reason()));
                                }
                                attributes.add(new Attribute(PromisedCallbacks.NUMBER, number));
                                attributes.add(new Attribute(PromisedCallbacks.DUE, due.toString()));
                                attributes.add(new Attribute(PromisedCallbacks.QUEUE, as.queue()));
                                attributes.add(new Attribute(PromisedCallbacks.PROMISED_BY, p.agentId()));
                                attributes.add(new Attribute(PromisedCallbacks.FOR, forThem ? "advisor" : "queue"));
                                if (note != null) {
                                    attributes.add(new Attribute(PromisedCallbacks.NOTE, note));
                                }
                                Command create = new Command.CreateInteraction(
                                        id,
                                        as.channel(),
                                        Direction.CALLBACK,
                                        PromisedCallbacks.SOURCE_PREFIX + id,
                                        as.interactionId(),
                                        context == null ? null : context.customerRef(),
                                        new Attributes(attributes),
                                        null);
                                return routing.submit(DeskRoutes.SOURCE, null, create)
                                        .thenApply(d -> {
                                            JsonNode ok = JsonRoutes.decided(d);
                                            callbacks.arm(id, due, as.queue(), p.agentId(), forThem);
                                            return (JsonNode) PublicJson.MAPPER
                                                    .createObjectNode()
                                                    .put("ok", ok.path("ok").asBoolean())
                                                    .put("interactionId", id)
                                                    .put("due", due.toString());
                                        });
                            }));
        });
        JsonRoutes.handle(router.post("/desk/api/calls"), (p, ctx) -> {
            Call b = JsonRoutes.body(ctx, Call.class);
            String number = number(b.number());
            String customerRef = b.customerRef() == null || b.customerRef().isBlank()
                    ? null
                    : AccountKey.customerRef(b.customerRef()).value();
            return desk.onEngine(() -> voiceQueueFor(p.agentId())).thenCompose(queue -> {
                String id = InteractionIds.random("out-");
                Command create = new Command.CreateInteraction(
                        id,
                        config().queue(queue).channel(),
                        Direction.OUTBOUND,
                        CALL_SOURCE_PREFIX + id,
                        null,
                        customerRef,
                        Attributes.of(DIAL, number, reasonAttribute, "outbound"),
                        QueueRequest.to(queue)
                                .withTargets(List.of(new Target(
                                        p.agentId(), clock.millis() + CALL_WINDOW_MILLIS, TargetMode.ONLY))));
                return routing.submit(DeskRoutes.SOURCE, null, create).thenApply(d -> {
                    JsonRoutes.decided(d);
                    return (JsonNode)
                            PublicJson.MAPPER.createObjectNode().put("ok", true).put("interactionId", id);
                });
            });
        });
    }

    private RoutingConfig config() {
        return view.configuration().orElseThrow(() -> new IllegalStateException("routing is not configured"));
    }

    /** The advisor's first voice queue, if they are ready and free for a call now; else 409. Engine thread. */
    private String voiceQueueFor(String agentId) {
        AgentView a = view.agent(agentId).orElseThrow(() -> Problem.notFound("routing does not know you"));
        if (a.presence() != PresenceState.READY
                || a.pendingPresence() != null
                || !a.offerIds().isEmpty()) {
            throw Problem.conflict("be ready, with nothing ringing, to make a call");
        }
        for (String id : a.assignmentIds()) {
            if (view.assignment(id)
                    .map(as -> as.status() == AssignmentStatus.ACTIVE)
                    .orElse(false)) {
                throw Problem.conflict("finish the contact you are on before making a call");
            }
        }
        RoutingConfig config = config();
        RoutingProfile rp = config.routingProfile(a.routingProfile());
        if (rp != null) {
            for (QueueMembership m : rp.queues()) {
                QueueConfig q = config.queue(m.queue());
                if (q != null && config.channel(q.channel()).mediaClass() == MediaClass.REALTIME_VOICE) {
                    return q.id();
                }
            }
        }
        throw Problem.conflict("you take no voice queue, so you cannot make calls");
    }

    private Instant due(String at) {
        if (at == null) {
            throw Problem.invalid("give the time of the callback");
        }
        Instant due;
        try {
            due = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("the time must be an RFC 3339 instant such as 2026-12-07T10:30:00Z");
        }
        Instant now = clock.instant();
        if (!due.isAfter(now) || due.isAfter(now.plus(LONGEST_PROMISE))) {
            throw Problem.invalid("a callback is promised for a time in the next 30 days");
        }
        return due;
    }

    /** The number typed (to call, to call back, to transfer a call out to), as E.164; never a card number. */
    static String number(String number) {
        if (number == null || number.isBlank()) {
            throw Problem.invalid("give the number to call");
        }
        if (CardNumberTripwire.containsCardNumber(number)) {
            throw Problem.invalid("not a telephone number");
        }
        try {
            return AccountKey.callerNumber(number).value();
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("not a telephone number");
        }
    }
}
