package io.firstcontact.desktop.story;

import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contact as the stories follow it: its steps so far, and what of its routing the read model does not show but an
 * offer's reasons need (its targets, current requirements, the queues its visit widened to, the advisors its visit
 * excludes). Engine thread only.
 */
final class Followed {
    final String interactionId;
    final Deque<Step> steps = new ArrayDeque<>();
    long stepsDropped;
    boolean earlierUnknown;

    String queue;
    String visitId;
    long enteredAt;
    /** Null: the queue's own requirements. */
    List<Requirement> requirements;

    int relaxLevel;
    List<Target> targets = List.of();
    final Set<String> widenedTo = new LinkedHashSet<>();
    /** Advisors this visit will not be offered again, with why, in the order they were excluded. */
    final Map<String, String> excluded = new LinkedHashMap<>();

    Followed(String interactionId) {
        this.interactionId = interactionId;
    }

    void add(Step s, int max) {
        steps.addLast(s);
        while (steps.size() > max) {
            steps.removeFirst();
            stepsDropped++;
        }
    }

    /** A new visit: what belonged to the last one goes. */
    void visit(String queue, String visitId, long enteredAt) {
        this.queue = queue;
        this.visitId = visitId;
        this.enteredAt = enteredAt;
        this.relaxLevel = 0;
        widenedTo.clear();
        excluded.clear();
    }

    Story story() {
        return new Story(interactionId, new ArrayList<>(steps), earlierUnknown, stepsDropped);
    }
}
