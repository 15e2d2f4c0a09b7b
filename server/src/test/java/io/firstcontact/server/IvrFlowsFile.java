package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.flow.FlowsReader;
import io.firstcontact.ivr.run.FlowBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo flows made to fit the test servers' small centre: every advisor step puts callers in {@code billing} and
 * chats in {@code chat}, without skills the centre lacks and without the office's hours.
 */
final class IvrFlowsFile {
    private IvrFlowsFile() {}

    /** The flows document for the small centre. */
    static ObjectNode smallCentre() {
        ObjectNode doc = (ObjectNode) FlowBook.demo().deepCopy();
        for (Map.Entry<String, JsonNode> step : doc.get("steps").properties()) {
            if (step.getValue().has("queue")) {
                ObjectNode q = (ObjectNode) step.getValue();
                q.putObject("queue").put("voice", "billing").put("chat", "chat");
                q.remove("requirements");
                // no office hours for advisors: a call for one is queued whatever the hour the build runs at
                q.remove("calendar");
            }
        }
        return doc;
    }

    /** Writes them into {@code dir} and returns the file, for {@code ivr.flows}. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("ivr-flows.yaml");
        Files.writeString(file, FlowsReader.YAML.writeValueAsString(smallCentre()));
        return file;
    }
}
