package io.firstcontact.channels.voice.peer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AMI byte stream into messages, whatever the chunk boundaries: lines end CRLF, a message ends with an
 * empty line, and the banner ({@code Asterisk Call Manager/9.0.0}) is a message of its own.
 */
public final class AmiFramer {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private boolean bannerSeen;
    private final boolean expectBanner;

    /** @param expectBanner whether the stream starts with Asterisk's banner (what Asterisk sends does) */
    public AmiFramer(boolean expectBanner) {
        this.expectBanner = expectBanner;
    }

    /** Feeds bytes; returns the messages they complete. */
    public List<AmiMessage> feed(byte[] bytes, int offset, int length) {
        List<AmiMessage> done = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            line.write(b);
            if (b != '\n') {
                continue;
            }
            byte[] raw = line.toByteArray();
            line.reset();
            int n = raw.length - 1;
            if (n > 0 && raw[n - 1] == '\r') {
                n--;
            }
            String text = new String(raw, 0, n, StandardCharsets.UTF_8);
            if (expectBanner && !bannerSeen) {
                bannerSeen = true;
                done.add(AmiMessage.parse(List.of(text)));
                continue;
            }
            if (text.isEmpty()) {
                if (!lines.isEmpty()) {
                    done.add(AmiMessage.parse(lines));
                    lines.clear();
                }
                continue;
            }
            lines.add(text);
        }
        return done;
    }

    public List<AmiMessage> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }
}
