package io.firstcontact.channels.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a MIME message into an {@link InboundMail}: the plain text body (or an HTML body's text — its markup, scripts
 * and styles are dropped, never rendered), the files attached within the size limit, and its thread ids.
 */
final class MailReader {
    /** The longest body kept; more is cut with a note. */
    static final int MAX_TEXT = 100_000;
    /** The most files kept from one email. */
    static final int MAX_FILES = 20;

    private final int maxAttachmentBytes;

    MailReader(int maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** @throws MessagingException when it cannot be read at all (it is then set aside, flagged, for a person) */
    InboundMail read(MimeMessage m) throws MessagingException, IOException {
        String address = AutomaticMail.sender(m);
        if (address == null) {
            throw new MessagingException("the email has no sender address");
        }
        String name = null;
        if (m.getFrom()[0] instanceof InternetAddress a && a.getPersonal() != null) {
            name = a.getPersonal();
        }
        Body body = new Body();
        walk(m, body);
        String text = body.plain != null ? body.plain : body.html != null ? textOf(body.html) : "";
        text = text.replace("\r\n", "\n").strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
            body.dropped.add("The email was longer than " + MAX_TEXT + " characters; the rest was not kept.");
        }
        String id = m.getMessageID();
        List<String> own = MessageIds.parse(id);
        String messageId = own.isEmpty() ? "no-id." + digest(m) + "@firstcontact.invalid" : own.getFirst();
        String subject = m.getSubject();
        return new InboundMail(
                messageId,
                MessageIds.parse(m.getHeader("References", " ")),
                MessageIds.parse(m.getHeader("In-Reply-To", " ")),
                address,
                name,
                subject == null ? "" : subject.strip(),
                text,
                body.files,
                body.dropped);
    }

    private static final class Body {
        String plain;
        String html;
        final List<InboundMail.File> files = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();
    }

    private void walk(Part p, Body body) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, body);
            }
            return;
        }
        String filename = filename(p);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || filename != null;
        if (!attached && p.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(p);
            return;
        }
        if (!attached && p.isMimeType("text/html") && body.html == null) {
            body.html = text(p);
            return;
        }
        if (!attached && p.isMimeType("text/*")) {
            return; // another alternative of the body
        }
        keep(p, filename == null ? "attachment" : filename, body);
    }

    private void keep(Part p, String filename, Body body) throws MessagingException, IOException {
        if (body.files.size() >= MAX_FILES) {
            body.dropped.add("More than " + MAX_FILES + " files came with the email; " + filename + " was not kept.");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxAttachmentBytes) {
                    body.dropped.add("The file " + filename + " was larger than " + maxAttachmentBytes
                            + " bytes and was not kept; ask for it another way if it is needed.");
                    return;
                }
                out.write(buffer, 0, n);
            }
        }
        String type = p.getContentType() == null ? null : baseType(p.getContentType());
        body.files.add(new InboundMail.File(filename, type, out.toByteArray()));
    }

    private static String filename(Part p) throws MessagingException {
        String name = p.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (IOException e) {
            return name;
        }
    }

    private static String text(Part p) throws MessagingException, IOException {
        try {
            Object content = p.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (IOException e) {
            // an unknown charset: read as UTF-8 below, replacing what does not decode
        }
        try (InputStream in = p.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An HTML body's text: scripts, styles and markup dropped, blocks and line breaks kept as lines. */
    static String textOf(String html) {
        Document d = Jsoup.parse(html);
        d.select("script, style, head, template, noscript").remove();
        d.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre").after("\n");
        String text = d.body() == null ? "" : d.body().wholeText();
        return text.replaceAll("[ \\t\\x0B\\f\\r]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }

    private static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        String base = (semi < 0 ? contentType : contentType.substring(0, semi))
                .strip()
                .toLowerCase(Locale.ROOT);
        return base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? base : "application/octet-stream";
    }

    private static String digest(MimeMessage m) throws MessagingException, IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                m.writeTo(out);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
