package io.firstcontact.desktop.audit;

import java.util.Objects;

/**
 * One supervisor action, as the audit trail keeps it: who did what to whom, when, and what came of it. It names
 * advisors, queues and contacts by id and never holds personal data (no customer's name, number or text).
 *
 * @param doneAt when it was done (epoch milliseconds; for a routing command, the engine time of its journal entry)
 * @param username who did it: their sign-in name (for single sign-on, the provider's subject)
 * @param name how they are called, as their session held it
 * @param action what they did ({@code presence}, {@code routing-profile}, {@code open-queue}, {@code close-queue},
 *     {@code supervise-call}, …)
 * @param subject what it was done to: an advisor id, a queue, an interaction id
 * @param detail the particulars ({@code NOT_READY (LUNCH), forced}, {@code revenues}), or null
 * @param entryId the journal entry it was committed as ({@code <epoch>-<seq>}), or null when it did not go through
 *     routing or was not committed
 * @param outcome {@code done}, {@code refused: …} (routing refused it, changing nothing) or {@code failed: …}
 */
public record AuditRecord(
        long doneAt,
        String username,
        String name,
        String action,
        String subject,
        String detail,
        String entryId,
        String outcome) {
    public static final String DONE = "done";

    public AuditRecord {
        if (doneAt < 0) {
            throw new IllegalArgumentException("doneAt must not be negative");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
    }
}
