package io.firstcontact.router.api.conversation;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a conversation: a message, a notice, or an email.
 *
 * @param seq 1, 2, … within the conversation: the order everyone sees, and what a reconnecting page resumes after
 * @param at when it was written (epoch milliseconds)
 * @param author who wrote it
 * @param text what they wrote, as shown: card numbers masked, never markup (every view escapes it)
 * @param subject an email's subject; null for chat and SMS
 * @param attachments files that came with it
 */
public record Entry(long seq, long at, Author author, String text, String subject, List<Attachment> attachments) {
    public Entry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Never prints the text: it is personal. */
    @Override
    public String toString() {
        return "Entry[" + seq + ", " + author + ", " + text.length() + " characters]";
    }
}
