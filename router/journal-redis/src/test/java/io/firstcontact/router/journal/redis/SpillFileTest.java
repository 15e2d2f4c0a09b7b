package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.journal.redis.RedisJournal.Entry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {

    @TempDir
    Path dir;

    private static List<Entry> batch(long epoch, long fromSeq, int count) {
        List<Entry> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = fromSeq + i;
            batch.add(new Entry(epoch, seq, ("input " + epoch + "-" + seq).getBytes(StandardCharsets.UTF_8)));
        }
        return batch;
    }

    @Test
    void batches_are_read_back_in_order_after_reopening() throws IOException {
        Path file = dir.resolve("journal.spill");
        List<Entry> written = new ArrayList<>();
        try (SpillFile spill = SpillFile.open(file, 1 << 20)) {
            assertThat(spill.isEmpty()).isTrue();
            for (int b = 0; b < 5; b++) {
                List<Entry> batch = batch(2, 1 + b * 10L, 10);
                spill.append(batch);
                written.addAll(batch);
            }
            spill.append(List.of(new Entry(2, 51, new byte[0])));
            written.add(new Entry(2, 51, new byte[0]));
            assertThat(spill.entries()).containsExactlyElementsOf(written);
        }
        try (SpillFile reopened = SpillFile.open(file, 1 << 20)) {
            assertThat(reopened.entries()).containsExactlyElementsOf(written);
            reopened.clear();
            assertThat(reopened.isEmpty()).isTrue();
            assertThat(reopened.size()).isZero();
        }
        try (SpillFile cleared = SpillFile.open(file, 1 << 20)) {
            assertThat(cleared.entries()).isEmpty();
        }
    }

    @Test
    void a_batch_past_the_bound_is_refused_whole() throws IOException {
        Path file = dir.resolve("journal.spill");
        try (SpillFile spill = SpillFile.open(file, 200)) {
            spill.append(batch(1, 1, 3));
            long size = spill.size();
            assertThatThrownBy(() -> spill.append(batch(1, 4, 10)))
                    .isInstanceOf(SpillFile.SpillFullException.class)
                    .hasMessageContaining("full");
            assertThat(spill.size()).isEqualTo(size);
            assertThat(spill.entries()).hasSize(3);
        }
    }

    @Test
    void a_torn_or_corrupt_tail_is_cut_back_to_the_last_whole_entry() throws IOException {
        Path file = dir.resolve("journal.spill");
        try (SpillFile spill = SpillFile.open(file, 1 << 20)) {
            spill.append(batch(1, 1, 4));
        }
        long whole = Files.size(file);
        // a crash in the middle of writing the next batch
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 0, 0, 0}));
        }
        try (SpillFile spill = SpillFile.open(file, 1 << 20)) {
            assertThat(spill.entries()).containsExactlyElementsOf(batch(1, 1, 4));
            assertThat(spill.size()).isEqualTo(whole);
            spill.append(batch(1, 5, 1));
        }
        // a flipped byte in the last entry's payload
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x01;
        Files.write(file, bytes);
        try (SpillFile spill = SpillFile.open(file, 1 << 20)) {
            assertThat(spill.entries()).containsExactlyElementsOf(batch(1, 1, 4));
            assertThat(spill.size()).isEqualTo(whole);
        }
    }
}
