package io.firstcontact.router.journal.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ids Redis acknowledged to this journal, kept as little as finding a loss needs: the last one, and where each
 * epoch's run began. The host numbers its inputs without a hole across epochs (an epoch's first entry follows the
 * previous epoch's last by one), so the acknowledged entries' seqs are one unbroken run and a lost stretch is its
 * tail. Only Redis' own replies (or a read-back that found the entries) count: a batch whose append timed out, or one
 * written to the spill file, was never acknowledged here, and finding it missing is not a loss but an append to retry.
 * Thread-safe.
 */
final class AcknowledgedIds {
    /** The first id acknowledged in each epoch, ascending. */
    private final List<StreamId> runs = new ArrayList<>();

    private StreamId last;

    /** Redis has acknowledged these entries (in ascending order). */
    synchronized void acknowledged(List<RedisJournal.Entry> entries) {
        for (RedisJournal.Entry entry : entries) {
            StreamId id = StreamId.of(entry);
            if (last != null && id.compareTo(last) <= 0) {
                continue; // a retry of what is already counted
            }
            if (runs.isEmpty() || runs.getLast().epoch() != id.epoch()) {
                runs.add(id);
            }
            last = id;
        }
    }

    /** The last acknowledged id, if any. */
    synchronized Optional<StreamId> last() {
        return Optional.ofNullable(last);
    }

    /** The acknowledged entries after {@code top}, the stream's last id: what Redis lost, if anything. */
    synchronized Optional<LostEntries> lostAbove(StreamId top) {
        if (last == null || top.compareTo(last) >= 0) {
            return Optional.empty();
        }
        long firstSeq = Math.max(top.seq() + 1, runs.getFirst().seq());
        StreamId first = null;
        for (StreamId run : runs) {
            if (run.seq() <= firstSeq) {
                first = new StreamId(run.epoch(), firstSeq);
            }
        }
        if (first == null || first.compareTo(last) > 0) {
            return Optional.empty(); // nothing this journal acknowledged lies above the top
        }
        return Optional.of(
                new LostEntries(top.toString(), first.toString(), last.toString(), last.seq() - first.seq() + 1));
    }

    /**
     * A snapshot now covers everything acknowledged so far: a later loss is measured from the entries acknowledged
     * after it.
     */
    synchronized void covered() {
        last = null;
        runs.clear();
    }
}
