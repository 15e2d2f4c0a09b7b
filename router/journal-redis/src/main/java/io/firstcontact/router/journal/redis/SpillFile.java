package io.firstcontact.router.journal.redis;

import io.firstcontact.router.journal.redis.RedisJournal.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The bounded local spill file for journal entries while Redis is unreachable (docs/routing-contract.md §8 "Redis
 * down"): append-only, fsynced once per batch, read back in order to be replayed with the same ids on
 * reconnect, then cleared. Readable only by its owner ({@code 0600}).
 *
 * <p>Each record is {@code [int payload length][long epoch][long seq][payload][int CRC32C]}, the CRC
 * covering epoch, seq and payload. A crash in the middle of a batch leaves a torn or corrupt tail;
 * {@link #open} cuts the file back to its last whole record, so a batch is either fully readable or
 * was never acknowledged (its append had not returned).
 *
 * <p>Replay: the spilled entries may or may not have reached Redis before it became unreachable (a
 * timed-out append is an unknown outcome), so the replayer first reads the stream after its last
 * acknowledged id and skips entries already there, then appends the rest; a refusal after that is a
 * real fence. Not thread-safe: the single committer owns it.
 */
public final class SpillFile implements AutoCloseable {

    private static final int HEADER = Integer.BYTES + Long.BYTES + Long.BYTES;
    private static final int TRAILER = Integer.BYTES;

    private final Path path;
    private final FileChannel channel;
    private final long maxBytes;
    private final List<Entry> entries;

    private SpillFile(Path path, FileChannel channel, long maxBytes, List<Entry> entries) {
        this.path = path;
        this.channel = channel;
        this.maxBytes = maxBytes;
        this.entries = entries;
    }

    /** Thrown when a batch would make the spill file larger than its bound; nothing of it is written. */
    public static final class SpillFullException extends RuntimeException {
        SpillFullException(String message) {
            super(message);
        }
    }

    /**
     * Opens (creating if missing) the spill file, reads its whole records and cuts off a torn tail.
     *
     * @param maxBytes the bound on the file's size
     */
    public static SpillFile open(Path path, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        // Readable by its owner only: spilled entries hold customer references.
        FileChannel channel = FileChannel.open(
                path,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                OwnerOnly.fileAttributes());
        OwnerOnly.file(path); // one an earlier version created for everyone to read
        try {
            List<Entry> entries = new ArrayList<>();
            long good = readWholeRecords(channel, entries);
            if (good < channel.size()) {
                System.getLogger(SpillFile.class.getName())
                        .log(
                                System.Logger.Level.WARNING,
                                "spill file " + path + ": cutting a torn tail of " + (channel.size() - good)
                                        + " bytes after " + entries.size() + " whole entries");
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            return new SpillFile(path, channel, maxBytes, entries);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends a batch and fsyncs it before returning.
     *
     * @throws SpillFullException if the batch does not fit in the bound (nothing is written)
     */
    public void append(List<Entry> batch) throws IOException {
        long bytes = 0;
        for (Entry entry : batch) {
            bytes += HEADER + entry.payload().length + TRAILER;
        }
        if (channel.size() + bytes > maxBytes) {
            throw new SpillFullException("spill file " + path + " is full: " + channel.size() + " + " + bytes
                    + " bytes would pass its bound of " + maxBytes);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        CRC32C crc = new CRC32C();
        for (Entry entry : batch) {
            int start = buffer.position();
            buffer.putInt(entry.payload().length)
                    .putLong(entry.epoch())
                    .putLong(entry.seq())
                    .put(entry.payload());
            crc.reset();
            crc.update(buffer.array(), start + Integer.BYTES, Long.BYTES * 2 + entry.payload().length);
            buffer.putInt((int) crc.getValue());
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        entries.addAll(batch);
    }

    /** The spilled entries, in the order they were appended. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The file's size in bytes. */
    public long size() throws IOException {
        return channel.size();
    }

    /** Empties the file once its entries are in Redis. */
    public void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
        entries.clear();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads whole, intact records into {@code into}; returns the offset after the last one. */
    private static long readWholeRecords(FileChannel channel, List<Entry> into) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        CRC32C crc = new CRC32C();
        while (position + HEADER + TRAILER <= size) {
            header.clear();
            if (!readFully(channel, header, position)) {
                break;
            }
            header.flip();
            int length = header.getInt();
            long epoch = header.getLong();
            long seq = header.getLong();
            if (length < 0 || position + HEADER + length + TRAILER > size) {
                break;
            }
            ByteBuffer rest = ByteBuffer.allocate(length + TRAILER);
            if (!readFully(channel, rest, position + HEADER)) {
                break;
            }
            rest.flip();
            byte[] payload = new byte[length];
            rest.get(payload);
            int expected = rest.getInt();
            crc.reset();
            crc.update(header.array(), Integer.BYTES, Long.BYTES * 2);
            crc.update(payload);
            if ((int) crc.getValue() != expected || epoch < 0 || seq < 0 || (epoch == 0 && seq == 0)) {
                break;
            }
            into.add(new Entry(epoch, seq, payload));
            position += HEADER + length + TRAILER;
        }
        return position;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }
}
