package io.firstcontact.router.journal.redis;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes using a Redis data directory: whose working directory it is (redis-server changes to its {@code dir})
 * or that hold a file in it open (the AOF). Read from Linux's {@code /proc}; a process of another user cannot be
 * seen, but neither can it write a directory readable only by its owner ({@link OwnerOnly}).
 */
final class DirectoryOccupants {
    /** A process using the directory, and how. */
    record Occupant(long pid, String command, String how) {
        @Override
        public String toString() {
            return "pid " + pid + " (" + command + ", " + how + ")";
        }
    }

    private DirectoryOccupants() {}

    /** The processes other than this one using {@code dir}; empty where there is no {@code /proc}. */
    static List<Occupant> of(Path dir) {
        Path proc = Path.of("/proc");
        List<Occupant> found = new ArrayList<>();
        if (!Files.isDirectory(proc)) {
            return found;
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return found; // no directory: nobody uses it
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
            for (Path p : pids) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                String how = how(p, real);
                if (how != null) {
                    String command = ProcessHandle.of(pid)
                            .flatMap(h -> h.info().command())
                            .orElse("unknown program");
                    found.add(new Occupant(pid, command, how));
                }
            }
        } catch (IOException e) {
            // /proc unreadable: nothing can be said
        }
        return found;
    }

    private static String how(Path process, Path dir) {
        try {
            if (Files.readSymbolicLink(process.resolve("cwd")).equals(dir)) {
                return "working in it";
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // another user's process, or gone
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir)) {
                        return "holding " + dir.relativize(target) + " open";
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or gone
        }
        return null;
    }

    private static boolean isNumber(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
