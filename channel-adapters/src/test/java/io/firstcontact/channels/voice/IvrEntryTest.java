package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.SteppedClock;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.SkillLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IVR's flows serve callers in the entry script (the demo council's flows, its back office in memory, on a
 * Tuesday morning or a Sunday): a caller for an advisor is queued with what they keyed and connected; one the flows
 * helped ends self-served; out of hours the call is forwarded by the dialplan, or hears the closed message and ends.
 */
class IvrEntryTest {
    static final String OPEN = "2026-05-05T11:00"; // a Tuesday morning
    static final String SUNDAY = "2026-05-10T11:00";

    @Test
    void aCallerTheFlowsCannotHelpIsQueuedWithWhatTheyKeyedAndConnectedToAnAdvisor() {
        try (VoiceRig rig = rig(FlowBook.demo(), OPEN)) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            // the flows ask for council tax at proficiency 4 or more
            rig.routing.apply(new Command.DefineAgent("ann", List.of(new SkillLevel("council-tax", 5)), "desk", "all"));
            rig.routing.apply(new Command.LogIn("ann", true, Actor.agent("ann"), "PJSIP/1001"));

            // council tax, then an account number the back office does not know: "putting you through"
            AsteriskPeer.Caller caller = rig.peer.call("07700900123", "2", "99999999");

            Await.until(() -> rig.bridgedTo(caller, "PJSIP/1001"), "the caller connected to ann");
            assertThat(rig.routing.facts(Fact.VisitStarted.class))
                    .singleElement()
                    .satisfies(v -> assertThat(v.queue()).isEqualTo(InProcessRouting.COUNCIL_TAX));
            assertThat(rig.routing.commands(Command.UpdateAttributes.class))
                    .singleElement()
                    .satisfies(u -> {
                        assertThat(u.attributes().get("councilTaxReference")).isEqualTo("99999999");
                        assertThat(u.attributes().get("callerNumber")).isEqualTo("07700900123");
                    });
            assertThat(caller.variable("FC_QUEUE")).contains(InProcessRouting.COUNCIL_TAX);
        }
    }

    @Test
    void aCallerTheFlowsHelpedEndsSelfServedAndIsHungUp() {
        try (VoiceRig rig = rig(FlowBook.demo(), OPEN)) {
            // the opening hours, then "I have finished"
            AsteriskPeer.Caller caller = rig.peer.call("07700900123", "4", "2");

            Fact.InteractionEnded ended = rig.routing.awaitFact(Fact.InteractionEnded.class, e -> true);
            assertThat(ended.reason()).isEqualTo(EndReason.SELF_SERVED);
            Await.until(() -> !caller.alive(), "the caller hung up by the script");
            assertThat(rig.routing.facts(Fact.VisitStarted.class)).isEmpty();
        }
    }

    @Test
    void outOfHoursACallerForAnAdvisorIsForwardedByTheDialplan() {
        JsonNode flows = FlowBook.demo();
        ((ObjectNode) flows.at("/calendars/office")).put("forward", "+442087366711");
        try (VoiceRig rig = rig(flows, SUNDAY)) {
            AsteriskPeer.Caller caller = rig.peer.call("07700900123", "0");

            Fact.InteractionEnded ended = rig.routing.awaitFact(Fact.InteractionEnded.class, e -> true);
            assertThat(ended.reason()).isEqualTo(EndReason.TRANSFERRED_OUT);
            Await.until(() -> caller.activity().equals("TREATMENT"), "the caller put through");
            assertThat(caller.variable("FC_FORWARD")).contains("+442087366711");
            assertThat(rig.peer.actions("Redirect"))
                    .as("the dialplan forwards, not the adapter")
                    .isEmpty();
        }
    }

    @Test
    void outOfHoursWithoutAForwardTheCallerHearsWhyAndTheCallEnds() {
        try (VoiceRig rig = rig(FlowBook.demo(), SUNDAY)) {
            AsteriskPeer.Caller caller = rig.peer.call("07700900123", "0");

            Fact.InteractionEnded ended = rig.routing.awaitFact(Fact.InteractionEnded.class, e -> true);
            assertThat(ended.reason()).isEqualTo(EndReason.CUSTOMER_LEFT);
            Await.until(() -> !caller.alive(), "the caller hung up by the script");
        }
    }

    private static VoiceRig rig(JsonNode flows, String at) {
        return new VoiceRig(o -> o, routing -> new Rig(flows, SteppedClock.londonAt(at), routing).ivr());
    }
}
