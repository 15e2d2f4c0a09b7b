package io.firstcontact.server.api;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.view.InteractionFilter;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/interactions}: {@code phase} (one or more, comma-separated or repeated), {@code
 * queue}, {@code channel}, {@code customerRef}, and the arrival range {@code arrivedFrom} (included) to {@code
 * arrivedTo} (excluded), RFC 3339. A parameter that does not hold is refused (422) naming it.
 */
final class InteractionSearch {
    private InteractionSearch() {}

    static InteractionFilter filter(RoutingContext ctx) {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String value : ctx.queryParam("phase")) {
            for (String name : value.split(",")) {
                phases.add(phase(name.strip()));
            }
        }
        Long from = time(ctx, "arrivedFrom");
        Long to = time(ctx, "arrivedTo");
        if (from != null && to != null && to < from) {
            throw ApiProblem.invalid("arrivedTo", "arrivedTo must not be before arrivedFrom");
        }
        return new InteractionFilter(
                phases, id(ctx, "queue"), id(ctx, "channel"), id(ctx, "customerRef"), from, to, null);
    }

    private static Phase phase(String name) {
        try {
            return Phase.valueOf(name);
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(Phase.values()).map(Enum::name).toList();
            throw ApiProblem.invalid("phase", "phase must be one or more of " + String.join(", ", names));
        }
    }

    private static String id(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Ids.require(value, name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, e.getMessage());
        }
    }

    private static Long time(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null ? null : Requests.time(value, name);
    }
}
