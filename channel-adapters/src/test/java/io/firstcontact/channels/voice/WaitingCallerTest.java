package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.channels.voice.peer.PeerAgiSession;
import io.firstcontact.router.api.command.Command;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a waiting caller hears and can do: their place and wait, the SMS link, the callback, a closed queue. */
class WaitingCallerTest {

    private static VoiceRig announcing() {
        return new VoiceRig(o -> o.withAnnouncements(Duration.ofSeconds(1), Duration.ZERO)
                .withSmsLink(new VoiceOptions.SmsLink("Pay your council tax online: https://example.org/pay")));
    }

    private static List<String> heard(VoiceRig.Waiting w, String script) {
        return w.caller().sessions().stream()
                .filter(s -> s.script().equals(script) && s.ended())
                .findFirst()
                .map(PeerAgiSession::commands)
                .orElse(List.of());
    }

    @Test
    void aWaitingCallerHearsTheirPlaceInLineAndTheOffers() {
        try (VoiceRig rig = announcing()) {
            rig.waiting("07700900041", "1");
            VoiceRig.Waiting second = rig.waiting("07700900042", "1");

            Await.until(() -> !heard(second, "announce").isEmpty(), "an announcement");
            assertThat(heard(second, "announce"))
                    .contains(
                            "STREAM FILE \"queue-thereare\" \"\"",
                            "SAY NUMBER \"1\" \"\"",
                            "STREAM FILE \"queue-callswaiting\" \"\"",
                            "STREAM FILE \"fc-callback-offer\" \"\"",
                            "STREAM FILE \"fc-sms-offer\" \"\"")
                    // no advisor staffs the queue: no expected wait is announced
                    .noneMatch(c -> c.contains("queue-holdtime"));
        }
    }

    @Test
    void theSameAnnouncementIsNotRepeatedWhenNothingChanged() {
        try (VoiceRig rig = announcing()) {
            VoiceRig.Waiting w = rig.waiting("07700900043", "1");

            Await.until(
                    () -> w.caller().sessions().stream()
                                    .filter(s -> s.script().equals("announce"))
                                    .count()
                            >= 2,
                    "two announcements");
            List<PeerAgiSession> announcements = w.caller().sessions().stream()
                    .filter(s -> s.script().equals("announce"))
                    .toList();
            assertThat(announcements.get(0).commands()).anyMatch(c -> c.contains("queue-youarenext"));
            assertThat(announcements.get(1).commands()).noneMatch(c -> c.startsWith("STREAM FILE"));
        }
    }

    @Test
    void aCallerWhoAsksForTheSmsLinkGetsItAndWaitsOn() {
        try (VoiceRig rig = announcing()) {
            VoiceRig.Waiting w = rig.waiting("07700900044", "1");

            w.caller().press("2");

            Await.until(() -> rig.sms.sent() == 1, "the SMS link to be sent");
            Await.until(() -> heard(w, "sms-link").contains("STREAM FILE \"fc-sms-sent\" \"\""), "the confirmation");
            Await.until(() -> w.caller().activity().equals("HOLDING"), "the caller back in holding");
        }
    }

    @Test
    void aCallerWhoAsksForACallbackConfirmsTheirNumberAndRoutingIsAsked() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = rig.waiting("07700900045", "1");

            w.caller().willKey("1").press("1");

            Command.RequestCallback asked = Await.until(
                    () -> rig.routing.commands(Command.RequestCallback.class).stream()
                            .findFirst(),
                    Duration.ofSeconds(10),
                    "a callback request");
            assertThat(asked.interactionId()).isEqualTo(w.id());
            assertThat(asked.number().value()).isEqualTo("07700900045");
        }
    }

    @Test
    void aCallerArrivingAtAClosedQueueHearsTheClosedMessage() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.routing.apply(new Command.CloseQueue(InProcessRouting.PARKING));

            var caller = rig.peer.call("07700900046", "2");

            AmiMessage redirect = Await.until(
                    () -> rig.peer.actions("Redirect").stream().findFirst(), Duration.ofSeconds(10), "a redirect");
            assertThat(redirect.get("Context")).isEqualTo("fc-treatment");
            assertThat(redirect.get("Exten")).isEqualTo("closed");
            Await.until(() -> !caller.alive(), "the caller to hear it and go");
        }
    }
}
