package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.journal.RoutingConfigForm;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Routing configuration as versioned data (docs/routing-contract.md §9): {@code GET /api/v1/config} shows it in the journal's form
 * with its version as the ETag; {@code PUT /api/v1/config} replaces it, only with {@code If-Match} naming the current
 * version (428 without, 412 on a stale one). The body is read as {@link RoutingConfigForm} reads a configuration (every
 * field with a default may be left out). The engine validates and applies it atomically, and the change is a journal
 * entry like any other.
 */
final class ConfigRoutes {
    private final Api api;

    ConfigRoutes(Api api) {
        this.api = api;
    }

    void register() {
        api.get(
                "/api/v1/config",
                roles(SUPERVISOR, ADMIN),
                (ctx, p) -> current().thenApply(c -> {
                    ObjectNode body = PublicJson.MAPPER.createObjectNode();
                    body.put("version", c.version());
                    body.set("config", tree(c));
                    return new Api.Reply(200, body, null, etag(c.version()));
                }));
        api.post(HttpMethod.PUT, "/api/v1/config", roles(ADMIN), call -> {
            String ifMatch = Requests.ifMatch(call, "/api/v1/config");
            ObjectNode tree = Requests.objectBody(call, "a routing configuration object");
            return current().thenCompose(c -> {
                if (!ifMatch.equals(etag(c.version()))) {
                    throw new ApiProblem(
                            412,
                            "precondition-failed",
                            "The configuration changed",
                            "the configuration is at version " + c.version()
                                    + "; read it again and reapply the change");
                }
                long next = c.version() + 1;
                // The version is the server's to assign: as read (the current one), the next one, or left out.
                JsonNode version = tree.get("version");
                long given = version == null ? next : version.canConvertToExactIntegral() ? version.asLong() : -1;
                if (given != next && given != c.version()) {
                    throw ApiProblem.invalid(
                            "version", "version must be " + c.version() + ", " + next + " or left out");
                }
                tree.put("version", next);
                RoutingConfig config;
                try {
                    config = new RoutingConfigForm(api.runtime().codec()).read(tree, "");
                } catch (RoutingConfigForm.Invalid e) {
                    List<ApiProblem.FieldError> errors = List.of(new ApiProblem.FieldError(e.field(), e.getMessage()));
                    if (e.malformed()) {
                        // Not the configuration's shape (an unknown field, a wrong type): like any body.
                        throw new ApiProblem(
                                400, "malformed-request", "The request cannot be read", e.getMessage(), errors);
                    }
                    // The shape is right and a record refused a value: the configuration is not valid.
                    throw new ApiProblem(
                            422, "invalid-request", "The configuration is not valid", e.getMessage(), errors);
                }
                return api.submit(
                                call,
                                new Command.ConfigureRouting(config),
                                200,
                                d -> PublicJson.MAPPER.createObjectNode().put("version", next))
                        .thenApply(r -> new Api.Reply(r.status(), r.body(), null, etag(next)));
            });
        });
    }

    private CompletableFuture<RoutingConfig> current() {
        return api.runtime().query(engine -> engine.config());
    }

    private JsonNode tree(RoutingConfig c) {
        try {
            return PublicJson.MAPPER.readTree(api.runtime().codec().encodeValue(c));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
