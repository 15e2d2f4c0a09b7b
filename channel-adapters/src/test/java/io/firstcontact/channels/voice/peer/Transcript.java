package io.firstcontact.channels.voice.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the recorded Asterisk 20 sessions in {@code src/test/resources/asterisk} (their README gives the format): the
 * chunks exactly as they crossed the socket, with their direction.
 */
public record Transcript(String name, List<Chunk> chunks) {
    private static final Pattern MARKER = Pattern.compile("#### \\+([0-9.]+)s (\\S+)->(\\S+) ([0-9]+) bytes");

    /** One {@code recv()} or {@code send()}: who sent it (S = Asterisk for AMI, A = Asterisk for FastAGI). */
    public record Chunk(double at, String from, String to, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public Transcript {
        chunks = List.copyOf(chunks);
    }

    /** Reads a recording from the test resources ({@code ami-queue-call.txt}). */
    public static Transcript load(String file) {
        try (InputStream in = Transcript.class.getResourceAsStream("/asterisk/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + file);
            }
            return parse(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript parse(String name, byte[] raw) {
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < raw.length) {
            int eol = indexOf(raw, (byte) '\n', i);
            int end = eol < 0 ? raw.length : eol;
            String line = new String(raw, i, end - i, StandardCharsets.UTF_8);
            i = eol < 0 ? raw.length : eol + 1;
            Matcher m = MARKER.matcher(line);
            if (!m.matches()) {
                continue; // a comment or a blank line
            }
            int n = Integer.parseInt(m.group(4));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(n);
            bytes.write(raw, i, n);
            i += n;
            if (n > 0 && raw[i - 1] != '\n' && i < raw.length && raw[i] == '\n') {
                i++; // the reader's line feed after a chunk that did not end in one
            }
            chunks.add(new Chunk(Double.parseDouble(m.group(1)), m.group(2), m.group(3), bytes.toByteArray()));
        }
        return new Transcript(name, chunks);
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Every byte one side sent, in order (chunk boundaries dropped). */
    public byte[] sentBy(String side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Chunk c : chunks) {
            if (c.from().equals(side)) {
                out.writeBytes(c.bytes());
            }
        }
        return out.toByteArray();
    }

    /** The sessions of a file holding several connections, split where the server's banner starts again. */
    public List<byte[]> serverSessions() {
        List<byte[]> sessions = new ArrayList<>();
        ByteArrayOutputStream current = null;
        for (Chunk c : chunks) {
            if (!c.from().equals("S")) {
                continue;
            }
            if (current == null || c.text().startsWith("Asterisk Call Manager/")) {
                if (current != null) {
                    sessions.add(current.toByteArray());
                }
                current = new ByteArrayOutputStream();
            }
            current.writeBytes(c.bytes());
        }
        if (current != null) {
            sessions.add(current.toByteArray());
        }
        return sessions;
    }
}
