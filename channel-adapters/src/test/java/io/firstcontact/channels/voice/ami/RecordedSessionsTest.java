package io.firstcontact.channels.voice.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.Await;
import io.firstcontact.channels.voice.VoiceObserver;
import io.firstcontact.channels.voice.VoiceOptions;
import io.firstcontact.channels.voice.peer.AmiFramer;
import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.channels.voice.peer.Transcript;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded Asterisk 20 AMI session, byte for byte, cut at arbitrary places, through the adapter's real AMI stack
 * (Asterisk-Java's reader and our translation): every event the adapter takes is read, every other one (unknown kinds,
 * AgentComplete without a Channel, list items of another session's actions, responses nobody waits for) is survived,
 * and the connection stays up.
 */
class RecordedSessionsTest {

    static Stream<String> recordings() {
        return Stream.of(
                "ami-actions-misc.txt",
                "ami-device-state.txt",
                "ami-dtmf-all-classes.txt",
                "ami-dtmf-masked.txt",
                "ami-login-and-events.txt",
                "ami-originate-outcomes.txt",
                "ami-pjsip-phone.txt",
                "ami-queue-call.txt",
                "ami-recording-spy-transfer.txt",
                "ami-redirect-from-holding.txt",
                "ami-restart-reconnect.txt",
                "ami-resync.txt");
    }

    /** Which recorded events become which of ours. */
    private static final Map<String, Class<? extends AmiEvent>> TAKEN = Map.of(
            "Newchannel", AmiEvent.ChannelCreated.class,
            "Newstate", AmiEvent.ChannelState.class,
            "Hangup", AmiEvent.ChannelHungUp.class,
            "OriginateResponse", AmiEvent.OriginateResult.class,
            "DeviceStateChange", AmiEvent.DeviceState.class,
            "BridgeEnter", AmiEvent.BridgeEntered.class,
            "BridgeLeave", AmiEvent.BridgeLeft.class,
            "Hold", AmiEvent.HoldChanged.class,
            "Unhold", AmiEvent.HoldChanged.class,
            "FullyBooted", AmiEvent.Booted.class);

    @ParameterizedTest
    @MethodSource("recordings")
    void everyRecordedEventTheAdapterTakesIsReadWhereverTheChunksEnd(String file) {
        byte[] recorded = serverBytesAfterBanners(Transcript.load(file));
        Map<String, Integer> expected = expectedCounts(recorded);
        List<AmiEvent> seen = new CopyOnWriteArrayList<>();
        try (AsteriskPeer peer = AsteriskPeer.start();
                AmiLink link = new AmiLink(
                        VoiceOptions.Ami.of(
                                "127.0.0.1", peer.amiPort(), AsteriskPeer.ROUTER.name(), AsteriskPeer.ROUTER.secret()),
                        seen::add,
                        VoiceObserver.NONE)) {
            link.start();
            Await.until(() -> seen.stream().anyMatch(e -> e instanceof AmiEvent.Connected), "the login");
            seen.clear();

            peer.replay(recorded);

            Await.until(
                    () -> counts(seen).equals(expected),
                    Duration.ofSeconds(10),
                    file + ": translated " + counts(seen) + ", recorded " + expected);
            assertThat(link.connected()).isTrue();
            assertThat(seen).noneMatch(e -> e instanceof AmiEvent.Disconnected);
        }
    }

    /**
     * The recorded ActionIDs were not written by Asterisk-Java, so it cannot split off its own prefix and gives none
     * back; the adapter's own actions carry Asterisk-Java's {@code <internal>#<ours>} form, which it does split.
     */
    @org.junit.jupiter.api.Test
    void failedOriginatesCarryTheirRecordedReasons() {
        List<AmiEvent> seen = replayed("ami-originate-outcomes.txt", 6, AmiEvent.OriginateResult.class);
        assertThat(seen.stream()
                        .filter(e -> e instanceof AmiEvent.OriginateResult)
                        .map(e -> (AmiEvent.OriginateResult) e))
                .extracting(AmiEvent.OriginateResult::success, AmiEvent.OriginateResult::reason)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(false, AmiEvent.OriginateResult.BUSY),
                        org.assertj.core.api.Assertions.tuple(false, AmiEvent.OriginateResult.NO_ANSWER),
                        org.assertj.core.api.Assertions.tuple(false, AmiEvent.OriginateResult.CONGESTION),
                        org.assertj.core.api.Assertions.tuple(false, 0),
                        org.assertj.core.api.Assertions.tuple(false, 0),
                        org.assertj.core.api.Assertions.tuple(false, 0));
    }

    @org.junit.jupiter.api.Test
    void aRestartedAsteriskSaysItHasJustBooted() {
        List<AmiEvent> seen = replayed("ami-restart-reconnect.txt", 2, AmiEvent.Booted.class);
        assertThat(seen.stream()
                        .filter(e -> e instanceof AmiEvent.Booted)
                        .map(e -> ((AmiEvent.Booted) e).uptimeSeconds()))
                .endsWith(0L);
    }

    private static List<AmiEvent> replayed(String file, int wanted, Class<? extends AmiEvent> type) {
        List<AmiEvent> seen = new CopyOnWriteArrayList<>();
        try (AsteriskPeer peer = AsteriskPeer.start();
                AmiLink link = new AmiLink(
                        VoiceOptions.Ami.of(
                                "127.0.0.1", peer.amiPort(), AsteriskPeer.ROUTER.name(), AsteriskPeer.ROUTER.secret()),
                        seen::add,
                        VoiceObserver.NONE)) {
            link.start();
            Await.until(() -> seen.stream().anyMatch(e -> e instanceof AmiEvent.Connected), "the login");
            seen.clear();
            peer.replay(serverBytesAfterBanners(Transcript.load(file)));
            Await.until(() -> seen.stream().filter(type::isInstance).count() >= wanted, file);
            return List.copyOf(seen);
        }
    }

    /** The server's bytes of every session in the file, without the banners (the peer sent its own). */
    private static byte[] serverBytesAfterBanners(Transcript t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] session : t.serverSessions()) {
            String text = new String(session, java.nio.charset.StandardCharsets.UTF_8);
            int afterBanner = text.startsWith("Asterisk Call Manager/") ? text.indexOf("\r\n") + 2 : 0;
            out.write(session, afterBanner, session.length - afterBanner);
        }
        return out.toByteArray();
    }

    /** What our own framer finds in the same bytes: the events the adapter must have read, by our type. */
    private static Map<String, Integer> expectedCounts(byte[] bytes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (AmiMessage m : new AmiFramer(false).feed(bytes)) {
            if (!m.isEvent()) {
                continue;
            }
            Class<? extends AmiEvent> ours = TAKEN.get(m.firstValue());
            boolean listItem = m.get("ActionID") != null
                    && !m.firstValue().equals("OriginateResponse")
                    && !m.firstValue().equals("DeviceStateChange");
            if (ours != null && !listItem && (m.get("Uniqueid") != null || !needsUniqueid(ours))) {
                counts.merge(ours.getSimpleName(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static boolean needsUniqueid(Class<? extends AmiEvent> type) {
        return type != AmiEvent.OriginateResult.class
                && type != AmiEvent.DeviceState.class
                && type != AmiEvent.Booted.class;
    }

    private static Map<String, Integer> counts(List<AmiEvent> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (AmiEvent e : events) {
            counts.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        return counts;
    }
}
