package io.firstcontact.desktop.supervisor;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The statistics' CSV exports for the supervisor view: the same files the statistics API exports ({@code
 * /api/v1/statistics/export/…}), made by the same code, for a supervisor signed in to the view instead of a token. The
 * server provides it; without the statistics, {@link #NONE} says so.
 */
public interface StatisticsExports {

    /** What is exported: one row per contact, or per 15-minute interval of each queue, channel and the centre. */
    enum Kind {
        CONTACTS("contacts"),
        INTERVALS("intervals");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** How the file and the route name it: {@code contacts}, {@code intervals}. */
        public String file() {
            return file;
        }
    }

    /** One export: the file's name ({@code contacts-2026-12-01-2026-12-07.csv}) and its bytes (UTF-8 CSV). */
    record Csv(String fileName, byte[] bytes) {
        public Csv {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** No statistics on this server. */
    StatisticsExports NONE = new StatisticsExports() {
        @Override
        public String unavailableBecause() {
            return "this server keeps no statistics to export";
        }

        @Override
        public int maxDays() {
            return 0;
        }

        @Override
        public CompletionStage<Csv> export(Kind kind, String from, String to, ExportFilter filter) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause()));
        }
    };

    /** Null when exports can be made here; else why not. */
    String unavailableBecause();

    /** The most days one export spans: the history the statistics keep. */
    int maxDays();

    /**
     * The export of the local dates {@code from} to {@code to} (inclusive; each {@code 2026-12-07}, today when null),
     * its rows those the filter keeps. Fails with an {@link IllegalArgumentException} saying what is wrong when a date
     * is not one, {@code from} is after {@code to}, the range is longer than the history kept, or the filter names a
     * queue or channel the routing configuration does not have ({@link ExportFilter.Invalid}).
     */
    CompletionStage<Csv> export(Kind kind, String from, String to, ExportFilter filter);
}
