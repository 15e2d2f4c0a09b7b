package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.notify.LogNotifier;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The manager connection's life: drops, an Asterisk restart, a refused login, and garbage on the wire. */
class AmiConnectionTest {

    @Test
    void aDroppedManagerConnectionIsTakenUpAgainAndTheCallGoesOnToItsEnd() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900051", "1");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk");

            rig.peer.dropAmi();
            Await.until(() -> rig.peer.amiSessions() == 1 && rig.adapter.amiConnected(), "the adapter to log in again");

            assertThat(rig.routing.facts(Fact.InteractionEnded.class)).isEmpty();
            assertThat(rig.bridgedTo(w.caller(), "PJSIP/1001")).isTrue();
            w.caller().hangUp();
            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(w.id()))
                            .reason())
                    .isEqualTo(EndReason.CUSTOMER_LEFT);
        }
    }

    @Test
    void callsAsteriskLostInARestartEndAsLostDuringTheOutage() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting talking = rig.waiting("07700900052", "1");
            Await.until(() -> rig.bridgedTo(talking.caller(), "PJSIP/1001"), "the talk");
            VoiceRig.Waiting waiting = rig.waiting("07700900053", "2");

            rig.peer.restart();

            for (String id : new String[] {talking.id(), waiting.id()}) {
                assertThat(rig.routing
                                .awaitFact(
                                        Fact.InteractionEnded.class,
                                        e -> e.interactionId().equals(id))
                                .reason())
                        .isEqualTo(EndReason.LOST_DURING_OUTAGE);
            }
            Await.until(rig.adapter::amiConnected, "the adapter to log in to the restarted Asterisk");
            // new calls are taken as before
            VoiceRig.Waiting after = rig.waiting("07700900054", "1");
            Await.until(() -> rig.bridgedTo(after.caller(), "PJSIP/1001"), "the next call to reach ann");
        }
    }

    @Test
    void aRefusedLoginIsTriedAgainWithAGrowingWaitAndNeverCrashes() {
        try (AsteriskPeer peer = AsteriskPeer.start();
                InProcessRouting routing = new InProcessRouting().configured()) {
            Vertx vertx = Vertx.vertx();
            VoiceOptions options = VoiceOptions.defaults(new VoiceOptions.Ami(
                            "127.0.0.1",
                            peer.amiPort(),
                            AsteriskPeer.ROUTER.name(),
                            "not-the-secret",
                            Duration.ofMillis(50),
                            Duration.ofMillis(400),
                            Duration.ofSeconds(5),
                            VoiceOptions.Ami.DEFAULT_MAX_MISSED_RESPONSES))
                    .withAgi(new VoiceOptions.Agi("127.0.0.1", 0, 10));
            VoiceAdapter adapter = new VoiceAdapter(options, vertx, routing, new LogNotifier(), InstantSource.system());
            try {
                adapter.start(routing).toCompletableFuture().join();
                Await.until(() -> peer.actions("Login").size() >= 2, Duration.ofSeconds(10), "a second login attempt");
                assertThat(adapter.amiConnected()).isFalse();
                assertThat(peer.actions("Login").getFirst().get("Secret"))
                        .isNull(); // MD5 challenge: no secret on the wire
            } finally {
                adapter.stop().toCompletableFuture().join();
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }

    @Test
    void unknownEventsMalformedFramesAndStrangersChannelsAreSurvived() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");

            rig.peer.replay(("Event: SomethingAsteriskAddsOneDay\r\nPrivilege: call,all\r\nFoo: bar\r\n\r\n"
                            + "a line without a colon\r\nanother\r\n\r\n"
                            + "Event: Hangup\r\nPrivilege: call,all\r\nChannel: PJSIP/x-00000001\r\nUniqueid: 1.99\r\nCause: 16\r\n\r\n"
                            + "Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: 12_3#offer-nobody\r\nResponse: Success\r\nReason: notanumber\r\n\r\n"
                            + "Event: Newstate\r\nPrivilege: call,all\r\nChannelState: 5\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));

            VoiceRig.Waiting w = rig.waiting("07700900055", "1");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the call to be handled as ever");
            assertThat(rig.adapter.amiConnected()).isTrue();
        }
    }

    @Test
    void callersAlreadyWaitingWhenTheAdapterStartsAreFoundAgainAndConnectedFirstComeFirstServed() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            VoiceRig.Waiting first = rig.waiting("07700900061", "1");
            VoiceRig.Waiting second = rig.waiting("07700900062", "1");

            rig.restartAdapter();
            // The advisor logs in at once: the offer may come before the new adapter has read Asterisk's calls.
            rig.routing.advisor("ann", "PJSIP/1001");

            Await.until(() -> rig.bridgedTo(first.caller(), "PJSIP/1001"), "the first caller to reach ann");
            assertThat(rig.routing.facts(Fact.InteractionCreated.class)).hasSize(2);
            first.caller().hangUp();
            Await.until(() -> rig.bridgedTo(second.caller(), "PJSIP/1001"), "the second caller to reach ann next");
        }
    }
}
