package io.firstcontact.router.wire;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The API's JSON: request bodies are read strictly (unknown fields are errors); engine and read-model records are
 * written with every engine time ({@code …At}, {@code …Since}, {@code …Until}, {@code until}) as an RFC 3339 UTC
 * string with milliseconds, and commands, facts and effects with a {@code type} (the record's simple name) first.
 *
 * <p>Records are serialized straight to text by Jackson; no intermediate tree is built for them.
 */
public final class PublicJson {
    /**
     * Reads request bodies strictly — unknown fields, a key given twice, a value of another JSON type than the field's
     * (no number read as text or as an enum, no fraction read as an integer, no text read as a number) are errors —
     * and writes the trees handlers build.
     */
    public static final ObjectMapper MAPPER = strict(JsonMapper.builder())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new BlackbirdModule())
            .build();

    /** Writes records: times as RFC 3339, engine records typed by their simple name. */
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // A day (java.time.LocalDate) as 2026-11-24; engine times stay epoch millis, written by TimesAsText.
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(Command.class, TypedBySimpleName.class)
            .addMixIn(Fact.class, TypedBySimpleName.class)
            .addMixIn(Effect.class, TypedBySimpleName.class)
            // Jackson applies the modifier registered last first: the times are assigned, then Blackbird leaves them
            // be.
            .addModule(new BlackbirdModule())
            .addModule(new SimpleModule("firstcontact-times").setSerializerModifier(new TimesAsText()))
            .build();

    private static final ObjectWriter FACT = RECORDS.writerFor(Fact.class);
    private static final ObjectWriter FACTS = RECORDS.writerFor(new TypeReference<List<Fact>>() {});

    private static JsonMapper.Builder strict(JsonMapper.Builder b) {
        b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        b.withCoercionConfig(
                LogicalType.Textual,
                c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Enum)) {
            b.withCoercionConfig(
                    t,
                    c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        return b;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedBySimpleName {}

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

    /**
     * A record as a JSON tree, times (at any depth) as RFC 3339: an engine record (a command, fact or effect) with its
     * {@code type} first, a read-model record as it is.
     */
    public static ObjectNode record(Record value) {
        return (ObjectNode) RECORDS.valueToTree(value);
    }

    /** A read-model record as a JSON tree: the same writing as {@link #record}. */
    public static ObjectNode view(Record value) {
        return record(value);
    }

    /** A fact as JSON text, as {@link #record} would write it. */
    public static String fact(Fact fact) {
        try {
            return FACT.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + fact.getClass().getSimpleName(), e);
        }
    }

    /** Facts as one JSON array, each as {@link #fact} writes it. */
    public static String facts(List<Fact> facts) {
        try {
            return FACTS.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write facts", e);
        }
    }

    private static boolean isTime(String field) {
        return field.endsWith("At") || field.endsWith("Since") || field.endsWith("Until") || field.equals("until");
    }

    /** Gives every integral property named like a time the serializer that writes it as RFC 3339 text. */
    private static final class TimesAsText extends BeanSerializerModifier {
        private static final JsonSerializer<Object> TIME = new JsonSerializer<>() {
            @Override
            public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                String text = time(((Number) value).longValue());
                if (text == null) {
                    gen.writeNull();
                } else {
                    gen.writeString(text);
                }
            }
        };

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter p : properties) {
                Class<?> type = p.getType().getRawClass();
                boolean integral =
                        type == long.class || type == Long.class || type == int.class || type == Integer.class;
                if (integral && isTime(p.getName())) {
                    p.assignSerializer(TIME);
                }
            }
            return properties;
        }
    }
}
