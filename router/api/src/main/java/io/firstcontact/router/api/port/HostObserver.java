package io.firstcontact.router.api.port;

/**
 * What the host measures, for the metrics binder: decision time per input type, commit latency and batch size,
 * deadline lateness. Called on the engine thread; implementations record, never block.
 */
public interface HostObserver {
    HostObserver NONE = new HostObserver() {};

    /** How long a submitted command waited for the engine thread before it was sequenced. */
    default void sequenced(long nanos) {}

    default void decided(String inputType, long nanos) {}

    default void committed(int batchSize, long nanos) {}

    /** A batch was sent to the journal behind another still being written, instead of waiting for it. */
    default void sentBehind(int batchSize) {}

    /** How late a deadline input was sequenced after its instant. */
    default void deadlineLateness(long millis) {}

    /** The journal refused an append because a newer epoch started: this host stepped down. */
    default void deposed(String reason) {}

    /** An append failed for another reason and will be retried. */
    default void journalFailed(Throwable cause) {}
}
