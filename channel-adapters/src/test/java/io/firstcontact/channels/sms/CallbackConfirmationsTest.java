package io.firstcontact.channels.sms;

import static io.firstcontact.channels.TestRouting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.TestRouting;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.notify.Message;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A callback committed by routing is confirmed to the resident by text; a landline gets nothing. */
class CallbackConfirmationsTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final List<Message> texts = new CopyOnWriteArrayList<>();
    TestRouting routing;

    @BeforeEach
    void start() {
        routing = new TestRouting();
        routing.subscribe(new CallbackConfirmations(
                m -> {
                    texts.add(m);
                    return CompletableFuture.completedFuture(null);
                },
                LONDON));
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void aWaitingCallerWhoAsksToBeCalledBackIsToldByTextTheyKeepTheirPlace() {
        waitingCall("call-1");

        routing.submitOk(new Command.RequestCallback("call-1", "07700 900123"));

        await("the confirmation", () -> texts.size() == 1);
        assertThat(texts.getFirst().to()).isEqualTo("+447700900123");
        assertThat(texts.getFirst().text()).isEqualTo(CallbackConfirmations.REQUESTED);
    }

    @Test
    void anAdvisorsPromiseIsConfirmedWithItsDayAndTime() {
        ZonedDateTime at = ZonedDateTime.now(LONDON)
                .plusDays(1)
                .withHour(10)
                .withMinute(30)
                .withSecond(0)
                .withNano(0);

        routing.submitOk(new Command.ScheduleCallback(
                "cb-1",
                null,
                "+447700900123",
                TestRouting.PHONE_QUEUE,
                at.toInstant().toEpochMilli(),
                "adv-1",
                Actor.agent("adv-1")));

        await("the confirmation", () -> texts.size() == 1);
        assertThat(texts.getFirst().text()).contains("at 10:30").contains(String.valueOf(at.getDayOfMonth()));
    }

    @Test
    void aLandlineIsNotTexted() {
        waitingCall("call-1");

        waitingCall("call-2");

        routing.submitOk(new Command.RequestCallback("call-1", "020 8736 6711"));
        routing.submitOk(new Command.RequestCallback("call-2", "07700 900123"));

        await("the mobile's confirmation", () -> texts.size() == 1);
        assertThat(texts).extracting(Message::to).containsExactly("+447700900123");
    }

    private void waitingCall(String id) {
        routing.submitOk(new Command.CreateInteraction(
                id,
                "voice",
                Direction.INBOUND,
                "voice:" + id,
                null,
                null,
                Attributes.NONE,
                QueueRequest.to(TestRouting.PHONE_QUEUE)));
    }
}
