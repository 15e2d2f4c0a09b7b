package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import io.firstcontact.router.api.model.DeviceName;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/v1/interactions/{id}/supervise}: a supervisor listens to, whispers to or barges into an advisor's
 * call from their own phone. Every use is audited by the voice channel.
 */
final class SupervisionRoutes {
    private static final List<String> MODES = List.of("LISTEN", "WHISPER", "BARGE");

    private final Api api;
    private final Supervision supervision;

    /** @param supervision the voice channel's, or null when no Asterisk is configured */
    SupervisionRoutes(Api api, Supervision supervision) {
        this.api = api;
        this.supervision = supervision;
    }

    record Body(String mode, String device) {}

    void register() {
        api.post(HttpMethod.POST, "/api/v1/interactions/:id/supervise", roles(SUPERVISOR, ADMIN), call -> {
            Body b = call.body(Body.class);
            String mode = Requests.required(b.mode(), "mode").toUpperCase(Locale.ROOT);
            if (!MODES.contains(mode)) {
                throw ApiProblem.invalid("mode", "one of LISTEN, WHISPER, BARGE");
            }
            String device = Requests.checked(
                    () -> DeviceName.optional(Requests.required(b.device(), "device"), "device"), "device");
            if (supervision == null) {
                throw ApiProblem.conflict("no voice channel is configured");
            }
            String id = call.param("id");
            return supervision
                    .join(call.principal().actor().id(), device, id, mode)
                    .toCompletableFuture()
                    .handle((leg, e) -> {
                        if (e != null) {
                            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                            throw ApiProblem.conflict(cause.getMessage());
                        }
                        var body = PublicJson.MAPPER.createObjectNode();
                        body.put("interactionId", id);
                        body.put("mode", mode);
                        body.put("leg", leg);
                        return new Api.Reply(202, body, null, null);
                    });
        });
    }
}
