package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.anyRole;
import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.AGENT;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.account.AccountContext;
import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.account.routing.QueueSwitches;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account context in the API: an interaction's account (its screen pop, for the advisor working it and for
 * integrations), an account by what identifies the customer (for integrations), and the supervisor's switch of
 * routing on the citizen's account per queue. Account bodies are the JSON of docs/back-office.md.
 */
final class AccountRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);

    private final CompletableFuture<AccountContext> starting;
    private final ViewRoutes views;

    /** @param starting the account context, which starts after routing has recovered */
    AccountRoutes(CompletableFuture<AccountContext> starting, ViewRoutes views) {
        this.starting = starting;
        this.views = views;
    }

    /** The started context, else 503: it starts in the seconds after routing opens. */
    private AccountContext account() {
        AccountContext a = starting.isDone() && !starting.isCompletedExceptionally() ? starting.join() : null;
        if (a == null) {
            throw new ApiProblem(
                    503,
                    "back-office-unavailable",
                    "The back office is unavailable",
                    "the account context is starting (or failed to start: see the server's log); routing is"
                            + " unaffected");
        }
        return a;
    }

    void register(Api api) {
        api.get("/api/v1/interactions/:id/account", anyRole(), (ctx, p) -> {
            String id = ctx.pathParam("id");
            return views.interaction(id).thenCompose(found -> {
                var i = found.orElseThrow(() -> ApiProblem.notFound("no interaction " + id));
                if (p.is(AGENT) && !p.agentId().equals(i.agentId())) {
                    throw ApiProblem.forbidden("an agent sees only the accounts of the interactions it is working on");
                }
                return answer(account().forInteraction(id), "no account is known for this interaction's customer")
                        .thenApply(a -> {
                            ObjectNode body = PublicJson.MAPPER.createObjectNode();
                            body.put("interactionId", id);
                            body.set("account", a);
                            return Api.Reply.ok(body);
                        });
            });
        });
        api.get("/api/v1/accounts/:kind/:value", roles(SUPERVISOR, ADMIN, INTEGRATION), (ctx, p) -> {
            AccountKey key;
            try {
                key = new AccountKey(AccountKey.Kind.ofPrefix(ctx.pathParam("kind")), ctx.pathParam("value"));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("key", e.getMessage());
            }
            return answer(
                            account().directory().find(key),
                            "nobody is known by this " + key.kind().prefix())
                    .thenApply(Api.Reply::ok);
        });
        api.get(
                "/api/v1/account-routing",
                roles(SUPERVISOR, ADMIN),
                (ctx, p) -> views.queueNames().thenApply(queues -> Api.Reply.ok(state(queues))));
        api.post(HttpMethod.PUT, "/api/v1/account-routing/queues/:name", roles(SUPERVISOR, ADMIN), call -> {
            String queue = call.param("name");
            Requests.Switch body = call.body(Requests.Switch.class);
            if (body.enabled() == null) {
                throw ApiProblem.invalid("enabled", "enabled is required: true or false");
            }
            return views.queueNames().thenApply(queues -> {
                if (!queues.contains(queue)) {
                    throw ApiProblem.notFound("no queue " + queue);
                }
                account().routingSwitches().set(queue, body.enabled());
                LOG.info(
                        "{} turned routing on the citizen's account {} for queue {}",
                        call.principal().name(),
                        body.enabled() ? "on" : "off",
                        queue);
                return Api.Reply.ok(state(queues));
            });
        });
    }

    private ObjectNode state(List<String> queues) {
        AccountContext account = account();
        QueueSwitches switches = account.routingSwitches();
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("enabled", switches.enabled());
        body.put("windowMillis", account.routingOptions().window().toMillis());
        body.put("lookBackMillis", account.routingOptions().lookBack().toMillis());
        ArrayNode items = body.putArray("queues");
        for (String q : queues) {
            items.addObject()
                    .put("queue", q)
                    .put("applies", switches.appliesTo(q))
                    .put("changedBySupervisor", switches.changes().containsKey(q));
        }
        return body;
    }

    /** The account as JSON; 404 when there is none, 503 when the back office cannot say. */
    private static CompletableFuture<JsonNode> answer(CompletionStage<Optional<Account>> lookup, String none) {
        return lookup.toCompletableFuture().handle((found, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause instanceof BackOfficeUnavailableException u) {
                throw new ApiProblem(
                        503,
                        "back-office-unavailable",
                        "The back office is unavailable",
                        "account context cannot be read now (" + u.reason() + "); routing is unaffected");
            }
            if (cause != null) {
                throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            }
            Account a = found.orElseThrow(() -> ApiProblem.notFound(none));
            try {
                return PublicJson.MAPPER.readTree(AccountJson.write(a));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }
}
