package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import org.junit.jupiter.api.Test;

/** Hearing where an open report or request stands, the caller known by their number. */
class RequestStatusTest {
    private final Rig rig = new Rig();

    @Test
    void aMissedBinReportIsToldWithItsDayAndTheOtherRequestWithItsDate() {
        Conversation c = rig.call(Residents.MOBILE).key("3");

        assertThat(c.heard())
                .contains("Your missed bin report from 3 May is scheduled for collection on Thursday.")
                .contains(
                        "Your housing repair report from 20 April is being looked at. The next step is due on 2 June.");
        assertThat(rig.recorded.outcomes()).containsExactly("request-status COMPLETED");
    }

    @Test
    void aCallerWithNothingOpenIsToldSo() {
        Conversation c = rig.call(Residents.LANDLINE).key("3");

        assertThat(c.lastSaid()).contains("You have no open reports or requests.");
        assertThat(rig.recorded.outcomes()).containsExactly("request-status COMPLETED");
    }

    @Test
    void aCallerTheBackOfficeDoesNotKnowGoesToAnAdvisor() {
        Conversation c = rig.call(Residents.STRANGER).key("3");

        assertThat(c.lastSaid()).contains("we cannot find an account for the number you are calling from");
        assertThat(((Ending.HandOver) c.ending()).request().queue()).isEqualTo("waste");
        assertThat(rig.recorded.outcomes()).containsExactly("request-status FAILED");
    }

    @Test
    void aWithheldNumberIsNotLookedUp() {
        Conversation c = rig.call((String) null).key("3");

        assertThat(rig.residents.lookups).isEmpty();
        assertThat(c.ending()).isInstanceOf(Ending.HandOver.class);
    }

    @Test
    void aChatUserIsFoundByTheirEmail() {
        Conversation c = rig.call(new Call("chat-1", "chat", null, Residents.EMAIL, null))
                .key("3");

        assertThat(c.heard()).anySatisfy(l -> assertThat(l).contains("missed bin report from 3 May"));
    }
}
