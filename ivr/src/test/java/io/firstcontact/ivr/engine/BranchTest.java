package io.firstcontact.ivr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Documents;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.SteppedClock;
import org.junit.jupiter.api.Test;

/** Every subject a branch can test, each sending the caller one way or the other. */
class BranchTest {

    /** Flows whose menu option 5 looks the caller up and branches on {@code rule}, saying yes or no. */
    private static Conversation branching(
            String lookup, String rule, String caller, SteppedClock clock, String... keys) {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.main-menu.options").put("5", "branch-find");
        Documents.step(doc, "branch-find", lookup);
        Documents.step(doc, "branch", "{branch: [" + rule + "], else: said-no}");
        Documents.step(doc, "said-yes", "{say: [pay-receipt-sent], next: goodbye}");
        Documents.step(doc, "said-no", "{say: [pay-receipt-failed], next: goodbye}");
        Conversation c = new Rig(doc, clock, null).call(caller).key("5");
        for (String k : keys) {
            c.key(k);
        }
        return c;
    }

    private static Conversation byCaller(String rule, String caller) {
        return branching(
                "{lookup: caller, found: branch, notFound: branch}",
                rule,
                caller,
                SteppedClock.londonAt("2026-05-05T11:00"));
    }

    private static boolean yes(Conversation c) {
        return c.heard().contains("Your receipt is on its way.");
    }

    @Test
    void anAccountFoundOrNot() {
        assertThat(yes(byCaller("{if: account.found, is: yes, goto: said-yes}", Residents.MOBILE)))
                .isTrue();
        assertThat(yes(byCaller("{if: account.found, is: yes, goto: said-yes}", Residents.STRANGER)))
                .isFalse();
        assertThat(yes(byCaller("{if: account.found, is: no, goto: said-yes}", Residents.STRANGER)))
                .isTrue();
    }

    @Test
    void anOpenCase() {
        assertThat(yes(byCaller("{if: account.openRequests, above: 0, goto: said-yes}", Residents.MOBILE)))
                .isTrue();
        assertThat(yes(byCaller("{if: account.openRequests, above: 0, goto: said-yes}", Residents.LANDLINE)))
                .isFalse();
    }

    @Test
    void anAmountDue() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.pcn-state")
                .putArray("branch")
                .add(Documents.yaml("{if: pcn.amountDue, above: 5000, goto: pcn-paid}"));
        Conversation c = new Rig(doc).call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_OPEN));

        assertThat(c.lastSaid()).contains("has already been paid"); // 6500 is above 5000: the rule fired
    }

    @Test
    void aCouncilTaxBalance() {
        String lookup = "{lookup: council_tax, key: ctax, found: branch}";
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.ctax-reference").put("next", "branch");
        Documents.step(doc, "branch", "{branch: [{if: councilTax.balance, above: 0, goto: said-yes}], else: said-no}");
        Documents.step(doc, "said-yes", "{say: [pay-receipt-sent], next: goodbye}");
        Documents.step(doc, "said-no", "{say: [pay-receipt-failed], next: goodbye}");
        Documents.step(
                doc, "ctax-reference", "{collect: ctax-enter, minDigits: 8, maxDigits: 8, into: ctax, next: find}");
        Documents.step(doc, "find", lookup);

        assertThat(yes(new Rig(doc).call(Residents.MOBILE).key("2").key(Residents.CTAX)))
                .isTrue();
        assertThat(yes(new Rig(doc).call(Residents.MOBILE).key("2").key(Residents.CTAX_SETTLED)))
                .isFalse();
    }

    @Test
    void aCalendarOpenClosedOrUnderAnEmergency() {
        String rule = "{if: calendar.office, is: closed, goto: said-yes}";
        assertThat(yes(branching(
                        "{lookup: caller, found: branch, notFound: branch}",
                        rule,
                        Residents.MOBILE,
                        SteppedClock.londonAt("2026-05-05T21:00"))))
                .isTrue();
        assertThat(yes(byCaller(rule, Residents.MOBILE))).isFalse();
    }

    @Test
    void whatTheCallerKeyed() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.pcn-reference").put("next", "branch");
        Documents.step(
                doc,
                "branch",
                "{branch: [{if: entry.pcn, is: " + Residents.PCN_OPEN + ", goto: said-yes}], else: said-no}");
        Documents.step(doc, "said-yes", "{say: [pay-receipt-sent], next: goodbye}");
        Documents.step(doc, "said-no", "{say: [pay-receipt-failed], next: goodbye}");

        assertThat(yes(new Rig(doc).call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_OPEN))))
                .isTrue();
        assertThat(yes(new Rig(doc).call(Residents.MOBILE).key("1").key(Residents.keyed(Residents.PCN_PAID))))
                .isFalse();
    }
}
