package io.firstcontact.router.api.conversation;

import java.util.Objects;

/**
 * A file that came with an entry (an email's attachment, a photo uploaded in a chat), as the desktop lists it. Its
 * content is read through {@link Conversations#attachment} and served for download only, never shown inline.
 *
 * @param id stable within its conversation
 * @param filename as the sender named it, made safe to show (no path, no control characters)
 * @param contentType as the sender declared it; informative only, never trusted to render
 * @param size in bytes
 */
public record Attachment(String id, String filename, String contentType, long size) {
    /** The longest file name kept. */
    public static final int MAX_FILENAME = 120;

    public Attachment {
        Objects.requireNonNull(id, "id");
        filename = safeName(filename);
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** A name to show and to download under: its last path segment, without control characters, bounded. */
    public static String safeName(String name) {
        if (name == null) {
            return "attachment";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder();
        last.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(b::appendCodePoint);
        String s = b.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return "attachment";
        }
        return s.length() > MAX_FILENAME ? s.substring(0, MAX_FILENAME) : s;
    }

    /** A file's bytes with what is known of it. */
    public record Content(Attachment attachment, byte[] bytes) {
        public Content {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
