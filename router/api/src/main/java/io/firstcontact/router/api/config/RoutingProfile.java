package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import java.util.ArrayList;
import java.util.List;

/** The queues an advisor takes, separate from their skills. */
public record RoutingProfile(String id, List<QueueMembership> queues) {
    public RoutingProfile {
        Ids.require(id, "routing profile id");
        queues = List.copyOf(queues);
        List<String> seen = new ArrayList<>();
        for (QueueMembership m : queues) {
            if (seen.contains(m.queue())) {
                throw new IllegalArgumentException("routing profile " + id + " lists " + m.queue() + " twice");
            }
            seen.add(m.queue());
        }
    }

    public QueueMembership membership(String queue) {
        for (QueueMembership m : queues) {
            if (m.queue().equals(queue)) {
                return m;
            }
        }
        return null;
    }
}
