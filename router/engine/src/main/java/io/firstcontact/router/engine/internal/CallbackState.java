package io.firstcontact.router.engine.internal;

/**
 * A callback's own state (docs/routing-contract.md §11): the dials made, the advisor who promised it, whether its
 * customer is being dialled or was reached, and, while it waits for its time, where it goes next.
 */
final class CallbackState {
    /** The advisor who promised it (a scheduled callback), or null. */
    final String promisedAgent;

    final Deadline due;
    int dials;
    /** The advisor answered the callback's offer and its customer is being dialled. */
    boolean dialling;
    /** The customer answered a dial: from then on it is a connected call like any other. */
    boolean kept;
    /** While it waits for its time: the queue it goes to. */
    String queue;
    /** While it waits for its time: the place in line it keeps, or null for a new one at its time. */
    KeptPlace place;

    CallbackState(InteractionState interaction, String promisedAgent) {
        this.promisedAgent = promisedAgent;
        this.due = new Deadline(Deadline.Kind.CALLBACK_DUE, interaction);
    }
}
