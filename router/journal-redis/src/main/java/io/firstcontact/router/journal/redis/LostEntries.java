package io.firstcontact.router.journal.redis;

import java.util.Objects;

/**
 * Journal entries that Redis acknowledged and no longer holds: it restarted from an AOF that missed its last writes
 * ({@code appendfsync everysec} can lose up to a second of them when redis-server is killed), or was restored from an
 * older backup. Only ids, never data.
 *
 * @param streamTop the stream's last id as Redis now reports it ({@code 0-0} when the stream is gone)
 * @param first the first lost entry's id
 * @param last the last entry Redis had acknowledged, lost too
 * @param count how many entries were lost
 */
public record LostEntries(String streamTop, String first, String last, long count) {
    public LostEntries {
        Objects.requireNonNull(streamTop, "streamTop");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (count < 1) {
            throw new IllegalArgumentException("a loss is of one entry or more: " + count);
        }
    }

    /** {@code first..last}, or the one id. */
    public String range() {
        return first.equals(last) ? first : first + ".." + last;
    }
}
