package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.DialOutcome;
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
    void aPromisedCallbackIsRequestedWhenItIsMadeAndKeptWhenItsCustomerAnswersTheDial() {
        floor.apply(new Command.CreateInteraction(
                "cb-1",
                "voice",
                Direction.CALLBACK,
                "desktop:callback:cb-1",
                null,
                "cust-1",
                Attributes.of("callbackNumber", "+441632960001"),
                QueueRequest.to("billing")));
        floor.apply(new Command.CreateInteraction(
                "cb-2", "voice", Direction.CALLBACK, "desktop:callback:cb-2", null, "cust-2", Attributes.NONE, null));
        floor.advisor("ann", true).answer("cb-1");
        assertThat(floor.stats.centre(floor.now()).callbacksKept())
                .as("the advisor answered; the customer not yet")
                .isZero();
        floor.apply(new Command.CallbackDialOutcome("cb-1", DialOutcome.ANSWERED));

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.callbacksRequested()).isEqualTo(2);
        assertThat(centre.callbacksKept()).isEqualTo(1);
        assertThat(centre.outcomes().getFirst().contacts())
                .as("a promised callback is the centre's call, not a customer's contact")
                .isZero();
    }

    @Test
    void aWaitingCallerWhoAsksToBeCalledBackIsNeitherAnsweredNorAbandoned() {
        floor.call("c1").advanceSeconds(40);
        floor.apply(new Command.RequestCallback("c1", new Attribute("callbackNumber", "+441632960002")));
        floor.advisor("ann", true).answer("c1");
        floor.apply(new Command.CallbackDialOutcome("c1", DialOutcome.NO_ANSWER));

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.callbacksRequested()).isEqualTo(1);
        assertThat(centre.callbacksKept()).isZero();
        Counts billing = floor.billingToday();
        assertThat(billing.abandoned()).isZero();
        assertThat(billing.endedOtherwise()).as("the converted visit").isEqualTo(1);
        assertThat(centre.outcomes().getFirst().contacts())
                .as("still the caller's one contact")
                .isEqualTo(1);
    }

    @Test
    void everyDialOfACallbackCountsAndOneThatSpendsItsAttemptsFails() {
        floor.call("c1");
        floor.apply(new Command.RequestCallback("c1", new Attribute("callbackNumber", "+441632960003")));
        floor.advisor("ann", true);
        for (int attempt = 1; attempt <= 3; attempt++) { // billing dials three times, five minutes apart
            floor.answer("c1");
            floor.apply(new Command.CallbackDialOutcome("c1", DialOutcome.NO_ANSWER));
            floor.advanceSeconds(5 * 60);
        }

        CentreFigures centre = floor.stats.centre(floor.now());
        assertThat(centre.callbacksRequested()).isEqualTo(1);
        assertThat(centre.callbacksDialled()).isEqualTo(3);
        assertThat(centre.callbacksNotReached()).isEqualTo(3);
        assertThat(centre.callbacksKept()).isZero();
        assertThat(centre.callbacksFailed()).isEqualTo(1);
        assertThat(floor.billingToday().handled())
                .as("a dial nobody answered is no contact handled")
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
