package io.firstcontact.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.rig.Documents;
import io.firstcontact.ivr.rig.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flows that name something missing are refused with a message that says what and where. */
class FlowsCheckTest {

    private static List<String> problems(JsonNode doc) {
        try {
            return FlowsCheck.problems(FlowsReader.read(doc), Rig.DEMO_ROUTING);
        } catch (InvalidFlowsException e) {
            return e.problems();
        }
    }

    @Test
    void theDemoFlowsHoldTogether() {
        assertThat(problems(Documents.demo())).isEmpty();
    }

    @Test
    void aStepNamingAMissingPromptIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.welcome").putArray("say").add("welcome-x");

        assertThat(problems(doc)).containsExactly("step welcome names prompt welcome-x, which is not defined");
    }

    @Test
    void aQueueRoutingDoesNotHaveIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.advisor-general").put("queue", "generall");

        assertThat(problems(doc))
                .singleElement()
                .asString()
                .startsWith("step advisor-general names queue generall, which routing does not have (its queues: [");
    }

    @Test
    void aSkillRoutingDoesNotHaveIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.step(
                doc, "advisor-parking", "{queue: {voice: parking}, reason: x, requirements: [{skill: juggling}]}");

        assertThat(problems(doc))
                .containsExactly("step advisor-parking requires skill juggling, which routing does not have");
    }

    @Test
    void aMissingCalendarIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.advisor-general").put("calendar", "weekend");

        assertThat(problems(doc)).containsExactly("step advisor-general names calendar weekend, which is not defined");
    }

    @Test
    void aMissingStepIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.main-menu.options").put("5", "pay-rent");

        assertThat(problems(doc)).containsExactly("step main-menu option 5 names step pay-rent, which is not defined");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.welcome").put("next", "nowhere");
        Documents.at(doc, "steps.goodbye").put("goodbye", "farewell");

        assertThat(problems(doc)).hasSize(2);
    }

    @Test
    void theAdvisorMustBeAQueueStep() {
        ObjectNode doc = Documents.demo();
        doc.put("advisor", "welcome");

        assertThat(problems(doc)).containsExactly("advisor names step welcome, which is not a queue step");
    }

    @Test
    void aPromptWithASlotItsStepDoesNotFillIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "prompts.welcome").put("text", "Welcome, {name}.");

        assertThat(problems(doc)).containsExactly("prompt welcome has slots [name] that step welcome does not fill");
    }

    @Test
    void aMissingSystemPromptIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "prompts").remove("no-entry");

        assertThat(problems(doc)).containsExactly("the engine names prompt no-entry, which is not defined");
    }

    @Test
    void aPaymentWithoutItsPromptsIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "prompts").remove("pay-card-number");

        assertThat(problems(doc)).containsExactly("the pay steps names prompt pay-card-number, which is not defined");
    }

    @Test
    void aStepWithTwoKindsIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.welcome").put("goodbye", "goodbye");

        assertThat(problems(doc))
                .singleElement()
                .asString()
                .startsWith("step welcome: has several kinds [say, goodbye]");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.welcome").put("nxet", "main-menu");

        assertThat(problems(doc)).containsExactly("step welcome: unknown field nxet");
    }

    @Test
    void aLookupOfAnEntryNoStepCollectsIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "steps.pcn-find").put("key", "pcn-number");

        assertThat(problems(doc)).containsExactly("step pcn-find reads entry pcn-number, which no collect step fills");
    }

    @Test
    void badHoursAreRefusedWithTheExpectedForm() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "calendars.office.hours").put("mon-fri", "half eight till five");

        assertThat(problems(doc)).singleElement().asString().contains("must read like 08:30-17:30");
    }

    @Test
    void notYamlIsRefused() {
        assertThatThrownBy(() -> Documents.yaml("steps: [unclosed"))
                .isInstanceOf(InvalidFlowsException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aPromptTextHoldingACardNumberIsRefused() {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "prompts.welcome").put("text", "Test with 4111 1111 1111 1111.");

        assertThat(problems(doc)).containsExactly("prompt welcome: text holds what looks like a card number");
    }
}
