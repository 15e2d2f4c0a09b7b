package io.firstcontact.channels.voice.peer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message as Asterisk writes it: header lines {@code Name: value} in order (a name may repeat, as
 * {@code Variable:} and {@code Output:} do), each ending CRLF, the message ending with an empty line.
 */
public final class AmiMessage {
    private final List<String[]> headers = new ArrayList<>();

    public static AmiMessage event(String name) {
        return new AmiMessage().add("Event", name);
    }

    public static AmiMessage response(String response) {
        return new AmiMessage().add("Response", response);
    }

    /** Parses one message's lines (without the blank line that ends it). */
    public static AmiMessage parse(List<String> lines) {
        AmiMessage m = new AmiMessage();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                m.headers.add(new String[] {line, null});
                continue;
            }
            String value = line.substring(colon + 1);
            m.headers.add(new String[] {line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value});
        }
        return m;
    }

    public AmiMessage add(String name, Object value) {
        headers.add(new String[] {name, value == null ? "" : String.valueOf(value)});
        return this;
    }

    /** Adds the header only when there is a value (Asterisk leaves out an empty ActionID). */
    public AmiMessage addIfPresent(String name, String value) {
        if (value != null && !value.isEmpty()) {
            add(name, value);
        }
        return this;
    }

    /** The first value of a header, matched case-insensitively as Asterisk does; null when absent. */
    public String get(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** Every value of a repeated header, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** The first line's kind: {@code Response}, {@code Event}, {@code Action}, or another name. */
    public String kind() {
        return headers.isEmpty() ? "" : headers.getFirst()[0];
    }

    public String firstValue() {
        return headers.isEmpty() ? "" : headers.getFirst()[1];
    }

    public boolean isEvent() {
        return kind().toLowerCase(Locale.ROOT).equals("event");
    }

    public List<String[]> headers() {
        return headers;
    }

    public byte[] bytes() {
        StringBuilder b = new StringBuilder();
        for (String[] h : headers) {
            b.append(h[0]);
            if (h[1] != null) {
                b.append(": ").append(h[1]);
            }
            b.append("\r\n");
        }
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
