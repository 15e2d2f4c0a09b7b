package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.event.Fact;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A thousand callers in the entry menu at once, each in a FastAGI session: the sessions run on virtual threads (the
 * platform threads do not grow with them), memory stays bounded, and every caller is queued once they key.
 */
class ManyCallersTest {
    static final int CALLERS = 1_000;

    @Test
    void aThousandConcurrentFastAgiSessionsRunOnVirtualThreadsAndAllCallersAreQueued() {
        try (VoiceRig rig = new VoiceRig(o -> o.withMenu(new VoiceOptions.Menu(
                "fc-menu",
                Map.of("1", InProcessRouting.COUNCIL_TAX),
                InProcessRouting.COUNCIL_TAX,
                1,
                Duration.ofSeconds(60))))) {
            int platformBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = usedHeap();

            List<AsteriskPeer.Caller> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                callers.add(rig.peer.call(String.format("0770090%04d", i)));
            }
            Await.until(
                    () -> rig.adapter.agiSessions() == CALLERS, Duration.ofSeconds(60), CALLERS + " sessions at once");

            int platformDuring = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapDuring = usedHeap();
            System.out.printf(
                    "%d FastAGI sessions: platform threads %d -> %d, heap %d -> %d MiB%n",
                    CALLERS, platformBefore, platformDuring, heapBefore >> 20, heapDuring >> 20);
            assertThat(platformDuring - platformBefore).isLessThan(50);
            // both ends of every session live in this JVM, the engine's thousand interactions too
            assertThat(heapDuring - heapBefore).isLessThan(256L << 20);

            callers.forEach(c -> c.willKey("1"));
            Await.until(
                    () -> rig.routing.facts(Fact.VisitStarted.class).size() == CALLERS,
                    Duration.ofSeconds(60),
                    "every caller queued");
            Await.until(() -> rig.adapter.agiSessions() == 0, Duration.ofSeconds(30), "the sessions to end");
        }
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
