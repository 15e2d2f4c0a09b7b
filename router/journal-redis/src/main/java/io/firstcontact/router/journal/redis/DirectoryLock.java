package io.firstcontact.router.journal.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * An exclusive lock on a directory, held by one process for as long as it uses the directory: a lock file in it,
 * locked with the operating system's file lock (released by the system if the process dies, so a crash never leaves
 * it held) and holding the holder's pid, which a refused process names.
 */
public final class DirectoryLock {
    private final Path file;
    private final FileChannel channel;
    private FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir} ({@code embedded-redis.lock} in it).
     *
     * @throws IllegalStateException if another process (or another user of this one) holds it
     */
    static DirectoryLock take(Path dir) {
        return take(dir.resolve("embedded-redis.lock"), "embedded Redis in " + dir);
    }

    /**
     * Takes the lock held in {@code file}; {@code what} names the directory's use in the refusal.
     *
     * @throws IllegalStateException if another process (or another user of this one) holds it
     */
    public static DirectoryLock take(Path file, String what) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    OwnerOnly.fileAttributes());
            OwnerOnly.file(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held within this very process
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new IllegalStateException("the " + what + " is in use by another FirstContact server"
                        + holder + " (" + file + " is locked): stop that server, or give this one another data"
                        + " directory");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            ("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            return new DirectoryLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.startsWith("pid=") ? " (" + text.replace('=', ' ') + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Gives the directory up. Idempotent. */
    public synchronized void release() {
        if (lock == null) {
            return;
        }
        lock = null;
        closeQuietly(channel); // closing the channel releases its lock
    }

    @Override
    public String toString() {
        return "DirectoryLock[" + file + "]";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held any more either way
        }
    }
}
