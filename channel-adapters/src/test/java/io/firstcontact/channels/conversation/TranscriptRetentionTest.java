package io.firstcontact.channels.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts go at the end of their retention, files and all; the others stay, and the next deadline is known. */
class TranscriptRetentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;

    @Test
    void aTranscriptUntouchedForItsRetentionIsDeletedWithItsFilesAndAFreshOneStays() throws Exception {
        TranscriptStore store = new TranscriptStore(dir, SealingKey.of(new byte[32]), RETENTION);
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        store.append("chat-old", JSON.createObjectNode().put("text", "an old conversation"));
        store.putAttachment("chat-old", "f1-abc", new byte[] {1, 2, 3});
        store.append("chat-new", JSON.createObjectNode().put("text", "a recent conversation"));
        Files.setLastModifiedTime(
                dir.resolve("chat-old.log"), FileTime.from(now.minus(RETENTION).minusSeconds(1)));
        Files.setLastModifiedTime(dir.resolve("chat-new.log"), FileTime.from(now.minus(Duration.ofDays(1))));

        Instant next = store.expire(now);

        assertThat(store.exists("chat-old")).isFalse();
        assertThat(store.attachment("chat-old", "f1-abc")).isEmpty();
        assertThat(store.records("chat-new")).hasSize(1);
        assertThat(next).isEqualTo(now.minus(Duration.ofDays(1)).plus(RETENTION));
    }

    @Test
    void whatIsKeptOnDiskIsSealedNotReadable() throws Exception {
        TranscriptStore store = new TranscriptStore(dir, SealingKey.of(new byte[32]), RETENTION);

        store.append("chat-a", JSON.createObjectNode().put("text", "my address is 1 Acacia Avenue"));

        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain("Acacia");
            }
        }
        assertThat(store.records("chat-a").getFirst().path("text").asText()).contains("Acacia");
    }
}
