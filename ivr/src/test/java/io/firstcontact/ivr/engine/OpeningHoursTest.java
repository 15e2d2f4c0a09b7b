package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.SteppedClock;
import io.firstcontact.ivr.run.FlowBook;
import org.junit.jupiter.api.Test;

/** Opening hours said, and advisors' queues closing by their calendar, a bank holiday or an emergency. */
class OpeningHoursTest {

    private static Rig at(String londonTime) {
        return new Rig(FlowBook.demo(), SteppedClock.londonAt(londonTime), null);
    }

    @Test
    void openNowSaysUntilWhen() {
        Conversation c = at("2026-05-05T11:00").call(Residents.MOBILE).key("4");

        assertThat(c.heard()).contains("We are open now, until 5:30pm.");
    }

    @Test
    void closedInTheEveningSaysTomorrowMorning() {
        Conversation c = at("2026-05-05T19:00").call(Residents.MOBILE).key("4");

        assertThat(c.heard()).contains("We are closed now. We open again on Wednesday at 8:30am.");
    }

    @Test
    void aBankHolidayWeekendOpensOnTheTuesday() {
        // Saturday 2 May 2026, after noon: Monday 4 May is the early May bank holiday.
        Conversation c = at("2026-05-02T13:00").call(Residents.MOBILE).key("4");

        assertThat(c.heard()).contains("We are closed now. We open again on Tuesday at 8:30am.");
    }

    @Test
    void anAdvisorOutOfHoursHearsTheClosedMessageAndTheCallEnds() {
        Conversation c = at("2026-05-05T19:00").call(Residents.MOBILE).key("0");

        assertThat(c.lastSaid()).contains("Our advisors are not available now.");
        assertThat(c.ending()).isInstanceOf(Ending.Closed.class);
    }

    @Test
    void aSupervisorsEmergencyClosureIsSaidInsteadOfTheAdvisor() {
        Rig rig = at("2026-05-05T11:00");
        rig.closures.close("office");

        Conversation c = rig.call(Residents.MOBILE).key("0");

        assertThat(c.lastSaid()).contains("closed because of an emergency");
        assertThat(c.ending()).isInstanceOf(Ending.Closed.class);
    }

    @Test
    void anEmergencyClosureIsSaidInTheOpeningHours() {
        Rig rig = at("2026-05-05T11:00");
        rig.closures.close("office");

        assertThat(rig.call(Residents.MOBILE).key("4").heard())
                .contains(
                        "Sorry, our contact centre is closed because of an emergency. Please call again later, or visit"
                                + " harrow.gov.uk.");
    }

    @Test
    void paymentsByKeypadWorkOutOfHours() {
        Rig rig = at("2026-05-05T23:30");

        Conversation c = rig.call(Residents.MOBILE)
                .key("1")
                .key(Residents.keyed(Residents.PCN_OPEN))
                .key("1");

        assertThat(c.question().kind()).isEqualTo(Question.Kind.CARD_NUMBER);
    }
}
