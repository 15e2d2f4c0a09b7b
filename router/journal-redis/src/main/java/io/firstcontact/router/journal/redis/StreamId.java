package io.firstcontact.router.journal.redis;

/** A journal id, {@code <epoch>-<seq>}, ordered as Redis orders stream ids. {@code 0-0} stands for "no entry". */
record StreamId(long epoch, long seq) implements Comparable<StreamId> {
    static final StreamId NONE = new StreamId(0, 0);

    StreamId {
        if (epoch < 0 || seq < 0) {
            throw new IllegalArgumentException("a journal id is two non-negative numbers: " + epoch + "-" + seq);
        }
    }

    static StreamId of(RedisJournal.Entry entry) {
        return new StreamId(entry.epoch(), entry.seq());
    }

    static StreamId parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 1) {
            throw new IllegalArgumentException("not a journal id: " + id);
        }
        return new StreamId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }

    @Override
    public int compareTo(StreamId other) {
        int byEpoch = Long.compare(epoch, other.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return epoch + "-" + seq;
    }
}
