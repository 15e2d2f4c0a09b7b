package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Ids;
import io.vertx.core.http.HttpMethod;

/**
 * What the back office tells the centre about its customers: {@code POST /api/v1/customers/{customerRef}/online-activity}
 * reports a customer's online self-service (registered, paid online, reported online), journaled as {@code
 * ReportOnlineActivity} so that the statistics can tell whether a digital service offered in a contact was taken up
 * (channel shift).
 */
final class CustomerRoutes {
    private final Api api;

    CustomerRoutes(Api api) {
        this.api = api;
    }

    void register() {
        api.post(HttpMethod.POST, "/api/v1/customers/:customerRef/online-activity", roles(INTEGRATION, ADMIN), call -> {
            Requests.OnlineActivity b = call.body(Requests.OnlineActivity.class);
            String customerRef = call.param("customerRef");
            String activity = Requests.required(b.activity(), "activity");
            // Card numbers never get this far: the request screen checks every path segment and body text.
            Requests.checked(() -> Ids.require(customerRef, "customerRef"), "customerRef");
            return api.submit(
                    call, Requests.checked(() -> new Command.ReportOnlineActivity(customerRef, activity), "activity"));
        });
    }
}
