package io.firstcontact.router.journal.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories only their owner may read: what the server keeps in its data directory (the journal's AOF
 * and RDB, the spill file, keys, tokens) holds customer references, so files are {@code 0600} (programs {@code 0700})
 * and directories {@code 0700}, like the journal key. Where the file system has no POSIX permissions this does
 * nothing: the directory's own protection is all there is.
 */
public final class OwnerOnly {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PROGRAM = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file readable and writable by its owner only. */
    public static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code dir} (and its missing parents) if need be, and makes it {@code 0700}; parents that existed keep
     * their permissions.
     */
    public static Path directory(Path dir) {
        try {
            Path absolute = dir.toAbsolutePath().normalize();
            Path missing = absolute;
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            Files.createDirectories(absolute);
            if (posix()) {
                // Every level created here, from the first missing one down, and the directory itself.
                for (Path p = absolute; p != null && p.startsWith(missing); p = p.getParent()) {
                    Files.setPosixFilePermissions(p, DIRECTORY);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir + " readable only by its owner", e);
        }
    }

    /** Makes an existing file {@code 0600}; does nothing if it does not exist. */
    public static void file(Path file) {
        restrict(file, FILE);
    }

    /** Makes an existing program {@code 0700}. */
    static void program(Path file) {
        restrict(file, PROGRAM);
    }

    /**
     * Makes everything under {@code dir} readable only by its owner: directories {@code 0700}, programs {@code 0700},
     * other files {@code 0600}. Symbolic links are left alone. For files an earlier version wrote more openly.
     */
    public static void tree(Path dir) {
        if (!posix() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(p, DIRECTORY);
                } else if (Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)
                        .contains(PosixFilePermission.OWNER_EXECUTE)) {
                    restrict(p, PROGRAM);
                } else {
                    restrict(p, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " readable only by its owner", e);
        } catch (UncheckedIOException e) {
            // A file removed while walking (a Redis temporary file): what is left was restricted.
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e;
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        if (!posix()) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // gone: nothing to restrict
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " readable only by its owner", e);
        }
    }
}
