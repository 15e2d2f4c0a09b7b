package io.firstcontact.desktop.supervisor;

import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which rows a statistics export keeps: those of some queues, of some channels, or both (every row when both are
 * empty). A row is kept only when everything it counts is inside the filter, so a queue's interval is kept when its
 * queue (and its channel) are asked for, a channel's interval only when no queue is asked for, and the centre's only
 * without a filter. A contact is kept when its channel is asked for and its first or its last queue is (a contact
 * keeps no record of the queues it passed through between them).
 *
 * @param queues the queues' ids asked for; empty for every queue
 * @param channels the channels' ids asked for; empty for every channel
 */
public record ExportFilter(SortedSet<String> queues, SortedSet<String> channels) {
    /** The most names one filter holds; a council has tens of queues, not thousands. */
    public static final int MAX_NAMES = 100;

    /** Every row. */
    public static final ExportFilter EVERYTHING = new ExportFilter(new TreeSet<>(), new TreeSet<>());

    public ExportFilter {
        queues = Collections.unmodifiableSortedSet(new TreeSet<>(queues));
        channels = Collections.unmodifiableSortedSet(new TreeSet<>(channels));
        requireNames(queues, "queue");
        requireNames(channels, "channel");
    }

    /**
     * The filter a request asks for: each {@code queue} and {@code channel} parameter's value, a name or several
     * separated by commas ({@code queue=parking,council-tax&queue=housing}). Throws {@link Invalid} naming the
     * parameter when a name is empty, is not an id, or looks like a card number (which is not repeated back).
     */
    public static ExportFilter of(List<String> queueParams, List<String> channelParams) {
        return new ExportFilter(names(queueParams), names(channelParams));
    }

    private static SortedSet<String> names(List<String> params) {
        SortedSet<String> out = new TreeSet<>();
        for (String param : params) {
            for (String name : param.split(",", -1)) {
                out.add(name.strip());
            }
        }
        return out;
    }

    private static void requireNames(Collection<String> names, String field) {
        if (names.size() > MAX_NAMES) {
            throw new Invalid(field, "at most " + MAX_NAMES + " " + field + " names in one export");
        }
        for (String name : names) {
            if (CardNumberTripwire.containsCardNumber(name)) {
                throw new Invalid(field, field + " holds what looks like a card number; it is not taken");
            }
            if (!Ids.valid(name)) {
                throw new Invalid(
                        field,
                        field + " names are ids of 1 to " + Ids.MAX_LENGTH
                                + " printable characters without spaces, separated by commas");
            }
        }
    }

    /** Throws {@link Invalid} naming every queue and channel asked for that the configuration does not have. */
    public void requireKnown(Collection<String> knownQueues, Collection<String> knownChannels) {
        requireKnown(queues, knownQueues, "queue");
        requireKnown(channels, knownChannels, "channel");
    }

    private static void requireKnown(SortedSet<String> asked, Collection<String> known, String field) {
        List<String> unknown = new ArrayList<>();
        for (String name : asked) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Invalid(
                    field,
                    (unknown.size() == 1 ? "no " + field + " named " : "no " + field + "s named ")
                            + String.join(", ", unknown) + " in the routing configuration");
        }
    }

    /** Whether the filter keeps every row. */
    public boolean keepsEverything() {
        return queues.isEmpty() && channels.isEmpty();
    }

    /**
     * Whether an interval row is kept.
     *
     * @param scope {@code queue}, {@code channel} or {@code centre}
     * @param name the queue's or channel's id
     * @param channel the queue's channel (a channel's own id; null for the centre)
     */
    public boolean keepsInterval(String scope, String name, String channel) {
        return switch (scope) {
            case "queue" -> asked(queues, name) && asked(channels, channel);
            case "channel" -> queues.isEmpty() && asked(channels, name);
            default -> keepsEverything();
        };
    }

    /** Whether a contact row is kept: by its channel, and its first or last queue (null when it never queued). */
    public boolean keepsContact(String channel, String firstQueue, String lastQueue) {
        return asked(channels, channel) && (queues.isEmpty() || named(queues, firstQueue) || named(queues, lastQueue));
    }

    private static boolean asked(SortedSet<String> names, String name) {
        return names.isEmpty() || named(names, name);
    }

    /** A sorted set refuses to be asked about null (a contact that never queued): it is in no filter. */
    private static boolean named(SortedSet<String> names, String name) {
        return name != null && names.contains(name);
    }

    /** The filter as the audit trail keeps it ({@code queue parking, channel voice}); null for every row. */
    public String described() {
        if (keepsEverything()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!queues.isEmpty()) {
            parts.add("queue " + String.join(" ", queues));
        }
        if (!channels.isEmpty()) {
            parts.add("channel " + String.join(" ", channels));
        }
        return String.join(", ", parts);
    }

    /** A filter that is not one, or names what the configuration does not have: 422 with the message. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The parameter at fault: {@code queue} or {@code channel}. */
        public String field() {
            return field;
        }
    }
}
