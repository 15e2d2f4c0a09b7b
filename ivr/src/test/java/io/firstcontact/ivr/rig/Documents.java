package io.firstcontact.ivr.rig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.flow.FlowsReader;
import io.firstcontact.ivr.run.FlowBook;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Flows documents for tests: the demo's, changed in place, or written out in YAML. */
public final class Documents {
    private Documents() {}

    /** A fresh copy of the demo flows' document. */
    public static ObjectNode demo() {
        return (ObjectNode) FlowBook.demo().deepCopy();
    }

    /** A document from YAML text. */
    public static JsonNode yaml(String text) {
        return FlowsReader.tree(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The mapping at {@code path} (dot separated: {@code steps.main-menu}), which the test then changes. */
    public static ObjectNode at(ObjectNode doc, String path) {
        ObjectNode node = doc;
        for (String part : path.split("\\.")) {
            node = (ObjectNode) node.get(part);
        }
        return node;
    }

    /** Puts a step, written in YAML, under {@code id}. */
    public static ObjectNode step(ObjectNode doc, String id, String yaml) {
        at(doc, "steps").set(id, yaml(yaml));
        return doc;
    }
}
