package io.firstcontact.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.ivr.flow.InvalidFlowsException;
import io.firstcontact.ivr.rig.Documents;
import io.firstcontact.ivr.rig.Rig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows change without a restart: new calls take the new version, calls under way keep theirs, and it is kept. */
class FlowBookTest {
    @TempDir
    Path dir;

    private static ObjectNode withWelcome(String text) {
        ObjectNode doc = Documents.demo();
        Documents.at(doc, "prompts.welcome").put("text", text);
        return doc;
    }

    @Test
    void aNewVersionAppliesToNewCallsAndNotToCallsUnderWay() {
        FlowBook book = new FlowBook(FlowBook.demo(), dir, () -> Rig.DEMO_ROUTING);
        IvrSession before = open(book);

        book.replace(withWelcome("Hello from the council."), 1);
        IvrSession after = open(book);

        assertThat(before.flows().prompt("welcome").text()).isEqualTo("Welcome to Harrow Council.");
        assertThat(after.flows().prompt("welcome").text()).isEqualTo("Hello from the council.");
        assertThat(after.flows().version()).isEqualTo(2);
    }

    @Test
    void aVersionPutInForceOutlivesARestart() {
        new FlowBook(FlowBook.demo(), dir, () -> Rig.DEMO_ROUTING).replace(withWelcome("Hello again."), 1);

        FlowBook restarted = new FlowBook(FlowBook.demo(), dir, () -> Rig.DEMO_ROUTING);

        assertThat(restarted.flows().version()).isEqualTo(2);
        assertThat(restarted.flows().prompt("welcome").text()).isEqualTo("Hello again.");
        assertThat(dir.resolve("flows-2.yaml")).exists();
    }

    @Test
    void flowsThatDoNotHoldTogetherChangeNothing() {
        FlowBook book = new FlowBook(FlowBook.demo(), dir, () -> Rig.DEMO_ROUTING);
        ObjectNode broken = Documents.demo();
        Documents.at(broken, "steps.welcome").put("next", "nowhere");

        assertThatThrownBy(() -> book.replace(broken, 1))
                .isInstanceOf(InvalidFlowsException.class)
                .hasMessageContaining("step welcome next names step nowhere, which is not defined");
        assertThat(book.flows().version()).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aChangeMadeAgainstAnOldVersionIsRefused() {
        FlowBook book = new FlowBook(FlowBook.demo(), dir, () -> Rig.DEMO_ROUTING);
        book.replace(withWelcome("One."), 1);

        assertThatThrownBy(() -> book.replace(withWelcome("Two."), 1))
                .isInstanceOf(FlowBook.StaleVersionException.class)
                .hasMessageContaining("at version 2");
    }

    @Test
    void flowsNamingAQueueRoutingLostAreRefusedAtStartUp() throws Exception {
        Files.createDirectories(dir);
        var routing = new io.firstcontact.ivr.flow.FlowsCheck.Routing(
                java.util.Map.of("general", "voice", "web-chat", "chat"), Rig.DEMO_ROUTING.skills());

        assertThatThrownBy(() -> new FlowBook(FlowBook.demo(), dir, () -> routing))
                .isInstanceOf(InvalidFlowsException.class)
                .hasMessageContaining("step advisor-parking names queue parking, which routing does not have");
    }

    private static IvrSession open(FlowBook book) {
        return new Ivr(
                        book,
                        io.firstcontact.ivr.calendar.EmergencyClosures.none(),
                        new Rig().ivr().ports(),
                        java.time.InstantSource.system())
                .open(new Call("i-1", "voice", null, null, null));
    }
}
