package io.firstcontact.router.journal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attribute;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The journal's JSON form of inputs, decisions, entries and snapshots: UTF-8, compact, deterministic (the same value
 * always gives the same bytes; properties in record component order, every property written, nulls included) and
 * strict on reading (unknown, missing or mistyped properties are refused, and every record's constructor validates
 * what it is given, so data the engine would refuse cannot come back from the journal either).
 *
 * <p>The sealed {@link Command}, {@link Fact} and {@link Effect} hierarchies are written with a {@code "type"}
 * property holding the record's simple name. The names are found by walking the permitted subclasses, so a new
 * record needs no change here; two records with the same simple name are refused when the codec is built.
 *
 * <p>Entries carry {@link #SCHEMA_VERSION}. Older entries are carried forward by {@link Upcasters} before they are
 * read; newer ones are refused.
 *
 * <p>Interaction attributes are written in clear only when the routing configuration classifies them ROUTING or
 * DISPLAY; the others are sealed by {@link PersonalData} ({@code {"name":…,"sealed":"v1:…"}}) and opened on reading.
 * Thread-safe; build one and share it.
 */
public final class JournalCodec {
    /**
     * The journal schema version this codec writes (2: the channels' edges; 3: a login names its phone device; see
     * {@link Upcasters#STANDARD}).
     */
    public static final int SCHEMA_VERSION = 3;

    /** The type property of the sealed hierarchies. */
    public static final String TYPE_PROPERTY = "type";

    static final String SCHEMA_VERSION_FIELD = "schemaVersion";
    private static final String ID_FIELD = "id";
    private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,19}-[0-9]{1,19}");
    private static final List<Class<?>> POLYMORPHIC = List.of(Command.class, Fact.class, Effect.class);

    private final Upcasters upcasters;
    private final SortedMap<String, Class<?>> typeNames;
    private final ObjectReader treeReader;
    private final ObjectWriter inputWriter;
    private final ObjectReader inputReader;
    private final ObjectWriter decisionWriter;
    private final ObjectReader decisionReader;
    private final ObjectWriter entryWriter;
    private final ObjectReader entryReader;
    private final ObjectWriter snapshotWriter;
    private final ObjectReader snapshotReader;
    private final JsonMapper mapper;
    private final ObjectWriter valueWriter;
    private final PersonalData personal;

    /**
     * A codec with the standard upcasters and no journal key: it writes and reads everything but personal data (an
     * attribute that would have to be sealed is refused). Tools that handle configuration only use it.
     */
    public JournalCodec() {
        this(Upcasters.STANDARD, PersonalData.NO_KEY);
    }

    /** A codec with the standard upcasters that seals personal attributes with {@code personal}. */
    public JournalCodec(PersonalData personal) {
        this(Upcasters.STANDARD, personal);
    }

    /** A codec with the given upcasters (tests use their own). */
    public JournalCodec(Upcasters upcasters) {
        this(upcasters, PersonalData.NO_KEY);
    }

    /** A codec with the given upcasters that seals personal attributes with {@code personal}. */
    public JournalCodec(Upcasters upcasters, PersonalData personal) {
        this.upcasters = Objects.requireNonNull(upcasters, "upcasters");
        this.personal = Objects.requireNonNull(personal, "personal");
        TreeMap<String, Class<?>> names = SealedTypes.leavesByName(POLYMORPHIC);
        this.typeNames = Collections.unmodifiableSortedMap(names);
        JsonMapper.Builder b = JsonMapper.builder()
                // reading: strict
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // writing: deterministic, component order
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
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
        // No list of the engine holds null (most refuse it in List.copyOf; the snapshot's nested records do not check).
        b.withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
        for (Class<?> root : POLYMORPHIC) {
            b.addMixIn(root, TypedByName.class);
        }
        for (Map.Entry<String, Class<?>> e : names.entrySet()) {
            b.registerSubtypes(new NamedType(e.getValue(), e.getKey()));
        }
        b.addModule(new BlackbirdModule());
        b.addModule(new SimpleModule("personal-data")
                .addSerializer(Attribute.class, new AttributeWriter(personal))
                .addDeserializer(Attribute.class, new AttributeReader(personal)));
        JsonMapper mapper = b.build();
        this.mapper = mapper;
        this.valueWriter = mapper.writer();
        this.treeReader = mapper.readerFor(JsonNode.class);
        this.inputWriter = mapper.writerFor(EngineInput.class);
        this.inputReader = mapper.readerFor(EngineInput.class);
        this.decisionWriter = mapper.writerFor(Decision.class);
        this.decisionReader = mapper.readerFor(Decision.class);
        this.entryWriter = mapper.writerFor(JournalEntry.class);
        this.entryReader = mapper.readerFor(JournalEntry.class);
        this.snapshotWriter = mapper.writerFor(EngineSnapshot.class);
        this.snapshotReader = mapper.readerFor(EngineSnapshot.class);
    }

    /** The names written in {@code "type"}, with their records, by name. */
    public SortedMap<String, Class<?>> typeNames() {
        return typeNames;
    }

    public byte[] encodeInput(EngineInput input) {
        return write(inputWriter, Objects.requireNonNull(input, "input"), "input");
    }

    public EngineInput decodeInput(byte[] json) {
        return read(inputReader, json, "journal input", "input");
    }

    public byte[] encodeDecision(Decision decision) {
        return write(decisionWriter, Objects.requireNonNull(decision, "decision"), "decision");
    }

    public Decision decodeDecision(byte[] json) {
        return read(decisionReader, json, "journal decision", "decision");
    }

    /** Writes an entry; it must be in the current schema version (the journal never writes an older form). */
    public byte[] encodeEntry(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.schemaVersion() != SCHEMA_VERSION) {
            throw new JournalFormatException("journal entry " + entry.id() + " has schema version "
                    + entry.schemaVersion() + "; this codec writes only version " + SCHEMA_VERSION);
        }
        return write(entryWriter, entry, "journal entry " + entry.id());
    }

    /**
     * Reads an entry of this schema version or, through the upcasters, of an older one; the result is always in the
     * current version ({@link JournalEntry#schemaVersion()} is {@link #SCHEMA_VERSION}). Entries of a newer version
     * than this codec knows are refused.
     */
    public JournalEntry decodeEntry(byte[] json) {
        ObjectNode tree = readObject(json, "journal entry");
        JsonNode idNode = tree.get(ID_FIELD);
        String what = idNode != null
                        && idNode.isTextual()
                        && ENTRY_ID.matcher(idNode.textValue()).matches()
                ? "journal entry " + idNode.textValue()
                : "journal entry (without a valid id)";
        int version = version(tree, what, SCHEMA_VERSION);
        if (version < SCHEMA_VERSION) {
            tree = upcasters.upcast(tree, version, SCHEMA_VERSION, what);
        }
        return bind(entryReader, tree, what, "entry");
    }

    /**
     * Writes any engine value (a routing configuration, a command) in the journal's JSON form: the admin API shows
     * configuration exactly as it is journaled.
     */
    public byte[] encodeValue(Object value) {
        Objects.requireNonNull(value, "value");
        return write(valueWriter, value, typeName(value.getClass()));
    }

    /**
     * Reads an engine value with the journal's strict rules (unknown or missing properties, wrong types and values
     * the records refuse are errors whose {@link JournalFormatException#field() field} names where).
     */
    public <T> T decodeValue(byte[] json, Class<T> type, String what) {
        return read(mapper.readerFor(type), json, what, "");
    }

    /** As {@link #decodeValue(byte[], Class, String)}, from a tree (a YAML file's, for instance). */
    public <T> T convertValue(JsonNode tree, Class<T> type, String what) {
        return bind(mapper.readerFor(type), tree, what, "");
    }

    public byte[] encodeSnapshot(EngineSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (snapshot.schemaVersion() != EngineSnapshot.SCHEMA_VERSION) {
            throw new JournalFormatException("snapshot has schema version " + snapshot.schemaVersion()
                    + "; this codec writes only version " + EngineSnapshot.SCHEMA_VERSION);
        }
        // Classified by the configuration it holds, not by the one the engine has moved on to since.
        return write(
                snapshotWriter.withAttribute(IN_CLEAR, PersonalData.clearNames(snapshot.config())),
                snapshot,
                "snapshot");
    }

    /** Where the codec's sealing and opening of personal data is kept. */
    public PersonalData personal() {
        return personal;
    }

    /**
     * Reads a snapshot of the engine's current snapshot schema version or, through {@link Upcasters#SNAPSHOTS}, of a
     * released older one; a newer one, or one older than any upcaster reads, is refused.
     */
    public EngineSnapshot decodeSnapshot(byte[] json) {
        ObjectNode tree = readObject(json, "snapshot");
        int version = version(tree, "snapshot", EngineSnapshot.SCHEMA_VERSION);
        if (version < EngineSnapshot.SCHEMA_VERSION) {
            tree = Upcasters.SNAPSHOTS.upcast(tree, version, EngineSnapshot.SCHEMA_VERSION, "snapshot");
        }
        return bind(snapshotReader, tree, "snapshot", "snapshot");
    }

    // ---- internals ----

    /** A write's own set of attribute names in clear (a snapshot's); without it, {@link PersonalData}'s current one. */
    private static final String IN_CLEAR = "firstcontact.attributesInClear";

    /** {@code {"name":…,"value":…}} for an attribute in clear, {@code {"name":…,"sealed":…}} for the others. */
    private static final class AttributeWriter extends StdSerializer<Attribute> {
        private final PersonalData personal;

        AttributeWriter(PersonalData personal) {
            super(Attribute.class);
            this.personal = personal;
        }

        @Override
        public void serialize(Attribute a, JsonGenerator g, SerializerProvider provider) throws IOException {
            Object own = provider.getAttribute(IN_CLEAR);
            boolean clear = own instanceof Set<?> names ? names.contains(a.name()) : personal.inClear(a.name());
            g.writeStartObject();
            g.writeStringField("name", a.name());
            if (clear) {
                g.writeStringField("value", a.value());
            } else {
                g.writeStringField("sealed", personal.seal(a.name(), a.value()));
            }
            g.writeEndObject();
        }
    }

    /** Reads either form strictly: {@code name} and exactly one of {@code value} and {@code sealed}. */
    private static final class AttributeReader extends StdDeserializer<Attribute> {
        private final PersonalData personal;

        AttributeReader(PersonalData personal) {
            super(Attribute.class);
            this.personal = personal;
        }

        @Override
        public Attribute deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (Attribute) ctxt.handleUnexpectedToken(Attribute.class, p);
            }
            String name = null;
            String value = null;
            String sealed = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.VALUE_STRING) {
                    return (Attribute) ctxt.handleUnexpectedToken(String.class, p);
                }
                switch (field) {
                    case "name" -> name = p.getText();
                    case "value" -> value = p.getText();
                    case "sealed" -> sealed = p.getText();
                    default -> throw UnrecognizedPropertyException.from(p, Attribute.class, field, List.of());
                }
            }
            if (name == null || (value == null) == (sealed == null)) {
                throw MismatchedInputException.from(
                        p, Attribute.class, "Missing creator property: name, and one of value or sealed");
            }
            try {
                return new Attribute(name, sealed == null ? value : personal.unseal(name, sealed));
            } catch (IllegalArgumentException e) {
                throw ValueInstantiationException.from(p, "invalid attribute", ctxt.constructType(Attribute.class), e);
            }
        }
    }

    /** Applied to Command, Fact and Effect: a {@code "type"} property with the registered name. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TYPE_PROPERTY)
    private interface TypedByName {}

    private static byte[] write(ObjectWriter writer, Object value, String what) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof JournalFormatException refused) {
                throw new JournalFormatException(what + ": " + refused.getMessage());
            }
            // Only a codec defect gets here (every engine type is writable); the message holds no value.
            throw new JournalFormatException(
                    what + ": cannot be written (" + e.getClass().getSimpleName() + " at " + path("", e) + ")");
        }
    }

    private <T> T read(ObjectReader reader, byte[] json, String what, String root) {
        Objects.requireNonNull(json, "json");
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw translate(e, what, root);
        }
    }

    private <T> T bind(ObjectReader reader, JsonNode tree, String what, String root) {
        try {
            return reader.readValue(tree);
        } catch (IOException e) {
            throw translate(e, what, root);
        }
    }

    private ObjectNode readObject(byte[] json, String what) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = treeReader.readValue(json);
        } catch (IOException e) {
            throw translate(e, what, "");
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new JournalFormatException(what + " is not a JSON object");
    }

    private static int version(ObjectNode tree, String what, int newest) {
        JsonNode v = tree.get(SCHEMA_VERSION_FIELD);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new JournalFormatException(what + " has no integer " + SCHEMA_VERSION_FIELD);
        }
        int version = v.intValue();
        if (version > newest) {
            throw new JournalFormatException(what + " has schema version " + version + ", newer than this codec knows ("
                    + newest + "); it was written by a newer router");
        }
        return version;
    }

    /**
     * A Jackson failure as a message that names the entry, the field path and the kind of problem, and never a value.
     * Jackson's own messages quote the input, so they are not kept, nor is its exception; a record constructor's
     * refusal is kept as the cause.
     */
    private static JournalFormatException translate(IOException e, String what, String root) {
        String at = path(root, e);
        if (e.getCause() instanceof JournalFormatException refused) {
            return new JournalFormatException(what + ": " + refused.getMessage() + (at.isEmpty() ? "" : " at " + at))
                    .at(at);
        }
        return describe(e, what, at).at(at);
    }

    private static JournalFormatException describe(IOException e, String what, String at) {
        String where = at.isEmpty() ? "" : " at " + at;
        return switch (e) {
            case ValueInstantiationException v ->
                new JournalFormatException(
                        what + ": invalid " + typeName(v.getType().getRawClass()) + where
                                + ", refused by its constructor"
                                + (v.getCause() == null
                                        ? ""
                                        : " (" + v.getCause().getClass().getSimpleName() + ")"),
                        v.getCause());
            case UnrecognizedPropertyException u ->
                new JournalFormatException(what + ": unknown property" + where + " in "
                        + typeName(u.getReferringClass()) + "; " + JsonExpected.validFields(u));
            case InvalidTypeIdException t ->
                new JournalFormatException(what + ": missing or unknown \"" + TYPE_PROPERTY + "\"" + where + " for "
                        + typeName(t.getBaseType().getRawClass()));
            case InvalidDefinitionException d ->
                new JournalFormatException(
                        what + ": the codec cannot read " + typeName(d.getType().getRawClass()) + where);
            case MismatchedInputException m ->
                new JournalFormatException(what + ": " + mismatch(m) + where
                        + (m.getTargetType() == null
                                ? ""
                                : " (expected " + JsonExpected.of(m.getTargetType(), false) + ")"));
            case InputCoercionException c ->
                new JournalFormatException(
                        what + ": a number out of range for " + typeName(c.getTargetType()) + where + location(c));
            case StreamReadException s -> new JournalFormatException(what + ": malformed JSON" + where + location(s));
            case JsonMappingException m -> new JournalFormatException(what + ": cannot be read" + where);
            default ->
                new JournalFormatException(
                        what + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        };
    }

    /** The kind of mismatch, from Jackson's message; the field is named by the path, never by the data. */
    private static String mismatch(MismatchedInputException m) {
        String original = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
        if (original.startsWith("Missing") && original.contains("creator property")) {
            return "missing property";
        }
        if (m instanceof InvalidNullException || original.startsWith("Cannot map `null`")) {
            return "null where a value is required";
        }
        if (original.startsWith("Trailing token")) {
            return "content after the JSON value";
        }
        if (original.startsWith("No content to map")) {
            return "no content";
        }
        return "a value of the wrong type or shape";
    }

    private static String location(JacksonException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** {@code root.field[3].other}: the path of field names and indexes where reading failed. */
    private static String path(String root, IOException e) {
        return e instanceof JsonMappingException m ? JsonPaths.of(root, m) : root;
    }

    private static String typeName(Class<?> c) {
        if (c == null) {
            return "a value";
        }
        Class<?> outer = c.getEnclosingClass();
        return outer == null ? c.getSimpleName() : typeName(outer) + "." + c.getSimpleName();
    }
}
