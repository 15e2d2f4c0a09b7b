package io.firstcontact.router.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Snapshots as earlier versions of the router wrote them, kept byte for byte. */
public final class OldSnapshots {
    private OldSnapshots() {}

    /**
     * A snapshot of schema version 3, written by {@link TestCodecs#keyed()} at {@link #VERSION_THREE_AT}: the small
     * centre; "ann" ready since {@code VERSION_THREE_AT - 240_000} and holding call "c1", parked at {@code
     * VERSION_THREE_AT - 90_000}; "bob" not ready (LUNCH) since {@code VERSION_THREE_AT - 180_000}. Version 3 kept
     * neither time.
     */
    public static byte[] versionThree() {
        try (InputStream in = OldSnapshots.class.getResourceAsStream("/snapshots/engine-snapshot-v3.json")) {
            if (in == null) {
                throw new IllegalStateException("the version 3 snapshot is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine time of {@link #versionThree()}. */
    public static final long VERSION_THREE_AT = 1_700_000_300_000L;
}
