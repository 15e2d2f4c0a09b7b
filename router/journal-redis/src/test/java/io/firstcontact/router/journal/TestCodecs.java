package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/** Codecs with a fixed test key, and sealed values masked where tests compare bytes. */
public final class TestCodecs {
    /** A fixed journal key for tests. */
    public static final byte[] KEY = key(7);

    private static final Pattern SEALED = Pattern.compile("\"sealed\":\"v1:[A-Za-z0-9_-]+\"");

    private TestCodecs() {}

    /** A key of {@link PersonalData#KEY_BYTES} bytes all equal to {@code b}. */
    public static byte[] key(int b) {
        byte[] key = new byte[PersonalData.KEY_BYTES];
        Arrays.fill(key, (byte) b);
        return key;
    }

    /** Sealing with {@link #KEY}, the attributes named here in clear. */
    public static PersonalData personal(String... namesInClear) {
        PersonalData personal = PersonalData.withKey(KEY);
        personal.follow(Set.of(namesInClear));
        return personal;
    }

    /** A codec sealing with {@link #KEY}, the attributes named here in clear. */
    public static JournalCodec keyed(String... namesInClear) {
        return new JournalCodec(personal(namesInClear));
    }

    /** The JSON with every sealed value replaced by the same mark (a value is sealed under a new nonce each time). */
    public static String masked(byte[] json) {
        return SEALED.matcher(new String(json, UTF_8)).replaceAll("\"sealed\":\"v1:…\"");
    }
}
