package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The centre's day: channel mix, self-service against advisor handling, every queue's counts together. */
class CentreStatisticsTest {
    private final Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0));

    @Test
    void theChannelMixIsEachChannelsShareOfTodaysContacts() {
        floor.call("c1").call("c2").call("c3").chat("t1");

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.contacts()).isEqualTo(4);
        assertThat(centre.contactsByChannel()).containsEntry("voice", 3L).containsEntry("chat", 1L);
        assertThat(centre.channelMix()).containsEntry("voice", 0.75).containsEntry("chat", 0.25);
        assertThat(centre.waitingNow()).isEqualTo(4);
    }

    @Test
    void selfServiceShareIsCompletionsOverCompletionsAndAdvisorHandledContacts() {
        floor.selfServe("ivr-1", "voice", "pay-pcn", SelfServiceOutcome.COMPLETED);
        floor.selfServe("ivr-2", "voice", "pay-council-tax", SelfServiceOutcome.COMPLETED);
        floor.selfServe("ivr-3", "voice", "pay-pcn", SelfServiceOutcome.OPTED_OUT);
        floor.selfServe("bot-1", "chat", "opening-hours", SelfServiceOutcome.COMPLETED);
        floor.advisor("ann", true).call("c1").answer("c1");

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.selfServiceCompleted()).isEqualTo(3);
        assertThat(centre.advisorHandled()).isEqualTo(1);
        assertThat(centre.selfServiceShare()).isEqualTo(0.75);
        assertThat(centre.selfServiceByChannel().get("voice"))
                .containsEntry(SelfServiceOutcome.COMPLETED, 2L)
                .containsEntry(SelfServiceOutcome.OPTED_OUT, 1L);
    }

    @Test
    void aPromisedCallbackIsRequestedWhenItIsMadeAndKeptWhenAnAdvisorAnswersIt() {
        floor.apply(new Command.CreateInteraction(
                "cb-1", "voice", Direction.CALLBACK, "desktop:callback:cb-1", null, "cust-1", Attributes.NONE, null));
        floor.apply(new Command.CreateInteraction(
                "cb-2", "voice", Direction.CALLBACK, "desktop:callback:cb-2", null, "cust-2", Attributes.NONE, null));
        floor.apply(new Command.QueueInteraction("cb-1", QueueRequest.to("billing")));
        floor.advisor("ann", true).answer("cb-1");

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.callbacksRequested()).isEqualTo(2);
        assertThat(centre.callbacksKept()).isEqualTo(1);
        assertThat(centre.outcomes().getFirst().contacts())
                .as("a callback is the centre's call, not a customer's contact")
                .isZero();
    }

    @Test
    void theCentresServiceLevelJudgesEachVisitAgainstItsOwnQueuesThreshold() {
        floor.call("c1").chat("t1").advanceSeconds(45).advisor("ann", true);
        floor.answer("c1"); // 45 s: over billing's 30 s
        floor.advisor("bob", true).answer("t1"); // 45 s: within chat's 60 s

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.today().counts().answered()).isEqualTo(2);
        assertThat(centre.today().counts().answeredWithinThreshold()).isEqualTo(1);
        assertThat(centre.today().serviceLevel()).isEqualTo(0.5);
        assertThat(floor.stats.channels(floor.now()).stream()
                        .filter(c -> c.channel().equals("chat"))
                        .findFirst()
                        .orElseThrow()
                        .today()
                        .serviceLevel())
                .isEqualTo(1.0);
    }
}
