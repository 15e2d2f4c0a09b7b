package io.firstcontact.router.api.config;

/**
 * Centre-wide rules of the offer lifecycle.
 *
 * @param rejectsBeforePause N rejects within {@code rejectWindowMillis} put the advisor NOT_READY(REJECTS)
 * @param rejectWindowMillis M
 * @param ronaPausesAgent RONA makes the advisor NOT_READY(RONA) (else only excluded from that interaction)
 * @param ronasBeforeTierRaise after this many RONAs on one interaction its tier rises by one and a supervisor is
 *     alerted
 * @param sessionGraceMillis a desktop session gone longer than this makes the advisor NOT_READY(DISCONNECTED)
 * @param requeueOpenWorkOnLogout chats and emails of an advisor who logs out go back to their queue with their key
 *     (else logout waits for them like for voice)
 * @param namedTransferMillis how long a transfer to a named advisor waits for them only
 * @param idempotencyKeyCapacity how many recent idempotency keys the state keeps
 */
public record RoutingPolicy(
        int rejectsBeforePause,
        long rejectWindowMillis,
        boolean ronaPausesAgent,
        int ronasBeforeTierRaise,
        long sessionGraceMillis,
        boolean requeueOpenWorkOnLogout,
        long namedTransferMillis,
        int idempotencyKeyCapacity) {

    public static final int DEFAULT_REJECTS_BEFORE_PAUSE = 3;
    public static final long DEFAULT_REJECT_WINDOW_MILLIS = 5 * 60_000;
    public static final boolean DEFAULT_RONA_PAUSES_AGENT = true;
    public static final int DEFAULT_RONAS_BEFORE_TIER_RAISE = 2;
    public static final long DEFAULT_SESSION_GRACE_MILLIS = 30_000;
    public static final boolean DEFAULT_REQUEUE_OPEN_WORK_ON_LOGOUT = true;
    public static final long DEFAULT_NAMED_TRANSFER_MILLIS = 60_000;
    public static final int DEFAULT_IDEMPOTENCY_KEY_CAPACITY = 10_000;

    public static final RoutingPolicy DEFAULT = new RoutingPolicy(
            DEFAULT_REJECTS_BEFORE_PAUSE,
            DEFAULT_REJECT_WINDOW_MILLIS,
            DEFAULT_RONA_PAUSES_AGENT,
            DEFAULT_RONAS_BEFORE_TIER_RAISE,
            DEFAULT_SESSION_GRACE_MILLIS,
            DEFAULT_REQUEUE_OPEN_WORK_ON_LOGOUT,
            DEFAULT_NAMED_TRANSFER_MILLIS,
            DEFAULT_IDEMPOTENCY_KEY_CAPACITY);

    public RoutingPolicy {
        if (rejectsBeforePause < 1 || rejectsBeforePause > 64 || rejectWindowMillis <= 0) {
            throw new IllegalArgumentException("rejectsBeforePause must be 1–64 and rejectWindowMillis positive");
        }
        if (ronasBeforeTierRaise < 1 || sessionGraceMillis < 0 || namedTransferMillis <= 0) {
            throw new IllegalArgumentException(
                    "ronasBeforeTierRaise ≥ 1, sessionGraceMillis ≥ 0, namedTransferMillis > 0");
        }
        if (idempotencyKeyCapacity < 16) {
            throw new IllegalArgumentException("idempotencyKeyCapacity must be at least 16");
        }
    }
}
