package io.firstcontact.ivr.engine;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.EndReason;
import java.util.List;
import java.util.Objects;

/** How an IVR session ended: what the front end does with the call or chat next. */
public sealed interface Ending {

    /**
     * What routing is told, in order, for the interaction to leave the IVR this way: queued with its attributes (the
     * edge's own {@code edge} merged with the IVR's), ended (self-served, or the customer left), or transferred out.
     */
    List<Command> commands(String interactionId, Attributes edge);

    /** The caller was helped (or had nothing to do) and heard goodbye: hang up, end the interaction as self-served. */
    record SelfServed(List<String> servicesCompleted) implements Ending {
        public SelfServed {
            servicesCompleted = List.copyOf(servicesCompleted);
        }

        @Override
        public List<Command> commands(String interactionId, Attributes edge) {
            return List.of(new Command.EndInteraction(interactionId, EndReason.SELF_SERVED));
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

        /**
         * The commands that hand the interaction over, in order: its attributes (the edge's own {@code edge}, then the
         * IVR's; the IVR's win a name both give) and its queueing. Attributes beyond the limits of {@link Attributes}
         * are dropped, the IVR's step trail first.
         */
        @Override
        public List<Command> commands(String interactionId, Attributes edge) {
            java.util.Map<String, String> merged = new java.util.LinkedHashMap<>();
            edge.entries().forEach(a -> merged.put(a.name(), a.value()));
            attributes.entries().forEach(a -> merged.put(a.name(), a.value()));
            while (!fits(merged)) {
                if (merged.remove(IvrSession.STEPS) == null) {
                    merged.remove(merged.keySet().stream().reduce((a, b) -> b).orElseThrow());
                }
            }
            List<Attribute> list = new java.util.ArrayList<>();
            merged.forEach((k, v) -> list.add(new Attribute(k, v)));
            return List.of(
                    new Command.UpdateAttributes(interactionId, new Attributes(list)),
                    new Command.QueueInteraction(interactionId, request));
        }

        private static boolean fits(java.util.Map<String, String> m) {
            int chars = 0;
            for (var e : m.entrySet()) {
                chars += e.getKey().length() + e.getValue().length();
            }
            return m.size() <= Attributes.MAX_ENTRIES && chars <= Attributes.MAX_TOTAL_CHARS;
        }
    }

    /** The queue is closed and its calendar forwards callers: put the call through to {@code number} (E.164). */
    record Forward(String number) implements Ending {
        public Forward {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public List<Command> commands(String interactionId, Attributes edge) {
            return List.of(new Command.TransferExternal(interactionId, number, Actor.SYSTEM));
        }
    }

    /** The queue is closed and the caller heard why: hang up. */
    record Closed() implements Ending {
        @Override
        public List<Command> commands(String interactionId, Attributes edge) {
            return List.of(new Command.EndInteraction(interactionId, EndReason.CUSTOMER_LEFT));
        }
    }

    /** The caller hung up or left the chat. */
    record CallerLeft() implements Ending {
        @Override
        public List<Command> commands(String interactionId, Attributes edge) {
            return List.of(new Command.EndInteraction(interactionId, EndReason.CUSTOMER_LEFT));
        }
    }
}
