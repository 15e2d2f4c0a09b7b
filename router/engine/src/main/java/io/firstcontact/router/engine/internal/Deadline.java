package io.firstcontact.router.engine.internal;

import java.util.Comparator;

/** A pending deadline: removed when cancelled, so that a timer never fires for nothing. */
final class Deadline {
    /** Due order: instant, then creation order (deterministic, part of the snapshot). */
    static final Comparator<Deadline> ORDER =
            Comparator.comparingLong((Deadline d) -> d.due).thenComparingLong(d -> d.order);

    enum Kind {
        OFFER_TIMEOUT,
        WRAP_UP_END,
        VISIT,
        SESSION_GRACE,
        CALLBACK_DUE,
        CUSTOMER_GRACE
    }

    final Kind kind;
    final Object owner;
    long due;
    long order;
    boolean scheduled;

    Deadline(Kind kind, Object owner) {
        this.kind = kind;
        this.owner = owner;
    }

    long due() {
        return due;
    }

    Kind kind() {
        return kind;
    }
}
