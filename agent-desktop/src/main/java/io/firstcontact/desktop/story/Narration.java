package io.firstcontact.desktop.story;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Requirement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The words of each step of a contact's story but its offers' reasons ({@link OfferReasons}): one sentence per fact,
 * naming advisors by {@code names} and never anything personal of the customer.
 */
final class Narration {
    private Narration() {}

    /** The sentence for a fact about the contact, or null for a fact its story leaves out. */
    static String of(Fact fact, long at, Followed f, Function<String, String> names) {
        return switch (fact) {
            case Fact.InteractionCreated c -> arrived(c);
            case Fact.VisitStarted v ->
                "Queued in " + v.queue() + (v.inherited() ? ", keeping its place in line" : "")
                        + (v.tier() > 0 ? " at priority tier " + v.tier() : "");
            case Fact.RequirementsRelaxed r ->
                "Waited long enough for its requirements to relax (step " + r.level() + "): "
                        + requirements(r.requirements());
            case Fact.OverflowApplied o ->
                "Overflow rule " + (o.rule() + 1) + " (" + words(o.trigger().name()) + "): "
                        + words(o.action().name());
            case Fact.TierChanged t ->
                "Priority tier now " + t.tier() + (t.reason() == null ? "" : " (" + words(t.reason()) + ")");
            case Fact.AgeBonusChanged b -> "Moved up the line by " + seconds(b.ageBonusMillis());
            case Fact.TargetReleased t ->
                "No longer waits for " + names.apply(t.agentId())
                        + (t.reason() == null ? "" : " (" + words(t.reason()) + ")");
            case Fact.MaxWaitReached m -> "Waited the queue's longest wait: " + words(m.action());
            case Fact.OfferStatusChanged s -> offer(s, names);
            case Fact.WrapUpStarted w -> null;
            case Fact.AssignmentStarted a -> null;
            case Fact.AssignmentEnded e -> null;
            case Fact.VisitEnded v -> visitEnded(v, at);
            case Fact.InteractionEnded e -> "Ended: " + words(e.reason().name());
            case Fact.WrapUpRecorded w ->
                w.codes().isEmpty()
                        ? null
                        : names.apply(w.agentId()) + " recorded wrap-up codes " + String.join(", ", w.codes());
            case Fact.CrossSellRecorded c ->
                names.apply(c.agentId()) + " recorded " + c.service() + ": "
                        + words(c.outcome().name());
            case Fact.SelfServiceRecorded s ->
                "Self-service " + s.service() + ": " + words(s.outcome().name());
            default -> null;
        };
    }

    /** A step for a command that acts on the contact on someone's behalf, or null. */
    static String asked(Command c, Function<String, String> names) {
        return switch (c) {
            case Command.TransferToQueue t -> "Transfer to " + t.queue() + " asked by " + actor(t.actor(), names);
            case Command.TransferToAgent t ->
                "Transfer to " + names.apply(t.agentId()) + " asked by " + actor(t.actor(), names);
            case Command.TransferExternal t -> "Transfer out of the centre asked by " + actor(t.actor(), names);
            default -> null;
        };
    }

    private static String arrived(Fact.InteractionCreated c) {
        String how = c.direction() == Direction.INBOUND
                ? "Arrived by " + c.channel()
                : c.direction() == Direction.CALLBACK
                        ? "Callback (" + c.channel() + ") created"
                        : "Outbound " + c.channel() + " started";
        return c.customerRef() == null ? how + ", customer not identified" : how;
    }

    private static String offer(Fact.OfferStatusChanged s, Function<String, String> names) {
        String who = names.apply(s.agentId());
        String cause = s.cause() == null ? "" : " (" + words(s.cause()) + ")";
        return switch (s.status()) {
            case RESERVED -> null;
            case ALERTING -> "Ringing for " + who;
            case ACCEPTED -> who + " answered";
            case REJECTED -> who + " rejected it";
            case TIMED_OUT -> who + " did not answer in time" + cause;
            case FAILED -> "The offer to " + who + " failed" + cause;
            case CANCELLED -> "The offer to " + who + " was withdrawn" + cause;
        };
    }

    /** Why an advisor is excluded from the rest of the visit, as "X had …", or null when they are not. */
    static String exclusion(Fact.OfferStatusChanged s) {
        return switch (s.status()) {
            case REJECTED -> "rejected it";
            case TIMED_OUT -> "let it ring out";
            case FAILED -> "a phone that failed on it";
            default -> null;
        };
    }

    private static String visitEnded(Fact.VisitEnded v, long at) {
        String waited = seconds(Math.max(0, at - v.enteredAt()));
        return switch (v.outcome()) {
            case ANSWERED -> "Answered after " + waited + " in " + v.queue();
            case ABANDONED -> "The customer left after " + waited + " waiting in " + v.queue();
            case ABANDONED_WHILE_ALERTING -> "The customer left while an advisor was being offered it, after " + waited;
            case TRANSFERRED_OUT -> "Left " + v.queue() + " by transfer after " + waited;
            case OVERFLOWED_OUT -> "Overflowed out of " + v.queue() + " after " + waited;
            case SELF_SERVED -> "Served itself after " + waited + " in " + v.queue();
            case CALLBACK_CONVERTED -> "Became a callback after " + waited + " in " + v.queue();
            case MAX_WAIT_ACTION -> "Left " + v.queue() + " at its longest wait (" + waited + ")";
            case CLOSED -> v.queue() + " closed while it waited (" + waited + ")";
            case LOST_DURING_OUTAGE -> "Lost while routing was down";
        };
    }

    private static String actor(Actor a, Function<String, String> names) {
        return switch (a.kind()) {
            case AGENT -> names.apply(a.id());
            case SUPERVISOR -> "supervisor " + a.id();
            default -> "the system";
        };
    }

    static String requirements(List<Requirement> rs) {
        if (rs.isEmpty()) {
            return "any advisor of the queue";
        }
        StringBuilder b = new StringBuilder();
        for (Requirement r : rs) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(r.skill()).append(" ≥ ").append(r.minProficiency());
        }
        return b.toString();
    }

    static String seconds(long millis) {
        long s = Math.round(millis / 1000.0);
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    /** An enum's or a code's name as words: {@code CUSTOMER_LEFT} → {@code customer left}. */
    static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
