package io.firstcontact.server.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.engine.Decision;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The API's JSON: request bodies are read strictly (unknown fields are errors), engine records are written with a
 * {@code type} and every engine time ({@code …At}, {@code until}) as an RFC 3339 UTC string with milliseconds.
 */
public final class PublicJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private PublicJson() {}

    /** RFC 3339, UTC, milliseconds: {@code 2026-11-24T09:30:00.000Z}. */
    public static String time(long epochMillis) {
        if (epochMillis < 0 || epochMillis == Decision.NO_DEADLINE) {
            return null;
        }
        String s = Instant.ofEpochMilli(epochMillis).toString();
        // Instant drops zero millis ("…:00Z"); the API always writes three digits.
        if (s.length() == 20) {
            return s.substring(0, 19) + ".000Z";
        }
        return s;
    }

    /** An engine record (a fact, an effect) as JSON: {@code type} first, times as RFC 3339. */
    public static ObjectNode record(Record value) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", value.getClass().getSimpleName());
        out.setAll(view(value));
        return out;
    }

    /** A read-model record as JSON, times (at any depth) as RFC 3339. */
    public static ObjectNode view(Record value) {
        return (ObjectNode) times(MAPPER.valueToTree(value));
    }

    private static JsonNode times(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = o.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.set(
                        f.getKey(),
                        isTime(f.getKey()) && f.getValue().isIntegralNumber()
                                ? timeNode(f.getValue().longValue())
                                : times(f.getValue()));
            }
            return out;
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            com.fasterxml.jackson.databind.node.ArrayNode out = MAPPER.createArrayNode();
            a.forEach(e -> out.add(times(e)));
            return out;
        }
        return node;
    }

    private static JsonNode timeNode(long millis) {
        String t = time(millis);
        return t == null ? MAPPER.nullNode() : MAPPER.getNodeFactory().textNode(t);
    }

    private static boolean isTime(String field) {
        return field.endsWith("At") || field.endsWith("Since") || field.endsWith("Until") || field.equals("until");
    }
}
