package io.firstcontact.channels.email;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.List;
import java.util.Objects;

/**
 * An email as the centre keeps it: its thread ids, who sent it, and its text and subject with card numbers masked
 * (read by {@link MailReader}; nothing of the sender's markup survives).
 *
 * @param messageId its Message-ID without angle brackets (made from its content when it has none)
 * @param references its References, oldest first
 * @param inReplyTo its In-Reply-To
 * @param address the sender's address, lower case
 * @param name the sender's display name, or null
 * @param subject masked; empty when it had none
 * @param text the body as plain text, masked
 * @param attachments files kept, each within the size limit
 * @param dropped notes of what was not kept (a file too large, too many files), for the advisor
 */
record InboundMail(
        String messageId,
        List<String> references,
        List<String> inReplyTo,
        String address,
        String name,
        String subject,
        String text,
        List<File> attachments,
        List<String> dropped) {

    InboundMail {
        Objects.requireNonNull(messageId, "messageId");
        references = List.copyOf(references);
        inReplyTo = List.copyOf(inReplyTo);
        Objects.requireNonNull(address, "address");
        subject = CardNumberTripwire.mask(Objects.requireNonNullElse(subject, ""));
        text = CardNumberTripwire.mask(Objects.requireNonNull(text, "text"));
        name = name == null ? null : CardNumberTripwire.mask(name);
        attachments = List.copyOf(attachments);
        dropped = List.copyOf(dropped);
    }

    /** Whether it answers something (it has thread ids). */
    boolean answersSomething() {
        return !references.isEmpty() || !inReplyTo.isEmpty();
    }

    /** A file that came with the email. */
    record File(String filename, String contentType, byte[] bytes) {
        File {
            Objects.requireNonNull(bytes, "bytes");
        }

        /** Never prints the content. */
        @Override
        public String toString() {
            return "File[" + contentType + ", " + bytes.length + " bytes]";
        }
    }

    /** Never prints the address, the subject or the text: they are personal. */
    @Override
    public String toString() {
        return "InboundMail[" + messageId.length() + "-character id, " + attachments.size() + " attachments]";
    }
}
