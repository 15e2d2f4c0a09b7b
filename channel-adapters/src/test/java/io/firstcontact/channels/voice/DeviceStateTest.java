package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.PresenceState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Advisors' phones as Asterisk reports them (DeviceStateChange): routing offers a call only to a free phone. */
class DeviceStateTest {

    @Test
    void anAdvisorOnAPersonalCallIsNotRungAndTheWaitingCallerIsOfferedTheMomentTheirPhoneIsFree() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            rig.peer.phone("PJSIP/1001").inPersonalCall();
            rig.routing.awaitFact(
                    Fact.AgentDeviceChanged.class, d -> d.agentId().equals("ann") && d.state() == DeviceState.INUSE);

            VoiceRig.Waiting w = rig.waiting("07700900081", "1");
            assertThat(rig.peer.actions("Originate")).isEmpty();

            rig.peer.phone("PJSIP/1001").idle();

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the caller to reach ann");
        }
    }

    @Test
    void anUnregisteredPhoneKeepsItsAdvisorReadyButUnrungUntilItRegistersAgain() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.routing.advisor("ann", "PJSIP/1001");
            rig.peer.phone("PJSIP/1001").unregisters();
            rig.routing.awaitFact(
                    Fact.AgentDeviceChanged.class,
                    d -> d.agentId().equals("ann") && d.state() == DeviceState.UNAVAILABLE);

            VoiceRig.Waiting w = rig.waiting("07700900082", "1");
            assertThat(rig.peer.actions("Originate")).isEmpty();
            assertThat(rig.routing.facts(Fact.PresenceChanged.class))
                    .filteredOn(p -> p.agentId().equals("ann"))
                    .extracting(Fact.PresenceChanged::to)
                    .containsOnly(PresenceState.READY);

            rig.peer.phone("PJSIP/1001").registers();

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the caller to reach ann");
        }
    }

    @Test
    void aRepeatedStateIsReportedToRoutingOnce() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.routing.advisor("ann", "PJSIP/1001");
            rig.peer.phone("PJSIP/1001").inPersonalCall(); // Asterisk often says it twice
            rig.routing.awaitFact(Fact.AgentDeviceChanged.class, d -> d.state() == DeviceState.INUSE);
            rig.peer.phone("PJSIP/1001").idle();
            // (the first connection's DeviceStateList may report NOT_INUSE before the call: that is news too, so a
            // NOT_INUSE fact alone does not say the idle phone was heard)
            Await.until(
                    () -> {
                        List<DeviceState> s = sent(rig);
                        return s.size() >= 2
                                && s.subList(s.size() - 2, s.size())
                                        .equals(List.of(DeviceState.INUSE, DeviceState.NOT_INUSE));
                    },
                    "the idle phone reported after the personal call");

            List<DeviceState> sent = sent(rig);
            for (int i = 1; i < sent.size(); i++) {
                assertThat(sent.get(i)).as("state %d repeats the one before", i).isNotEqualTo(sent.get(i - 1));
            }
        }
    }

    private static List<DeviceState> sent(VoiceRig rig) {
        return rig.routing.commands(io.firstcontact.router.api.command.Command.DeviceStateChanged.class).stream()
                .map(io.firstcontact.router.api.command.Command.DeviceStateChanged::state)
                .toList();
    }
}
