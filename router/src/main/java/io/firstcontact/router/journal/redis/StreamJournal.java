package io.firstcontact.router.journal.redis;

import io.firstcontact.router.host.Journal;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The host's journal on a Redis Stream: each entry is its input and decision in the journal's JSON form under the id
 * {@code <epoch>-<seq>}.
 *
 * <p>An append whose outcome was unknown (a timeout) is retried by the host with the same ids. If the first try had
 * in fact been written, Redis refuses the retry exactly as it refuses a deposed leader. So before calling a refusal
 * fencing, this reads back what stands at those ids: the same payloads mean the batch (or a prefix of it, the rest
 * is then appended) is already there; anything else — a newer epoch's entries — means this node is fenced.
 */
public final class StreamJournal implements Journal {
    private final RedisJournal stream;
    private final JournalCodec codec;
    private final Executor blocking;

    /**
     * @param blocking runs the read-back (a blocking call), never on Redis' own I/O threads
     */
    public StreamJournal(RedisJournal stream, JournalCodec codec, Executor blocking) {
        this.stream = Objects.requireNonNull(stream);
        this.codec = Objects.requireNonNull(codec);
        this.blocking = Objects.requireNonNull(blocking);
    }

    @Override
    public CompletionStage<Void> append(List<Entry> batch) {
        List<RedisJournal.Entry> encoded = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            encoded.add(new RedisJournal.Entry(
                    e.input().epoch(), e.input().seq(), codec.encodeEntry(JournalEntry.of(e.input(), e.decision()))));
        }
        return append(encoded, true);
    }

    private CompletionStage<Void> append(List<RedisJournal.Entry> encoded, boolean mayReconcile) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        stream.append(encoded).whenComplete((ok, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                result.complete(null);
            } else if (cause instanceof io.firstcontact.router.journal.redis.FencedException && mayReconcile) {
                // (The simple name would mean Journal.FencedException, inherited from the port.)
                blocking.execute(() -> reconcile(encoded, result));
            } else if (cause instanceof io.firstcontact.router.journal.redis.FencedException fenced) {
                result.completeExceptionally(new Journal.FencedException(fenced.getMessage()));
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    private void reconcile(List<RedisJournal.Entry> encoded, CompletableFuture<Void> result) {
        try {
            RedisJournal.Entry first = encoded.getFirst();
            List<RedisJournal.Entry> present = stream.read(first.epoch() + "-" + (first.seq() - 1), encoded.size() + 1);
            int written = 0;
            while (written < encoded.size()
                    && written < present.size()
                    && present.get(written).equals(encoded.get(written))) {
                written++;
            }
            if (written == encoded.size()) {
                result.complete(null); // the first try was written; its reply was lost
            } else if (written > 0 && written == present.size()) {
                relay(append(encoded.subList(written, encoded.size()), false), result);
            } else {
                String found = present.size() > written
                        ? present.get(written).id()
                        : stream.lastId().orElse("none");
                result.completeExceptionally(new Journal.FencedException(
                        "entry " + encoded.get(written).id() + " refused: the journal holds " + found
                                + " (a newer epoch started)"));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static void relay(CompletionStage<Void> stage, CompletableFuture<Void> into) {
        stage.whenComplete((ok, failure) -> {
            if (failure == null) {
                into.complete(null);
            } else {
                into.completeExceptionally(unwrap(failure));
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
