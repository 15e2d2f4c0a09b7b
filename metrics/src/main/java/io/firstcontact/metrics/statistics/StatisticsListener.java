package io.firstcontact.metrics.statistics;

import java.util.Set;

/**
 * Hears what changed, for pages that show the figures live (the wallboard pushes them over a WebSocket): after each
 * committed entry that changed figures, which queues, channels and advisors; and each alert as it is raised and
 * cleared. Called on the engine thread: hand off, never block; read the figures through {@link Statistics} from the
 * engine thread.
 */
public interface StatisticsListener {

    /**
     * What one committed entry changed.
     *
     * @param at the entry's engine time (epoch millis)
     * @param centre the centre's figures changed (always, when anything did)
     */
    record Change(long at, Set<String> queues, Set<String> channels, Set<String> agents, boolean centre) {
        public Change {
            queues = Set.copyOf(queues);
            channels = Set.copyOf(channels);
            agents = Set.copyOf(agents);
        }
    }

    default void changed(Change change) {}

    default void alertRaised(Alert alert) {}

    default void alertCleared(Alert alert) {}
}
