package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads flows from their YAML (or JSON) form into {@link IvrFlows}, collecting every problem it finds rather than
 * stopping at the first, so that an administrator fixes a file in one go. It checks each part's own fields; names that
 * must resolve across parts (and against routing's queues) are {@link FlowsCheck}'s.
 */
public final class FlowsReader {
    /** The YAML form; JSON is YAML too. Unknown fields are errors, so that a typo never goes unnoticed. */
    public static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private static final Set<String> TOP =
            Set.of("version", "start", "advisor", "limits", "receipt", "prompts", "calendars", "steps");

    private FlowsReader() {}

    /** The document in {@code in} (YAML or JSON) as a tree; a document that is not one is refused. */
    public static JsonNode tree(InputStream in) {
        try {
            JsonNode tree = YAML.readTree(in);
            if (!(tree instanceof ObjectNode)) {
                throw new InvalidFlowsException(List.of("the flows must be a mapping (version, start, steps, …)"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidFlowsException(List.of("not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flows {@code tree} describes; throws {@link InvalidFlowsException} with every problem found. */
    public static IvrFlows read(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        if (!(tree instanceof ObjectNode root)) {
            throw new InvalidFlowsException(List.of("the flows must be a mapping (version, start, steps, …)"));
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (!TOP.contains(name)) {
                problems.add("unknown field " + name + " (the flows have " + new java.util.TreeSet<>(TOP) + ")");
            }
        }
        long version = root.path("version").asLong(0);
        if (!root.path("version").canConvertToLong() || version < 1) {
            problems.add("version must be a whole number from 1");
        }
        Limits limits = part(root.get("limits"), Limits.class, null, "limits", problems);
        Receipt receipt = part(root.get("receipt"), Receipt.class, null, "receipt", problems);
        if (root.get("receipt") == null) {
            problems.add("receipt is required (the text of the payment receipt)");
        }
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        each(root, "prompts", problems, (id, node) -> {
            Prompt p = part(node, Prompt.class, id, "prompt " + id, problems);
            if (p != null) {
                prompts.put(id, p);
            }
        });
        Map<String, CalendarSpec> calendars = new LinkedHashMap<>();
        each(root, "calendars", problems, (id, node) -> {
            CalendarSpec c = part(node, CalendarSpec.class, id, "calendar " + id, problems);
            if (c != null) {
                calendars.put(id, c);
            }
        });
        Map<String, Step> steps = new LinkedHashMap<>();
        each(root, "steps", problems, (id, node) -> {
            Step s = step(id, node, problems);
            if (s != null) {
                steps.put(id, s);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFlowsException(problems);
        }
        try {
            return new IvrFlows(
                    version,
                    root.path("start").asText(null),
                    root.path("advisor").asText(null),
                    limits,
                    receipt,
                    prompts,
                    calendars,
                    steps);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlowsException(List.of(e.getMessage()));
        }
    }

    private static Step step(String id, JsonNode node, List<String> problems) {
        if (!(node instanceof ObjectNode fields)) {
            problems.add("step " + id + ": must be a mapping with one of " + Step.KINDS);
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String k : Step.KINDS) {
            if (fields.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problems.add("step " + id + ": "
                    + (kinds.isEmpty() ? "has no kind" : "has several kinds " + kinds)
                    + " (a step has exactly one of " + Step.KINDS + ")");
            return null;
        }
        Class<? extends Step> type = switch (kinds.getFirst()) {
            case "say" -> Step.Say.class;
            case "menu" -> Step.Menu.class;
            case "collect" -> Step.Collect.class;
            case "lookup" -> Step.Lookup.class;
            case "branch" -> Step.Branch.class;
            case "queue" -> Step.Queue.class;
            case "pay" -> Step.Pay.class;
            case "status" -> Step.Status.class;
            case "hours" -> Step.Hours.class;
            default -> Step.Goodbye.class;
        };
        return part(node, type, id, "step " + id, problems);
    }

    private interface Entry {
        void accept(String id, JsonNode node);
    }

    private static void each(ObjectNode root, String section, List<String> problems, Entry entry) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            if (section.equals("steps") || section.equals("prompts")) {
                problems.add(section + " is required");
            }
            return;
        }
        if (!(node instanceof ObjectNode o)) {
            problems.add(section + " must be a mapping from id to definition");
            return;
        }
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            entry.accept(e.getKey(), e.getValue());
        }
    }

    private static <T> T part(JsonNode node, Class<T> type, String id, String what, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node instanceof ObjectNode o)) {
            problems.add(what + ": must be a mapping");
            return null;
        }
        ObjectNode copy = o.deepCopy();
        if (id != null) {
            if (copy.has("id")) {
                problems.add(what + ": its id is its key; remove the id field");
                return null;
            }
            copy.put("id", id);
        }
        try {
            return YAML.treeToValue(copy, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(prefixed(what, cause.getMessage()));
        } catch (UnrecognizedPropertyException e) {
            problems.add(what + ": unknown field " + e.getPropertyName());
        } catch (JsonProcessingException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    ? m.getPath().stream()
                            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .reduce((a, b) -> a + "." + b)
                            .orElse("")
                    : "";
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            problems.add(what + ": " + (path.isEmpty() ? "" : path + ": ")
                    + (cut > 0 ? message.substring(0, cut) : message));
        } catch (IllegalArgumentException e) {
            problems.add(prefixed(what, e.getMessage()));
        }
        return null;
    }

    /** The record's own message, which already names what it is about, or that message after {@code what}. */
    private static String prefixed(String what, String message) {
        String m = message == null ? "not valid" : message;
        return m.startsWith(what) ? m : what + ": " + m;
    }
}
