package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Direction;
import java.util.List;
import java.util.Objects;

/**
 * What the desk shows of an interaction beyond the read model: who the customer is and what they told the IVR (its
 * attributes, personal ones included: only the advisor working on it sees them).
 *
 * @param interactionId the interaction
 * @param channel its channel
 * @param direction inbound, callback or outbound
 * @param customerRef the customer, or null when not identified
 * @param reason why they got in touch (the configured reason attribute), or null
 * @param attributes every attribute, in the order given
 * @param arrivedAt when it arrived
 */
public record InteractionContext(
        String interactionId,
        String channel,
        Direction direction,
        String customerRef,
        String reason,
        List<Attribute> attributes,
        long arrivedAt) {
    public InteractionContext {
        Objects.requireNonNull(interactionId, "interactionId");
        attributes = List.copyOf(attributes);
    }
}
