package io.firstcontact.server.channels;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.LiveReads.DialOut;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers of the calls the centre places (callbacks, advisors' outbound calls), followed from committed entries
 * and from recovery: the read model keeps no attributes, and the voice adapter must dial these after a restart too.
 * Only live interactions with such a number are held; an ended one is forgotten. The numbers are personal: they stay
 * in memory here and are never logged.
 */
public final class DialNumbers implements EffectSink {
    private final Map<String, DialOut> live = new ConcurrentHashMap<>();

    /** The number of a live interaction the centre calls, if it has one. */
    public Optional<DialOut> of(String interactionId) {
        return Optional.ofNullable(live.get(interactionId));
    }

    /** After a restart from a snapshot, before the replay. */
    public void restore(EngineSnapshot snapshot) {
        live.clear();
        for (EngineSnapshot.InteractionSnap i : snapshot.interactions()) {
            dialOut(i.direction(), i.attributes()).ifPresent(d -> live.put(i.id(), d));
        }
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            switch (f) {
                case Fact.InteractionCreated c
                when input.command() instanceof Command.CreateInteraction create ->
                    dialOut(c.direction(), create.attributes()).ifPresent(d -> live.put(c.interactionId(), d));
                case Fact.AttributesChanged c
                when input.command() instanceof Command.UpdateAttributes u -> {
                    DialOut before = live.get(c.interactionId());
                    dialOut(before != null && before.callback() ? Direction.CALLBACK : null, u.attributes())
                            .ifPresent(d -> live.put(c.interactionId(), d));
                }
                case Fact.InteractionEnded e -> live.remove(e.interactionId());
                default -> {}
            }
        }
    }

    private static Optional<DialOut> dialOut(Direction direction, Attributes attributes) {
        String callback = attributes.get(LiveReads.CALLBACK_NUMBER);
        if (callback != null) {
            return Optional.of(new DialOut(callback, true));
        }
        String dial = attributes.get(LiveReads.DIAL_NUMBER);
        if (dial != null) {
            return Optional.of(new DialOut(dial, direction == Direction.CALLBACK));
        }
        return Optional.empty();
    }
}
