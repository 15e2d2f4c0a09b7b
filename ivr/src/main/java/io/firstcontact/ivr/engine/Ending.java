package io.firstcontact.ivr.engine;

import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import java.util.List;
import java.util.Objects;

/** How an IVR session ended: what the front end does with the call or chat next. */
public sealed interface Ending {

    /** The caller was helped (or had nothing to do) and heard goodbye: hang up, end the interaction as self-served. */
    record SelfServed(List<String> servicesCompleted) implements Ending {
        public SelfServed {
            servicesCompleted = List.copyOf(servicesCompleted);
        }
    }

    /**
     * The caller goes to an advisor: queue the interaction with {@code request}, after setting {@code attributes}
     * (what they keyed and chose, so that nobody asks again) beside the edge's own.
     *
     * @param reason why, as the flows name it (also in the attributes as {@code ivrReason})
     */
    record HandOver(QueueRequest request, String reason, Attributes attributes) implements Ending {
        public HandOver {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /** The queue is closed and its calendar forwards callers: put the call through to {@code number} (E.164). */
    record Forward(String number) implements Ending {
        public Forward {
            Objects.requireNonNull(number, "number");
        }
    }

    /** The queue is closed and the caller heard why: hang up. */
    record Closed() implements Ending {}

    /** The caller hung up or left the chat. */
    record CallerLeft() implements Ending {}
}
