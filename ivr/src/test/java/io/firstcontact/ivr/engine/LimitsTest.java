package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Documents;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.SteppedClock;
import org.junit.jupiter.api.Test;

/** The caps that keep every call moving, and the paths that always lead to a person (or a number). */
class LimitsTest {

    @Test
    void aLoopInTheFlowsEndsWithAnAdvisor() {
        ObjectNode doc = Documents.demo();
        Documents.step(doc, "welcome", "{say: [welcome], next: again}");
        Documents.step(doc, "again", "{say: [welcome], next: welcome}");
        Documents.at(doc, "limits").put("maxSteps", 10);

        Conversation c = new Rig(doc).call(Residents.MOBILE);

        assertThat(c.ending()).isInstanceOf(Ending.HandOver.class);
        assertThat(c.heard()).hasSize(11).endsWith("Putting you through to an advisor."); // ten steps, then a person
    }

    @Test
    void fewerAttemptsAreConfigurable() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "limits").put("attempts", 1);

        assertThat(new Rig(doc).call(Residents.MOBILE).silence().ending()).isInstanceOf(Ending.HandOver.class);
    }

    @Test
    void aCalendarThatForwardsPutsOutOfHoursCallersThroughToItsNumber() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "calendars.office").put("forward", "+442084241000");

        Conversation c = new Rig(doc, SteppedClock.londonAt("2026-05-05T21:00"), null)
                .call(Residents.MOBILE)
                .key("0");

        assertThat(c.lastSaid()).contains("Our advisors are not available now.");
        assertThat(c.ending()).isEqualTo(new Ending.Forward("+442084241000"));
    }

    @Test
    void theHandOverCarriesWhatTheCallerKeyedBesideTheEdgesOwnAttributes() {
        Conversation c = new Rig().call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_UNKNOWN));
        Ending.HandOver h = (Ending.HandOver) c.ending();

        var commands = h.commands(
                c.interactionId(), io.firstcontact.router.api.model.Attributes.of("callerNumber", Residents.MOBILE));

        assertThat(commands).hasSize(2);
        var attributes = ((io.firstcontact.router.api.command.Command.UpdateAttributes) commands.get(0)).attributes();
        assertThat(attributes.get("callerNumber")).isEqualTo(Residents.MOBILE);
        assertThat(attributes.get("pcnReference")).isEqualTo(Residents.PCN_UNKNOWN);
        assertThat(attributes.get(IvrSession.SERVICE)).isEqualTo("pay-pcn");
        assertThat(((io.firstcontact.router.api.command.Command.QueueInteraction) commands.get(1))
                        .request()
                        .queue())
                .isEqualTo("parking");
    }

    @Test
    void aSessionRefusesToBeAnsweredAfterItEnded() {
        var rig = new Rig();
        var session = rig.ivr().open(new Call("i-9", "voice", null, null, null));
        Directive d = session.start();
        while (!(d instanceof Directive.Ask)) {
            d = session.on(new Event.Done());
        }
        d = session.on(new Event.HungUp());

        assertThat(d).isInstanceOf(Directive.Finish.class);
        assertThat(session.finished()).isTrue();
        char[] card = "4111111111111111".toCharArray();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.on(new Event.KeyedCard(card)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new String(card)).matches("\0+");
    }
}
