package io.firstcontact.desktop.audit;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where supervisor actions are kept for as long as the centre must be able to say who did what (the journal itself is
 * trimmed behind each snapshot). The server keeps them in Redis beside the journal; {@link MemoryAuditTrail} keeps the
 * latest ones in memory (tests, and a desktop without a server).
 */
public interface AuditTrail {

    /** Appends one record; completes when it is kept. */
    CompletionStage<Void> record(AuditRecord record);

    /**
     * The records from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), newest first, at most {@code
     * limit}.
     */
    CompletionStage<List<AuditRecord>> read(long fromMillis, long toMillis, int limit);
}
