package io.firstcontact.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.metrics.statistics.ContactRecord;
import io.firstcontact.metrics.statistics.StatisticsSnapshot;
import io.firstcontact.router.api.model.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics' snapshot as Redis keeps it: one written before customers were identified after arrival still loads. */
class StatisticsSnapshotFormatTest {

    @Test
    void aLiveContactFromASnapshotWrittenBeforeLateIdentificationLoadsWithoutItsJudgedTime() throws Exception {
        ContactRecord sofar = new ContactRecord(
                "i1",
                "voice",
                Direction.INBOUND,
                1_000L,
                null,
                null,
                "billing",
                "billing",
                1,
                false,
                0,
                null,
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(),
                false);
        StatisticsSnapshot.ContactSnap now = new StatisticsSnapshot.ContactSnap(
                "i1", "voice", Direction.INBOUND, 1_000L, null, "k1", List.of(), sofar, 1_000L);
        ObjectNode older = RedisStatisticsStore.JSON.valueToTree(now);
        older.remove("judgedAt");

        StatisticsSnapshot.ContactSnap read =
                RedisStatisticsStore.JSON.treeToValue(older, StatisticsSnapshot.ContactSnap.class);

        assertThat(read.judgedAt()).isNull();
        assertThat(read.identity()).isEqualTo("k1");
        assertThat(read.sofar()).isEqualTo(sofar);
    }
}
