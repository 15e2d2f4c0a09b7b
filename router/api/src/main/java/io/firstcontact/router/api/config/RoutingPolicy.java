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

    public static final Range REJECTS_BEFORE_PAUSE_RANGE = Range.count(1, 64);
    public static final Range REJECT_WINDOW_MILLIS_RANGE = Range.millis(1, 24 * 3_600_000L);
    public static final Range RONAS_BEFORE_TIER_RAISE_RANGE = Range.count(1, 100);
    public static final Range SESSION_GRACE_MILLIS_RANGE = Range.millis(0, 3_600_000L);
    public static final Range NAMED_TRANSFER_MILLIS_RANGE = Range.millis(1, 3_600_000L);
    public static final Range IDEMPOTENCY_KEY_CAPACITY_RANGE = Range.count(16, 1_000_000);

    /** Every field at its default. */
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
        REJECTS_BEFORE_PAUSE_RANGE.require(rejectsBeforePause, "rejectsBeforePause");
        REJECT_WINDOW_MILLIS_RANGE.require(rejectWindowMillis, "rejectWindowMillis");
        RONAS_BEFORE_TIER_RAISE_RANGE.require(ronasBeforeTierRaise, "ronasBeforeTierRaise");
        SESSION_GRACE_MILLIS_RANGE.require(sessionGraceMillis, "sessionGraceMillis");
        NAMED_TRANSFER_MILLIS_RANGE.require(namedTransferMillis, "namedTransferMillis");
        IDEMPOTENCY_KEY_CAPACITY_RANGE.require(idempotencyKeyCapacity, "idempotencyKeyCapacity");
    }
}
