package io.firstcontact.channels.sms;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.EffectSink;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts a resident to confirm a callback once routing has committed it: a waiting caller who asked to be called back
 * (they keep their place), or an advisor's promise to call at a time. Only mobile numbers are texted (UK {@code +447…},
 * or a number abroad); a landline gets nothing. Follows committed entries only, so a restart's recovery sends nothing
 * twice.
 */
public final class CallbackConfirmations implements EffectSink {
    static final String REQUESTED = "Thank you. We will call you back on this number and you keep your place in the"
            + " queue: there is no need to stay on the line.";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackConfirmations.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final Notifier notifier;
    private final ZoneId zone;

    /** @param zone the centre's time zone, in which a promised time is written */
    public CallbackConfirmations(Notifier notifier, ZoneId zone) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        switch (input.command()) {
            case Command.RequestCallback r -> {
                for (var f : decision.facts()) {
                    if (f instanceof Fact.CallbackRequested c
                            && c.interactionId().equals(r.interactionId())) {
                        text(r.number(), REQUESTED);
                    }
                }
            }
            case Command.ScheduleCallback s -> {
                for (var f : decision.facts()) {
                    if (f instanceof Fact.CallbackScheduled c
                            && c.interactionId().equals(s.interactionId())
                            && c.attempt() == 1) {
                        text(
                                s.number(),
                                "Thank you. We will call you back on "
                                        + WHEN.format(
                                                Instant.ofEpochMilli(c.dueAt()).atZone(zone)) + ".");
                    }
                }
            }
            default -> {}
        }
    }

    private void text(Attribute number, String text) {
        String to;
        try {
            to = E164.normalise(number.value());
        } catch (IllegalArgumentException e) {
            return; // not a phone number (withheld): nothing to text
        }
        if (to.startsWith("+44") && !to.startsWith("+447")) {
            return; // a UK landline cannot take a text
        }
        notifier.send(Message.sms(to, text)).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn(
                        "a callback confirmation was not sent ({})",
                        e.getClass().getSimpleName());
            }
        });
    }
}
