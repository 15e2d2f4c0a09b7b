package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import org.junit.jupiter.api.Test;

/** The main menu: its options, its caps on invalid and missing input, and the advisor key. */
class MenuTest {
    private final Rig rig = new Rig();

    @Test
    void callerIsWelcomedAndOfferedTheMenu() {
        Conversation c = rig.call(Residents.MOBILE);

        assertThat(c.heard())
                .containsExactly(
                        "Welcome to Harrow Council.",
                        "To pay a parking fine, press 1. To pay your council tax, press 2. To hear where your report or request"
                                + " stands, press 3. For our opening hours, press 4. To speak to an advisor, press 0.");
        assertThat(c.question().kind()).isEqualTo(Question.Kind.MENU);
        assertThat(c.question().keys()).containsExactly("1", "2", "3", "4", "0");
        assertThat(c.question().timeout()).hasSeconds(8);
    }

    @Test
    void anInvalidKeyIsSaidAndTheMenuRepeated() {
        Conversation c = rig.call(Residents.MOBILE).key("7");

        assertThat(c.lastSaid()).startsWith("Sorry, that is not a valid entry. To pay a parking fine, press 1.");
        assertThat(c.ended()).isFalse();
    }

    @Test
    void silenceIsSaidAndTheMenuRepeated() {
        Conversation c = rig.call(Residents.MOBILE).silence();

        assertThat(c.lastSaid()).startsWith("Sorry, I did not hear anything. To pay a parking fine");
    }

    @Test
    void afterThreeFailedTriesTheCallerGoesToAnAdvisor() {
        Conversation c = rig.call(Residents.MOBILE).key("7").silence().key("9");

        assertThat(c.lastSaid()).isEqualTo("Putting you through to an advisor.");
        Ending.HandOver h = (Ending.HandOver) c.ending();
        assertThat(h.request().queue()).isEqualTo("general");
        assertThat(h.reason()).isEqualTo("general-enquiry");
        assertThat(rig.recorded.outcomes()).isEmpty();
    }

    @Test
    void theAdvisorOptionPutsTheCallerThroughAtOnce() {
        Conversation c = rig.call(Residents.MOBILE).key("0");

        Ending.HandOver h = (Ending.HandOver) c.ending();
        assertThat(h.request().queue()).isEqualTo("general");
        assertThat(h.attributes().get(IvrSession.STEPS)).isEqualTo("welcome>main-menu>advisor-general");
    }

    @Test
    void theAdvisorKeyWorksInAQuestionWithoutThatOption() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key("0");

        assertThat(((Ending.HandOver) c.ending()).request().queue()).isEqualTo("general");
        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn OPTED_OUT");
    }

    @Test
    void aSecondServiceBeginningEndsTheFirstAsFailed() {
        Conversation c = rig.call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_PAID));
        c.key("1").key("4");

        assertThat(rig.recorded.outcomes()).containsExactly("pay-pcn FAILED", "opening-hours COMPLETED");
    }

    @Test
    void theCallerCanGoBackToTheMenuAfterAService() {
        Conversation c = rig.call(Residents.MOBILE).key("4");
        assertThat(c.lastSaid()).contains("To go back to the main menu, press 1.");

        c.key("1");

        assertThat(c.lastSaid()).startsWith("To pay a parking fine, press 1.");
    }

    @Test
    void aCallerWhoHangsUpInTheMenuLeavesNothingToRecord() {
        Conversation c = rig.call(Residents.MOBILE).hangUp();

        assertThat(c.ending()).isInstanceOf(Ending.CallerLeft.class);
        assertThat(rig.recorded.outcomes()).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpInAServiceAbandonedIt() {
        rig.call(Residents.MOBILE).key("2").hangUp();

        assertThat(rig.recorded.outcomes()).containsExactly("pay-council-tax ABANDONED");
    }
}
