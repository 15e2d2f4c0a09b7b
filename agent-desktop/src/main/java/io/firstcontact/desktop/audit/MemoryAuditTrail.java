package io.firstcontact.desktop.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The latest audit records in memory, oldest dropped first beyond a bound; thread-safe. */
public final class MemoryAuditTrail implements AuditTrail {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<AuditRecord> records = new ArrayDeque<>();

    public MemoryAuditTrail() {
        this(DEFAULT_CAPACITY);
    }

    public MemoryAuditTrail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized CompletionStage<Void> record(AuditRecord record) {
        records.addLast(record);
        while (records.size() > capacity) {
            records.removeFirst();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<AuditRecord>> read(long fromMillis, long toMillis, int limit) {
        List<AuditRecord> out = new ArrayList<>();
        for (Iterator<AuditRecord> it = records.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            AuditRecord r = it.next();
            if (r.doneAt() >= fromMillis && r.doneAt() < toMillis) {
                out.add(r);
            }
        }
        return CompletableFuture.completedFuture(out);
    }
}
