package io.firstcontact.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.rig.InProcessRouting;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.SteppedClock;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chat through the IVR against the real routing engine and host: the interaction is created in self-service, the
 * outcome of each self-service is a committed fact, and a resident handed over waits in the queue the flows name with
 * what they typed as attributes.
 */
class TextEndToEndTest {
    private final InProcessRouting routing = new InProcessRouting();
    private final Rig rig = new Rig(FlowBook.demo(), SteppedClock.londonAt("2026-05-05T11:00"), routing);
    private final TextIvr text = new TextIvr(rig.ivr());

    @AfterEach
    void stop() {
        routing.close();
    }

    private TextConversation opened(String id) {
        routing.apply(new Command.CreateInteraction(
                id, "chat", Direction.INBOUND, "chat:" + id, null, null, Attributes.NONE, null));
        return text.open(new Call(id, "chat", null, Residents.EMAIL, null));
    }

    private static TextTurn join(java.util.concurrent.CompletionStage<TextTurn> t) {
        return t.toCompletableFuture().join();
    }

    @Test
    void aPaymentInAChatIsCountedAsChatSelfService() {
        TextConversation c = opened("chat-e2e-1");
        join(c.begin());
        join(c.reply("1"));
        join(c.reply(Residents.PCN_OPEN));
        join(c.reply("1"));
        join(c.reply("4111111111111111".toCharArray()));
        join(c.reply("1229".toCharArray()));
        join(c.reply("123".toCharArray()));
        join(c.reply("3"));
        TextTurn end = join(c.reply("2"));
        routing.apply(new Command.EndInteraction("chat-e2e-1", EndReason.SELF_SERVED));

        assertThat(end.ending()).isInstanceOf(Ending.SelfServed.class);
        assertThat(routing.facts())
                .contains(new Fact.SelfServiceRecorded("chat-e2e-1", "chat", "pay-pcn", SelfServiceOutcome.COMPLETED))
                .anySatisfy(f -> assertThat(f).isInstanceOf(Fact.InteractionEnded.class));
    }

    @Test
    void aResidentHandedOverWaitsInTheQueueWithWhatTheyTyped() {
        TextConversation c = opened("chat-e2e-2");
        join(c.begin());
        join(c.reply("1"));
        TextTurn t = join(c.reply(Residents.PCN_UNKNOWN));
        Ending.HandOver h = (Ending.HandOver) t.ending();

        h.commands("chat-e2e-2", Attributes.of("chatLogin", "resident")).forEach(routing::apply);

        assertThat(routing.facts())
                .contains(new Fact.SelfServiceRecorded("chat-e2e-2", "chat", "pay-pcn", SelfServiceOutcome.FAILED))
                .anySatisfy(f -> assertThat(f)
                        .isInstanceOfSatisfying(
                                Fact.VisitStarted.class,
                                v -> assertThat(v.queue()).isEqualTo("web-chat")))
                .anySatisfy(f -> assertThat(f).isInstanceOf(Fact.AttributesChanged.class));
    }
}
