package io.firstcontact.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firstcontact.router.journal.JsonExpected;
import io.firstcontact.router.journal.JsonPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@link ServerConfig} from a YAML file (unknown fields are errors, so a typo never goes unnoticed), then applies
 * the environment overrides. With no file the server runs the demo on the defaults.
 */
public final class ConfigLoader {
    /** The environment variables that override a scalar setting, with the setting's path in the file. */
    public static final Map<String, String> ENVIRONMENT = environment();

    /** The file read when neither {@code --config} nor {@code FC_CONFIG} names one (if it exists). */
    public static final String DEFAULT_FILE = "firstcontact.yaml";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule("durations").addDeserializer(Duration.class, new DurationReader());
        this.yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // a field left out takes its default
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(durations)
                .build();
    }

    private static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("FC_MODE", "mode");
        m.put("FC_DATA_DIR", "dataDir");
        m.put("FC_HTTP_HOST", "http.host");
        m.put("FC_HTTP_PORT", "http.port");
        m.put("FC_MANAGEMENT_HOST", "management.host");
        m.put("FC_MANAGEMENT_PORT", "management.port");
        m.put("REDIS_URL", "redis.url");
        m.put("FC_REDIS_KEY_PREFIX", "redis.keyPrefix");
        m.put("FC_JOURNAL_KEY_FILE", "journal.keyFile");
        m.put("FC_LEASE_TTL", "lease.ttl");
        m.put("FC_NODE_ID", "lease.nodeId");
        m.put("FC_LOG_JSON", "logging.json");
        m.put("FC_LOG_LEVEL", "logging.level");
        m.put("FC_DEMO_SEED", "demo.seed");
        m.put("FC_DEMO_SPEED", "demo.speed");
        m.put("FC_BACK_OFFICE", "account.backOffice.kind");
        m.put("FC_BACK_OFFICE_URL", "account.backOffice.http.url");
        m.put("FC_BACK_OFFICE_TOKEN", "account.backOffice.http.token");
        m.put("FC_CLUSTER_NAME", "account.cluster.name");
        m.put("FC_CLUSTER_HOST", "account.cluster.host");
        m.put("FC_CLUSTER_PORT", "account.cluster.port");
        m.put("FC_IVR_FLOWS", "ivr.flows");
        m.put("FC_VOICE_SERVER", "voice.server");
        m.put("FC_AMI_HOST", "voice.ami.host");
        m.put("FC_AMI_PORT", "voice.ami.port");
        m.put("FC_AMI_USER", "voice.ami.username");
        m.put("FC_AMI_SECRET", "voice.ami.secret");
        m.put("FC_AMI_SECRET_FILE", "voice.ami.secretFile");
        m.put("FC_AGI_HOST", "voice.agi.host");
        m.put("FC_AGI_PORT", "voice.agi.port");
        return Map.copyOf(m);
    }

    /**
     * The file named by {@code explicit} (it must exist), else {@code FC_CONFIG}'s, else {@value #DEFAULT_FILE} in the
     * working directory if there is one.
     */
    public static Optional<Path> locate(String explicit, Map<String, String> env) {
        String named = explicit != null ? explicit : env.get("FC_CONFIG");
        if (named != null) {
            Path p = Path.of(named);
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("configuration file " + p + " does not exist");
            }
            return Optional.of(p);
        }
        Path fallback = Path.of(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** Loads the file (or the defaults, in demo mode, when there is none) and applies {@code env}. */
    public ServerConfig load(Optional<Path> file, Map<String, String> env) {
        ObjectNode tree;
        if (file.isPresent()) {
            try {
                JsonNode read = yaml.readTree(file.get().toFile());
                if (read == null || read.isMissingNode() || read.isNull()) {
                    tree = JsonNodeFactory.instance.objectNode();
                } else if (read instanceof ObjectNode o) {
                    tree = o;
                } else {
                    throw new ConfigException(file.get() + ": the configuration must be a mapping of fields ("
                            + String.join(", ", JsonExpected.fields(ServerConfig.class)) + ")");
                }
            } catch (StreamReadException e) {
                throw new ConfigException(file.get() + syntaxError(e));
            } catch (IOException e) {
                throw new ConfigException(file.get() + ": cannot be read (" + firstLine(e) + ")");
            }
            if (!tree.has("mode")) {
                tree.put("mode", "production"); // a configuration exists: the demo never starts by itself
            }
        } else {
            tree = JsonNodeFactory.instance.objectNode();
            tree.put("mode", "demo");
        }
        Map<String, String> overridden = new LinkedHashMap<>(); // setting path -> the variable that set it
        for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                set(tree, e.getValue(), value.strip());
                overridden.put(e.getValue(), e.getKey());
            }
        }
        try {
            return yaml.treeToValue(tree, ServerConfig.class);
        } catch (JsonMappingException e) {
            Problem problem = describe(e);
            String variable = overridden.get(problem.field());
            throw new ConfigException(source(file) + ": " + problem.message()
                    + (variable == null ? "" : " (the value comes from the environment variable " + variable + ")"));
        } catch (IOException e) {
            throw new ConfigException(source(file) + ": " + firstLine(e));
        }
    }

    private static String source(Optional<Path> file) {
        return file.map(Path::toString).orElse("the defaults with environment overrides");
    }

    /** ", line 3, column 7: not valid YAML: mapping values are not allowed here (while parsing …)". */
    private static String syntaxError(StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return position(m.getProblemMark()) + ": not valid YAML: " + m.getProblem()
                    + (m.getContext() == null || m.getContextMark() == null
                            ? ""
                            : " (" + m.getContext() + " from"
                                    + position(m.getContextMark()).substring(1) + ")");
        }
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 1 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
        return where + ": not valid YAML: " + firstLine(e);
    }

    private static String position(Mark mark) {
        return ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]) instanceof ObjectNode child ? child : node.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (leaf.toLowerCase(Locale.ROOT).contains("secret")) {
            node.put(leaf, value); // a secret stays text, leading zeros and all
        } else if (value.matches("-?\\d+")) {
            node.put(leaf, Long.parseLong(value));
        } else if (value.matches("-?\\d+\\.\\d+")) {
            node.put(leaf, Double.parseDouble(value));
        } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            node.put(leaf, Boolean.parseBoolean(value));
        } else {
            node.put(leaf, value);
        }
    }

    /** A configuration problem: the field it is about (a YAML path such as {@code tokens[0].role}) and what is wrong. */
    private record Problem(String field, String message) {}

    private static Problem describe(JsonMappingException e) {
        String path = JsonPaths.of(e);
        String at = path.isEmpty() ? "the configuration" : path;
        return switch (e) {
            case UnrecognizedPropertyException u -> {
                int dot = path.lastIndexOf('.');
                String parent = dot > 0 ? path.substring(0, dot) : "";
                yield new Problem(
                        path,
                        at + ": unknown field; " + JsonExpected.validFields(u)
                                + (parent.isEmpty() ? "" : " (of " + parent + ")"));
            }
            case ValueInstantiationException v -> refused(path, v);
            case MismatchedInputException m -> new Problem(path, at + ": expected " + expected(m.getTargetType()));
            default -> new Problem(path, at + ": " + firstLine(e));
        };
    }

    private static Problem refused(String path, ValueInstantiationException v) {
        Throwable cause = v.getCause() != null ? v.getCause() : v;
        JsonExpected.Refusal r = JsonExpected.Refusal.of(
                path, v.getType() == null ? null : v.getType().getRawClass(), cause.getMessage());
        return new Problem(r.field(), r.message());
    }

    private static String expected(Class<?> type) {
        return type == Duration.class
                ? "a duration such as 500ms, 10s, 5m, 2h, 1d or PT10S"
                : JsonExpected.of(type, true);
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10S}). */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    }

    private static final class DurationReader extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationReader() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return parseDuration(text);
            } catch (RuntimeException e) {
                return (Duration) ctx.handleWeirdStringValue(
                        Duration.class, text, "a duration such as 500ms, 10s, 5m, 2h or PT10S");
            }
        }
    }

    /** The configuration cannot be used; the message says which file and field. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
