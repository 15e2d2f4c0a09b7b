package io.firstcontact.router.journal.redis;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a Redis AOF lose its last writes, as a redis-server killed under {@code appendfsync everysec} may: the file is
 * cut just before the command that appended a given journal entry (before its {@code MULTI} when a script's writes
 * were wrapped in one), so that entry and everything written after it are gone, whatever else they were. Call it only
 * while no redis-server writes the file (stopped, or frozen with {@code SIGSTOP} until it is killed).
 */
public final class AofTail {
    private static final byte[] MULTI = "*1\r\n$5\r\nMULTI\r\n".getBytes(StandardCharsets.US_ASCII);

    private AofTail() {}

    /**
     * Cuts {@code aof} before the {@code XADD} of entry {@code id} to the stream {@code key}.
     *
     * @return how many bytes were cut off
     * @throws AssertionError if the file holds no such command
     */
    public static long cutBefore(Path aof, String key, String id) throws IOException {
        byte[] bytes = Files.readAllBytes(aof);
        String xadd = "\r\n$4\r\nXADD\r\n" + bulk(key) + bulk(id);
        int at = indexOf(bytes, xadd.getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            throw new AssertionError("the AOF " + aof + " holds no XADD of " + key + " " + id);
        }
        int start = at;
        while (start > 0 && bytes[start] != '*') {
            start--; // back to the command's "*<argument count>"
        }
        if (start >= MULTI.length && regionEquals(bytes, start - MULTI.length, MULTI)) {
            start -= MULTI.length;
        }
        try (FileChannel file = FileChannel.open(aof, StandardOpenOption.WRITE)) {
            file.truncate(start);
            file.force(true);
        }
        return bytes.length - start;
    }

    private static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (regionEquals(haystack, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] bytes, int from, byte[] expected) {
        for (int j = 0; j < expected.length; j++) {
            if (Character.toUpperCase(bytes[from + j]) != Character.toUpperCase(expected[j])) {
                return false;
            }
        }
        return true;
    }
}
