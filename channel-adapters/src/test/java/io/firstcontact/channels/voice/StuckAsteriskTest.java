package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.firstcontact.channels.voice.ami.AmiLink;
import io.firstcontact.channels.voice.ami.StuckLink;
import io.firstcontact.router.api.event.Fact;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An Asterisk alive on TCP but hung: noticed by the actions' deadline, its connection dropped and taken up again, and
 * the calls it holds kept through the resynchronisation.
 */
class StuckAsteriskTest {
    private static final Duration DEADLINE = Duration.ofMillis(300);

    private final Logger logger = (Logger) LoggerFactory.getLogger(AmiLink.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    /** A rig whose actions have a short deadline, dropping the link after {@code maxMissedResponses} in a row. */
    private static VoiceRig rig(int maxMissedResponses) {
        return new VoiceRig(o -> o.withAmi(new VoiceOptions.Ami(
                o.ami().host(),
                o.ami().port(),
                o.ami().username(),
                o.ami().secret(),
                o.ami().reconnectMin(),
                o.ami().reconnectMax(),
                DEADLINE,
                maxMissedResponses)));
    }

    @Test
    void anAsteriskThatStopsReadingFreesTheAdapterAtTheDeadlineAndItsCallersAreKeptAfterTheReconnect() {
        // Only the write deadline here: the answers of what was written before the write blocked never come either.
        try (VoiceRig rig = rig(Integer.MAX_VALUE)) {
            VoiceRig.Waiting talking = rig.talkingWithAnn("07700900071");
            VoiceRig.Waiting waiting = rig.waiting("07700900072", "1");
            int resyncs = rig.peer.actions("DeviceStateList").size();

            rig.peer.stopsReadingAmi();
            // Mutes of the call's recording fill the socket's buffers until a write blocks the adapter's thread. A
            // mute of no call answers without writing: it says when the thread has reached the end of each batch, so
            // no more than one batch waits behind the blocked write.
            CompletableFuture<Void> reached = CompletableFuture.completedFuture(null);
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rig.drops.isEmpty()) {
                assertThat(System.nanoTime())
                        .as("a write to block and the link to drop")
                        .isLessThan(giveUp);
                if (reached.isDone()) {
                    for (int i = 0; i < 500; i++) {
                        rig.adapter.muteRecording(talking.id(), true);
                    }
                    reached = rig.adapter
                            .muteRecording("no-such-call", true)
                            .toCompletableFuture()
                            .handle((r, e) -> null);
                } else {
                    LockSupport.parkNanos(1_000_000);
                }
            }

            assertThat(rig.drops).containsExactly(StuckLink.WRITE_STUCK);
            Await.until(reached::isDone, Duration.ofSeconds(2), "the adapter's thread to go on past the blocked write");
            assertThat(log.list)
                    .anySatisfy(e -> assertThat(e.getFormattedMessage())
                            .contains("127.0.0.1:" + rig.peer.amiPort())
                            .contains("stopped reading")
                            .contains("dropped and taken up again"));
            Await.until(
                    () -> rig.peer.actions("DeviceStateList").size() > resyncs && rig.adapter.amiConnected(),
                    "the adapter to log in again and resynchronise");
            assertThat(rig.routing.facts(Fact.InteractionEnded.class)).isEmpty();
            assertThat(rig.bridgedTo(talking.caller(), "PJSIP/1001")).isTrue();
            assertThat(waiting.caller().activity()).isEqualTo("HOLDING");
            talking.caller().hangUp();
            Await.until(() -> rig.bridgedTo(waiting.caller(), "PJSIP/1001"), "the waiting caller to reach ann next");
        }
    }

    @Test
    void anAsteriskThatReadsButNoLongerAnswersIsDroppedAtTheThirdMissedAnswerAndTheCallGoesOn() {
        try (VoiceRig rig = rig(3)) {
            VoiceRig.Waiting talking = rig.talkingWithAnn("07700900071");
            int resyncs = rig.peer.actions("DeviceStateList").size();

            rig.peer.stopsAnsweringAmi();
            mutesUnanswered(rig, talking, 2);
            assertThat(rig.drops).isEmpty();
            mutesUnanswered(rig, talking, 1);

            Await.until(() -> !rig.drops.isEmpty(), "the link to drop");
            assertThat(rig.drops).containsExactly(StuckLink.NO_RESPONSES);
            assertThat(log.list)
                    .anySatisfy(e -> assertThat(e.getFormattedMessage())
                            .contains("127.0.0.1:" + rig.peer.amiPort())
                            .contains("answered none of the last 3 actions"));
            Await.until(
                    () -> rig.peer.actions("DeviceStateList").size() > resyncs && rig.adapter.amiConnected(),
                    "the adapter to log in again and resynchronise");
            rig.adapter.muteRecording(talking.id(), true).toCompletableFuture().join();
            assertThat(rig.bridgedTo(talking.caller(), "PJSIP/1001")).isTrue();
            assertThat(rig.routing.facts(Fact.InteractionEnded.class)).isEmpty();
        }
    }

    @Test
    void anAnswerBetweenMissedOnesStartsTheCountAgain() {
        try (VoiceRig rig = rig(3)) {
            VoiceRig.Waiting talking = rig.talkingWithAnn("07700900073");

            rig.peer.stopsAnsweringAmi();
            mutesUnanswered(rig, talking, 2);
            rig.peer.answersAmiAgain();
            rig.adapter.muteRecording(talking.id(), false).toCompletableFuture().join();
            rig.peer.stopsAnsweringAmi();
            mutesUnanswered(rig, talking, 2);

            assertThat(rig.drops).isEmpty();
            assertThat(rig.peer.actions("Login")).hasSize(1);
        }
    }

    private static void mutesUnanswered(VoiceRig rig, VoiceRig.Waiting talking, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> rig.adapter
                            .muteRecording(talking.id(), true)
                            .toCompletableFuture()
                            .join())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }
}
