package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.metrics.statistics.AdvisorDay;
import io.firstcontact.metrics.statistics.AdvisorFigures;
import io.firstcontact.metrics.statistics.AdvisorState;
import io.firstcontact.metrics.statistics.Alert;
import io.firstcontact.metrics.statistics.AlertKind;
import io.firstcontact.metrics.statistics.CentreFigures;
import io.firstcontact.metrics.statistics.CentreRecord;
import io.firstcontact.metrics.statistics.ChannelFigures;
import io.firstcontact.metrics.statistics.Counts;
import io.firstcontact.metrics.statistics.DayFigures;
import io.firstcontact.metrics.statistics.IntervalFigures;
import io.firstcontact.metrics.statistics.OutcomeFigures;
import io.firstcontact.metrics.statistics.Period;
import io.firstcontact.metrics.statistics.QueueFigures;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.Address;
import io.firstcontact.router.api.account.AlertSubscription;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.OnlineAccount;
import io.firstcontact.router.api.account.Pcn;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ActorKind;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.view.QueueView;
import io.firstcontact.router.view.WaitingEntry;
import io.firstcontact.server.api.ApiServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description of {@code /api/v1} (the classpath resource {@code openapi.yaml}) agrees with the server:
 * every route the router registers is documented with the same method and every documented operation is registered;
 * every example in the document validates against its schema; the responses of a running server, successes and
 * refusals, validate against the schema the document gives for their status; and the served description is the
 * resource itself.
 */
class OpenApiContractTest {
    /** The document's base IRI for the validator: never fetched, every {@code $ref} in it is local. */
    private static final String DOCUMENT_IRI = "https://firstcontact.invalid/api/v1/openapi.json";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Set<String> ROLES = Set.of("agent", "supervisor", "admin", "integration");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    @TempDir
    static Path dir;

    static TestServer s;
    static AsteriskPeer peer;
    static byte[] resource;
    static JsonNode doc;
    static SchemaRegistry registry;
    static final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = ApiServer.class.getResourceAsStream(ApiServer.OPENAPI_RESOURCE)) {
            assertThat(in)
                    .as("the classpath resource " + ApiServer.OPENAPI_RESOURCE)
                    .isNotNull();
            resource = in.readAllBytes();
        }
        doc = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build()
                .readTree(resource);
        String json = TestServer.JSON.writeValueAsString(doc);
        registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(),
                b -> b.schemas(Map.of(DOCUMENT_IRI, json))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
        // A long lease: a busy machine that delays a renewal must not depose the only node mid-test.
        // Asterisk is the test peer: the supervision route answers for a real connected call.
        peer = AsteriskPeer.start();
        s = TestServer.start(
                dir.resolve("data"),
                Map.of(
                        "lease",
                        Map.of("ttl", "60s"),
                        "ivr",
                        Map.of("flows", IvrFlowsFile.write(dir).toString()),
                        "voice",
                        Map.of(
                                "ami",
                                Map.of(
                                        "host", "127.0.0.1",
                                        "port", peer.amiPort(),
                                        "username", AsteriskPeer.ROUTER.name(),
                                        "secret", AsteriskPeer.ROUTER.secret()),
                                "agi",
                                Map.of("host", "127.0.0.1", "port", 0),
                                "menu",
                                Map.of("queues", Map.of("1", "billing"), "defaultQueue", "billing"))));
        peer.agiServer("127.0.0.1", s.server.channels().voice().orElseThrow().agiPort());
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            s.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    // ------------------------------------------------------------------ the document

    /** One operation of the document: method (lower case), path template, its node and JSON pointer. */
    record Operation(String method, String path, JsonNode node, String pointer) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        boolean matches(String m, String requestPath) {
            if (!method.equalsIgnoreCase(m)) {
                return false;
            }
            String regex = "\\Q" + PATH_PARAM.matcher(path).replaceAll("\\\\E[^/]+\\\\Q") + "\\E";
            return requestPath.matches(regex);
        }
    }

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
            for (String m : METHODS) {
                JsonNode op = p.getValue().get(m);
                if (op != null) {
                    ops.add(new Operation(m, p.getKey(), op, "/paths/" + escape(p.getKey()) + "/" + m));
                }
            }
        }
        return ops;
    }

    /** A node and the JSON pointer it was found at, after following a local {@code $ref} (OpenAPI objects). */
    record Located(JsonNode node, String pointer) {}

    static Located resolve(JsonNode node, String pointer) {
        int hops = 0;
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(ref).as("only local references, at " + pointer).startsWith("#/");
            pointer = ref.substring(1);
            node = doc.at(pointer);
            assertThat(node.isMissingNode())
                    .as("the reference " + ref + " resolves")
                    .isFalse();
            assertThat(++hops).as("reference chain at " + pointer).isLessThan(10);
        }
        return new Located(node, pointer);
    }

    static List<Located> parameters(Operation op) {
        List<Located> out = new ArrayList<>();
        JsonNode shared = doc.path("paths").path(op.path()).path("parameters");
        for (int i = 0; i < shared.size(); i++) {
            out.add(resolve(shared.get(i), "/paths/" + escape(op.path()) + "/parameters/" + i));
        }
        JsonNode own = op.node().path("parameters");
        for (int i = 0; i < own.size(); i++) {
            out.add(resolve(own.get(i), op.pointer() + "/parameters/" + i));
        }
        return out;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** The validator's schema at a JSON pointer into the document; its {@code $ref}s resolve within the document. */
    static Schema schemaAt(String pointer) {
        return compiled.computeIfAbsent(
                pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p))));
    }

    /** A JSON pointer as a URI fragment: characters a fragment cannot hold ({@code {id}}) percent-encoded. */
    static String fragment(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** The validation errors of a JSON value against the schema at {@code pointer}. */
    static List<String> errors(String pointer, JsonNode value) {
        try {
            return schemaAt(pointer).validate(TestServer.JSON.writeValueAsString(value), InputFormat.JSON).stream()
                    .map(com.networknt.schema.Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ routes

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationIsRegistered() {
        Set<String> registered = new TreeSet<>();
        for (Route r : s.server.api().router().getRoutes()) {
            String path = r.getPath();
            boolean anyMethod = r.methods() == null || r.methods().isEmpty();
            if (path == null) {
                assertThat(anyMethod)
                        .as("a route by regular expression cannot be documented")
                        .isTrue();
                continue; // the failure handler, which answers every route's errors
            }
            if (!path.startsWith("/api/v1/") || (anyMethod && !r.isExactPath())) {
                continue; // the prefix handlers every route shares: authentication, the body limit
            }
            String template = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            if (anyMethod) {
                registered.add("ANY " + template);
            } else {
                for (HttpMethod m : r.methods()) {
                    registered.add(m.name() + " " + template);
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.key()));
        assertThat(documented).isEqualTo(registered);
        assertThat(registered).hasSizeGreaterThanOrEqualTo(30);
        System.out.println("OpenAPI contract: " + registered.size() + " routes registered and documented");
    }

    @Test
    void everyOperationStatesItsRolesParametersAndProblems() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.at("/info/title").asText()).isEqualTo("FirstContact API");
        assertThat(doc.at("/info/version").asText()).isEqualTo("1");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        Set<String> ids = new TreeSet<>();
        for (Operation op : operations()) {
            String at = op.key();
            assertThat(ids.add(op.node().path("operationId").asText()))
                    .as("a unique operationId: " + at)
                    .isTrue();
            assertThat(op.node().path("summary").asText()).as(at).isNotBlank();
            JsonNode roles = op.node().path("x-roles");
            assertThat(roles.isArray() && !roles.isEmpty()).as("x-roles: " + at).isTrue();
            String description = op.node().path("description").asText();
            for (JsonNode role : roles) {
                assertThat(ROLES).as(at).contains(role.asText());
                assertThat(description)
                        .as("the description of " + at + " names the role " + role.asText())
                        .contains(role.asText());
            }
            Map<String, JsonNode> params = new HashMap<>();
            for (Located p : parameters(op)) {
                params.put(
                        p.node().path("in").asText() + ":"
                                + p.node().path("name").asText(),
                        p.node());
                assertThat(p.node().has("schema"))
                        .as(at + " parameter " + p.pointer())
                        .isTrue();
            }
            Matcher m = PATH_PARAM.matcher(op.path());
            while (m.find()) {
                JsonNode p = params.get("path:" + m.group(1));
                assertThat(p)
                        .as(at + " declares its path parameter " + m.group(1))
                        .isNotNull();
                assertThat(p.path("required").asBoolean()).isTrue();
            }
            boolean write = op.method().equals("post") || op.method().equals("put");
            if (write) {
                assertThat(params).as(at + " takes Idempotency-Key").containsKey("header:Idempotency-Key");
            }
            Set<String> statuses = new TreeSet<>();
            op.node().path("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(at).contains("401");
            assertThat(statuses.stream().anyMatch(c -> c.startsWith("2")))
                    .as(at)
                    .isTrue();
            if (roles.size() < ROLES.size()) {
                assertThat(statuses).as(at + " can refuse a role").contains("403");
            }
            if (write) {
                assertThat(statuses).as(at).contains("413", "415", "422", "503");
            }
            for (String status : statuses) {
                Located r = resolve(op.node().path("responses").get(status), op.pointer() + "/responses/" + status);
                assertThat(r.node().path("description").asText())
                        .as(at + " " + status)
                        .isNotBlank();
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(r.node()
                                    .at("/content/application~1problem+json/schema")
                                    .isMissingNode())
                            .as(at + " " + status + " is problem+json")
                            .isFalse();
                }
            }
        }
        JsonNode config = doc.at("/paths/~1api~1v1~1config/put");
        assertThat(parameters(new Operation("put", "/api/v1/config", config, "/paths/~1api~1v1~1config/put")).stream()
                        .filter(p -> p.node().path("name").asText().equals("If-Match"))
                        .findFirst()
                        .orElseThrow()
                        .node()
                        .path("required")
                        .asBoolean())
                .isTrue();
        JsonNode events = doc.at("/paths/~1api~1v1~1events/get");
        assertThat(parameters(new Operation("get", "/api/v1/events", events, "/paths/~1api~1v1~1events/get")).stream()
                        .map(p -> p.node().path("name").asText()))
                .contains("Last-Event-ID");
        assertThat(events.at("/responses/200/content/text~1event-stream/x-event-data")
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("committed", "reset");
    }

    /** The roles each operation documents are the ones {@link ApiGuardTest} proves the server enforces. */
    @Test
    void theDocumentedRolesAreTheEnforcedOnes() {
        int compared = 0;
        for (ApiGuardTest.Route r : ApiGuardTest.routes()) {
            Operation op = operations().stream()
                    .filter(o -> o.matches(r.method(), r.path()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not documented: " + r.method() + " " + r.path()));
            Set<String> documented = new TreeSet<>();
            op.node().path("x-roles").forEach(x -> documented.add(x.asText()));
            Set<String> enforced = new TreeSet<>();
            r.allowed().forEach(who -> enforced.add(who.startsWith("agent-") ? "agent" : who));
            assertThat(documented).as(op.key()).isEqualTo(enforced);
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyReferenceResolvesAndEverySharedSchemaIsUsed() {
        List<String> dangling = new ArrayList<>();
        Set<String> referenced = new TreeSet<>();
        walk(doc, "", (node, pointer) -> {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) {
                    dangling.add(pointer + ": " + ref);
                }
                referenced.add(ref);
            }
        });
        assertThat(dangling).isEmpty();
        List<String> unused = new ArrayList<>();
        for (String kind : List.of("schemas", "parameters", "headers", "responses", "examples")) {
            doc.path("components").path(kind).fieldNames().forEachRemaining(name -> {
                if (!referenced.contains("#/components/" + kind + "/" + escape(name))) {
                    unused.add(kind + "/" + name);
                }
            });
        }
        assertThat(unused).as("shared components nothing uses").isEmpty();
    }

    @Test
    void everyObjectSchemaStatesWhetherItTakesOtherProperties() {
        List<String> open = new ArrayList<>();
        walk(doc, "", (node, pointer) -> {
            if (node.path("type").asText().equals("object")
                    && node.has("properties")
                    && !node.has("additionalProperties")) {
                open.add(pointer);
            }
        });
        assertThat(open).as("object schemas without additionalProperties").isEmpty();
        List<String> lenient = new ArrayList<>();
        for (Operation op : operations()) {
            JsonNode body = op.node().path("requestBody");
            if (!body.isMissingNode()) {
                Located b = resolve(body, op.pointer() + "/requestBody");
                strictness(b.node().at("/content/application~1json/schema"), new java.util.HashSet<>(), lenient);
            }
        }
        assertThat(lenient)
                .as("request body schemas that accept unknown properties")
                .isEmpty();
    }

    /** Every object schema a request body reaches must refuse unknown properties, as the server does. */
    private static void strictness(JsonNode schema, Set<String> seen, List<String> lenient) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                strictness(doc.at(ref.substring(1)), seen, lenient);
            }
            return;
        }
        if (schema.has("properties")
                && !schema.path("additionalProperties").equals(TestServer.JSON.valueToTree(false))) {
            lenient.add(schema.toString());
        }
        schema.path("properties").forEach(p -> strictness(p, seen, lenient));
        strictness(schema.get("items"), seen, lenient);
        if (schema.path("additionalProperties").isObject()) {
            strictness(schema.get("additionalProperties"), seen, lenient);
        }
        for (String k : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(k).forEach(x -> strictness(x, seen, lenient));
        }
    }

    interface Visitor {
        void visit(JsonNode node, String pointer);
    }

    /** Visits every object node of the document, but not example values (their keys are data, not schema). */
    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, pointer);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                if (key.equals("example")
                        || key.equals("value")
                        || (key.equals("examples") && e.getValue().isArray())) {
                    continue;
                }
                walk(e.getValue(), pointer + "/" + escape(key), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    @Test
    void theValidatorRefusesWhatTheDocumentForbids() throws IOException {
        String queued = "/paths/~1api~1v1~1interactions~1{id}~1queue/post/requestBody/content/application~1json/schema";
        assertThat(errors(queued, TestServer.JSON.readTree("{\"queue\":{\"queue\":\"parking\"}}")))
                .isEmpty();
        assertThat(
                        errors(
                                "/components/schemas/CommandReply",
                                TestServer.JSON.readTree(
                                        "{\"entryId\":\"3-1042\",\"facts\":[{\"type\":\"QueueOpened\",\"queue\":\"parking\"}]}")))
                .isEmpty();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(queued, "{\"queue\":{\"queue\":\"parking\",\"colour\":\"red\"}}");
        refused.put(
                "/components/schemas/CommandReply",
                "{\"entryId\":\"3-1042\",\"facts\":[{\"type\":\"QueueOpened\",\"queue\":\"parking\",\"agentId\":\"a\"}]}");
        refused.put("/components/schemas/Fact", "{\"type\":\"QueueExploded\",\"queue\":\"parking\"}");
        refused.put("/components/schemas/Time", "\"2026-11-24T09:30:00Z\"");
        refused.put("/components/schemas/RequestTime", "\"2026-11-31T09:30:00.000Z\"");
        refused.put(
                "/components/schemas/TransferRequest", "{\"queue\":\"parking\",\"destination\":\"tel:+441632960101\"}");
        refused.put(
                "/components/responses/NotFound/content/application~1problem+json/schema",
                "{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409}");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            assertThat(errors(r.getKey(), TestServer.JSON.readTree(r.getValue())))
                    .as(r.getKey() + " refuses " + r.getValue())
                    .isNotEmpty();
        }
    }

    // ------------------------------------------------------------------ the engine's records

    @Test
    void schemasHaveTheFieldsOfTheRecordsAndEnumsTheyDescribe() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> facts = new TreeSet<>();
        for (Class<?> f : permitted(Fact.class)) {
            facts.add(f.getSimpleName());
            wrong.addAll(fields(f.getSimpleName(), f, true, true));
        }
        Set<String> effects = new TreeSet<>();
        for (Class<?> e : permitted(Effect.class)) {
            effects.add(e.getSimpleName());
            wrong.addAll(fields(e.getSimpleName(), e, true, true));
        }
        assertThat(alternatives("Fact")).isEqualTo(facts);
        assertThat(alternatives("Effect")).isEqualTo(effects);
        Set<String> commands = new TreeSet<>();
        permitted(Command.class).forEach(c -> commands.add(c.getSimpleName()));
        assertThat(enumValues("CommandType")).isEqualTo(commands);

        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("Direction", Direction.class);
        enums.put("Phase", Phase.class);
        enums.put("PresenceState", PresenceState.class);
        enums.put("EndReason", EndReason.class);
        enums.put("OfferStatus", OfferStatus.class);
        enums.put("VisitOutcome", VisitOutcome.class);
        enums.put("OverflowTrigger", OverflowTrigger.class);
        enums.put("OverflowAction", OverflowAction.class);
        enums.put("Strictness", Strictness.class);
        enums.put("TargetMode", TargetMode.class);
        enums.put("ActorKind", ActorKind.class);
        enums.put("MediaClass", MediaClass.class);
        enums.put("RoutingStrategy", RoutingStrategy.class);
        enums.put("AttributeClass", AttributeClass.class);
        enums.put("Refusal", Refusal.class);
        enums.put("AdvisorState", AdvisorState.class);
        enums.put("AlertKind", AlertKind.class);
        enums.put("CouncilTaxBilling", CouncilTaxAccount.Billing.class);
        enums.put("CouncilTaxPaymentMethod", CouncilTaxAccount.PaymentMethod.class);
        enums.put("PcnStatus", Pcn.Status.class);
        enums.put("ServiceRequestStatus", ServiceRequest.Status.class);
        enums.put("AlertChannel", AlertSubscription.Channel.class);
        enums.put("DeviceState", DeviceState.class);
        enums.put("DialOutcome", DialOutcome.class);
        enums.put("ConsultOutcome", ConsultOutcome.class);
        enums.put("OfferKind", OfferKind.class);
        for (Map.Entry<String, Class<? extends Enum<?>>> e : enums.entrySet()) {
            Set<String> constants = new TreeSet<>();
            for (Enum<?> c : e.getValue().getEnumConstants()) {
                constants.add(c.name());
            }
            assertThat(enumValues(e.getKey())).as(e.getKey()).isEqualTo(constants);
        }

        // What the server writes: every component, always (null when absent).
        for (Class<?> c : List.of(
                QueueView.class,
                WaitingEntry.class,
                InteractionView.class,
                AgentView.class,
                OfferView.class,
                Actor.class,
                SkillLevel.class,
                Requirement.class,
                RoutingConfig.class,
                ChannelConfig.class,
                QueueConfig.class,
                RelaxationStep.class,
                OverflowRule.class,
                UtilisationProfile.class,
                ChannelCapacity.class,
                RoutingProfile.class,
                QueueMembership.class,
                NotReadyReason.class,
                AttributeDefinition.class,
                RoutingPolicy.class,
                Counts.class,
                Period.class,
                QueueFigures.class,
                ChannelFigures.class,
                CentreFigures.class,
                OutcomeFigures.class,
                AdvisorDay.class,
                AdvisorFigures.class,
                Alert.class,
                IntervalFigures.class,
                DayFigures.class,
                CentreRecord.class,
                Account.class,
                Address.class,
                CouncilTaxAccount.class,
                Pcn.class,
                ServiceRequest.class,
                ServiceRequest.NextStep.class,
                OnlineAccount.class,
                AlertSubscription.class,
                RecentContact.class)) {
            wrong.addAll(fields(c.getSimpleName(), c, false, true));
        }
        wrong.addAll(fields("ScopeFigures", DayFigures.ScopeFigures.class, false, true));
        // What the server reads: the request records' components, each optional unless the document requires it.
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("CreateInteractionRequest", "CreateInteraction");
        requests.put("QueueRequest", "Queue");
        requests.put("RequirementRequest", "RequirementBody");
        requests.put("TargetRequest", "TargetBody");
        requests.put("QueueInteractionRequest", "QueueInteraction");
        requests.put("UpdateAttributesRequest", "UpdateAttributes");
        requests.put("UpdateRoutingRequest", "UpdateRouting");
        requests.put("TransferRequest", "Transfer");
        requests.put("EndRequest", "End");
        requests.put("ConsultRequest", "Consult");
        requests.put("EndConsultRequest", "EndConsult");
        requests.put("LogInRequest", "LogIn");
        requests.put("PresenceRequest", "Presence");
        requests.put("DefineAgentRequest", "DefineAgent");
        requests.put("ExtendWrapUpRequest", "ExtendWrapUp");
        requests.put("InventoryRequest", "Inventory");
        requests.put("OnlineActivityRequest", "OnlineActivity");
        requests.put("AccountRoutingSwitchRequest", "Switch");
        for (Map.Entry<String, String> r : requests.entrySet()) {
            Class<?> body = Class.forName("io.firstcontact.server.api.Requests$" + r.getValue());
            wrong.addAll(fields(r.getKey(), body, false, false));
        }
        wrong.addAll(
                fields("SkillLevel", Class.forName("io.firstcontact.server.api.Requests$SkillBody"), false, false));
        assertThat(wrong).isEmpty();
    }

    /** The records of a sealed hierarchy, at any depth. */
    private static List<Class<?>> permitted(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isRecord()) {
                out.add(c);
            } else {
                out.addAll(permitted(c));
            }
        }
        return out;
    }

    /** Differences between a component schema's properties and a record's components. */
    private static List<String> fields(String schema, Class<?> record, boolean typed, boolean allRequired) {
        JsonNode node = doc.path("components").path("schemas").path(schema);
        if (node.isMissingNode()) {
            return List.of("no schema " + schema + " for " + record.getName());
        }
        Set<String> expected = new TreeSet<>();
        if (typed) {
            expected.add("type");
            if (!node.at("/properties/type/const").asText().equals(record.getSimpleName())) {
                return List.of(schema + ": type is not const " + record.getSimpleName());
            }
        }
        for (RecordComponent rc : record.getRecordComponents()) {
            expected.add(rc.getName());
        }
        Set<String> properties = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(properties::add);
        List<String> out = new ArrayList<>();
        if (!properties.equals(expected)) {
            out.add(schema + " has " + properties + ", " + record.getSimpleName() + " has " + expected);
        }
        if (allRequired) {
            Set<String> required = new TreeSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            if (!required.equals(expected)) {
                out.add(schema + " requires " + required + ", the server always writes " + expected);
            }
        }
        return out;
    }

    private static Set<String> alternatives(String schema) {
        Set<String> out = new TreeSet<>();
        doc.path("components")
                .path("schemas")
                .path(schema)
                .path("oneOf")
                .forEach(r -> out.add(r.path("$ref").asText().replace("#/components/schemas/", "")));
        return out;
    }

    private static Set<String> enumValues(String schema) {
        Set<String> out = new TreeSet<>();
        doc.path("components").path("schemas").path(schema).path("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    // ------------------------------------------------------------------ examples

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> failures = new ArrayList<>();
        Set<String> usedComponentExamples = new TreeSet<>();
        int[] count = new int[1];
        walk(doc, "", (node, pointer) -> {
            boolean holdsSchema = node.has("schema") && node.get("schema").isObject();
            if (holdsSchema) { // a media type, a parameter or a header
                Map<String, JsonNode> examples = new LinkedHashMap<>();
                if (node.has("example")) {
                    examples.put(pointer + "/example", node.get("example"));
                }
                for (Map.Entry<String, JsonNode> x : node.path("examples").properties()) {
                    Located ex = resolve(x.getValue(), pointer + "/examples/" + escape(x.getKey()));
                    if (ex.pointer().startsWith("/components/examples/")) {
                        usedComponentExamples.add(ex.pointer());
                    }
                    if (!ex.node().has("value")) {
                        failures.add(ex.pointer() + ": an example without a value");
                        continue;
                    }
                    examples.put(
                            ex.pointer() + " (at " + pointer + ")", ex.node().get("value"));
                }
                for (Map.Entry<String, JsonNode> x : examples.entrySet()) {
                    count[0]++;
                    errors(pointer + "/schema", x.getValue()).forEach(e -> failures.add(x.getKey() + ": " + e));
                    if (node.has("x-event-data")) {
                        failures.addAll(eventStreamErrors(
                                pointer, x.getKey(), x.getValue().asText()));
                    }
                }
                if (node.has("x-event-data") && examples.isEmpty()) {
                    failures.add(pointer + ": an event stream without an example");
                }
            } else if (node.has("examples") && node.get("examples").isArray()) { // a schema's own examples
                JsonNode examples = node.get("examples");
                for (int i = 0; i < examples.size(); i++) {
                    count[0]++;
                    String at = pointer + "/examples/" + i;
                    errors(pointer, examples.get(i)).forEach(e -> failures.add(at + ": " + e));
                }
            }
            if (!holdsSchema && node.has("example") && !pointer.startsWith("/components/examples/")) {
                count[0]++;
                errors(pointer, node.get("example")).forEach(e -> failures.add(pointer + "/example: " + e));
            }
        });
        assertThat(failures).isEmpty();
        Set<String> defined = new TreeSet<>();
        doc.path("components")
                .path("examples")
                .fieldNames()
                .forEachRemaining(n -> defined.add("/components/examples/" + escape(n)));
        assertThat(usedComponentExamples)
                .as("every component example is used, so it is validated")
                .isEqualTo(defined);

        List<String> missing = new ArrayList<>();
        for (Operation op : operations()) {
            for (Map.Entry<String, JsonNode> r : op.node().path("responses").properties()) {
                if (!r.getKey().startsWith("2")) {
                    continue;
                }
                Located resp = resolve(r.getValue(), op.pointer() + "/responses/" + r.getKey());
                for (Map.Entry<String, JsonNode> media :
                        resp.node().path("content").properties()) {
                    if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                        missing.add(op.key() + " " + r.getKey() + " " + media.getKey());
                    }
                }
            }
            JsonNode body = op.node().path("requestBody");
            if (!body.isMissingNode()) {
                Located b = resolve(body, op.pointer() + "/requestBody");
                JsonNode media = b.node().at("/content/application~1json");
                if (!media.has("example") && !media.has("examples")) {
                    missing.add(op.key() + " request");
                }
            }
        }
        assertThat(missing)
                .as("successful responses and request bodies without an example")
                .isEmpty();
        assertThat(count[0]).isGreaterThanOrEqualTo(60);
        System.out.println("OpenAPI contract: " + count[0] + " examples validated (" + defined.size()
                + " of them shared components)");
    }

    /** The events of a text/event-stream example, each event's data against the schema its event name maps to. */
    private static List<String> eventStreamErrors(String mediaPointer, String where, String stream) {
        List<String> failures = new ArrayList<>();
        JsonNode mapping = doc.at(mediaPointer + "/x-event-data");
        int events = 0;
        for (String block : stream.split("\n\n")) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (data.isEmpty()) {
                continue;
            }
            events++;
            if (!mapping.has(event)) {
                failures.add(where + ": event " + event + " is not described");
                continue;
            }
            try {
                JsonNode value = TestServer.JSON.readTree(data.toString());
                Located schema = new Located(mapping.get(event), mediaPointer + "/x-event-data/" + escape(event));
                errors(schema.pointer(), value).forEach(e -> failures.add(where + " event " + " " + e));
            } catch (IOException e) {
                failures.add(where + ": the data of a " + event + " event is not JSON");
            }
        }
        if (events == 0) {
            failures.add(where + ": no event with data");
        }
        return failures;
    }

    // ------------------------------------------------------------------ live responses

    /** What the live calls showed: responses checked, statuses seen, operations answered with success. */
    private final List<String> mismatches = new ArrayList<>();

    private final Set<Integer> statusesSeen = new TreeSet<>();
    private final Set<String> succeeded = new TreeSet<>();
    private int checked;

    private ApiClient.Response call(String who, String method, String path, String body) throws Exception {
        return call(who, method, path, body, Map.of());
    }

    private ApiClient.Response call(String who, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        ApiClient.Response r = s.send(who, method, path, body, headers);
        check(method, path, r);
        return r;
    }

    /** Validates a live response against the document: a documented status, media type, headers and body. */
    private void check(String method, String path, ApiClient.Response r) {
        String at = method + " " + path + " → " + r.status();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Operation op = operations().stream()
                .filter(o -> o.matches(method, bare))
                .findFirst()
                .orElse(null);
        if (op == null) {
            mismatches.add(at + ": no documented operation");
            return;
        }
        checked++;
        statusesSeen.add(r.status());
        JsonNode declared = op.node().path("responses").get(String.valueOf(r.status()));
        if (declared == null) {
            mismatches.add(at + ": status not documented; body " + r.raw().body());
            return;
        }
        if (r.status() / 100 == 2) {
            succeeded.add(op.key());
        }
        Located resp = resolve(declared, op.pointer() + "/responses/" + r.status());
        for (Map.Entry<String, JsonNode> h : resp.node().path("headers").properties()) {
            JsonNode header = resolve(h.getValue(), "").node();
            if (header.path("required").asBoolean() && r.header(h.getKey()) == null) {
                mismatches.add(at + ": the required header " + h.getKey() + " is missing");
            }
        }
        String type = r.header("Content-Type");
        JsonNode content = resp.node().path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!r.raw().body().isEmpty()) {
                mismatches.add(at + ": a body where none is documented");
            }
            return;
        }
        String media = type == null ? "" : type.split(";")[0].strip();
        if (!content.has(media)) {
            mismatches.add(at + ": media type " + type + " not documented");
            return;
        }
        JsonNode value;
        try {
            value = media.endsWith("json")
                    ? TestServer.JSON.readTree(r.raw().body())
                    : TextNode.valueOf(r.raw().body());
        } catch (IOException e) {
            mismatches.add(at + ": the body is not JSON");
            return;
        }
        String schema = resp.pointer() + "/content/" + escape(media) + "/schema";
        errors(schema, value)
                .forEach(e -> mismatches.add(at + ": " + e + " in " + r.raw().body()));
    }

    private static String json(ApiClient.Response r, String field) {
        return r.json().get(field).asText();
    }

    private static JsonNode fact(ApiClient.Response r, String type) {
        for (JsonNode f : r.json().path("facts")) {
            if (f.path("type").asText().equals(type)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " in " + r.raw().body());
    }

    @Test
    void liveResponsesMatchTheDocument() throws Exception {
        // The description itself, served to any principal, is the resource byte for byte.
        var served = call("agent-a1", "GET", "/api/v1/openapi.yaml", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().body().getBytes(StandardCharsets.UTF_8)).isEqualTo(resource);
        assertThat(served.header("Content-Type")).startsWith("application/yaml");

        // Authentication and roles.
        assertThat(call(null, "GET", "/api/v1/queues", null).status()).isEqualTo(401);
        assertThat(call("not-a-token", "GET", "/api/v1/agents/a0", null).status())
                .isEqualTo(401);

        // Queues.
        assertThat(call("agent-a0", "GET", "/api/v1/queues", null).status()).isEqualTo(200);
        assertThat(call("agent-a0", "GET", "/api/v1/queues/billing", null).status())
                .isEqualTo(200);
        assertThat(call("supervisor", "GET", "/api/v1/queues/nowhere", null).status())
                .isEqualTo(404);
        assertThat(call("agent-a0", "GET", "/api/v1/queues/billing/waiting", null)
                        .status())
                .isEqualTo(403);
        assertThat(call("supervisor", "GET", "/api/v1/queues/billing/waiting?limit=0", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "GET", "/api/v1/queues/billing/waiting?cursor=not-a-cursor", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "GET", "/api/v1/queues/nowhere/waiting", null)
                        .status())
                .isEqualTo(404);

        // Configuration: read, and replace only with the current version in If-Match.
        var config = call("supervisor", "GET", "/api/v1/config", null);
        assertThat(config.status()).isEqualTo(200);
        String etag = config.header("ETag");
        String body = TestServer.JSON.writeValueAsString(config.json().get("config"));
        assertThat(call("admin", "PUT", "/api/v1/config", body).status()).isEqualTo(428);
        assertThat(call("admin", "PUT", "/api/v1/config", body, Map.of("If-Match", "\"0\""))
                        .status())
                .isEqualTo(412);
        assertThat(call(
                                "admin",
                                "PUT",
                                "/api/v1/config",
                                body.replace("\"queues\"", "\"queuez\""),
                                Map.of("If-Match", etag))
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                "admin",
                                "PUT",
                                "/api/v1/config",
                                body.replaceFirst("\"offerTimeoutMillis\":\\d+", "\"offerTimeoutMillis\":-1"),
                                Map.of("If-Match", etag))
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "PUT", "/api/v1/config", body, Map.of("If-Match", etag))
                        .status())
                .isEqualTo(403);
        assertThat(call("admin", "PUT", "/api/v1/config", body, Map.of("If-Match", etag, "Idempotency-Key", "config-1"))
                        .status())
                .isEqualTo(200);

        // Advisors.
        String define =
                "{\"skills\":[{\"skill\":\"billing\",\"proficiency\":7},{\"skill\":\"welsh\",\"proficiency\":4}],"
                        + "\"utilisationProfile\":\"council\",\"routingProfile\":\"all\"}";
        assertThat(call("admin", "PUT", "/api/v1/agents/a3", define).status()).isEqualTo(200);
        assertThat(call("admin", "PUT", "/api/v1/agents/a3", define.replace("\"skills\"", "\"skillz\""))
                        .status())
                .isEqualTo(400);
        assertThat(call("admin", "PUT", "/api/v1/agents/a3", define.replace("\"all\"", "\"nobody\""))
                        .status())
                .isBetween(404, 422);
        var page = call("supervisor", "GET", "/api/v1/agents?limit=2", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(json(page, "nextCursor")).isEqualTo("a1");
        assertThat(call("integration", "GET", "/api/v1/agents?cursor=a1&limit=10", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a0", "GET", "/api/v1/agents", null).status()).isEqualTo(403);
        assertThat(call("agent-a0", "GET", "/api/v1/agents/a0", null).status()).isEqualTo(200);
        assertThat(call("agent-a0", "GET", "/api/v1/agents/a1", null).status()).isEqualTo(403);
        assertThat(call("admin", "GET", "/api/v1/agents/nobody", null).status()).isEqualTo(404);
        assertThat(call("agent-a0", "POST", "/api/v1/agents/a1/login", "{}").status())
                .isEqualTo(403);
        assertThat(call("agent-a0", "POST", "/api/v1/agents/a0/login", "{\"ready\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a0", "POST", "/api/v1/agents/a0/keepalive", null).status())
                .isEqualTo(200);

        // An interaction offered to a0, accepted, wrapped up; the refusals on the way.
        String billing = "{\"sourceRef\":\"pbx:1732440600.1\",\"channel\":\"voice\",\"customerRef\":\"cust-1001\","
                + "\"attributes\":{\"language\":\"en\"},\"queue\":{\"queue\":\"billing\","
                + "\"requirements\":[{\"skill\":\"billing\",\"minProficiency\":2,\"strictness\":\"SOFT\"}]}}";
        var created = call("integration", "POST", "/api/v1/interactions", billing, Map.of("Idempotency-Key", "call-1"));
        assertThat(created.status()).isEqualTo(201);
        String interaction = json(created, "interactionId");
        String offer = fact(created, "OfferCreated").get("offerId").asText();
        assertThat(call("integration", "POST", "/api/v1/interactions", billing, Map.of("Idempotency-Key", "call-1b"))
                        .status())
                .isEqualTo(200);
        assertThat(call("supervisor", "POST", "/api/v1/interactions", billing).status())
                .isEqualTo(403);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions",
                                "sourceRef=x",
                                Map.of("Content-Type", "text/plain"))
                        .status())
                .isEqualTo(415);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions",
                                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"attributes\":{\"a\":\""
                                        + "y".repeat(70_000) + "\"}}")
                        .status())
                .isEqualTo(413);
        assertThat(call("integration", "POST", "/api/v1/interactions", "{\"channel\":\"voice\"}")
                        .status())
                .isEqualTo(422);
        assertThat(call("integration", "POST", "/api/v1/interactions", "{\"sourceRef\": ")
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions",
                                "{\"sourceRef\":\"x:2\",\"channel\":\"voice\"}",
                                Map.of("Idempotency-Key", "not a key"))
                        .status())
                .isEqualTo(422);
        assertThat(call("agent-a0", "GET", "/api/v1/interactions/" + interaction, null)
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a1", "GET", "/api/v1/interactions/" + interaction, null)
                        .status())
                .isEqualTo(403);
        assertThat(call("supervisor", "GET", "/api/v1/interactions/int-none", null)
                        .status())
                .isEqualTo(404);
        // The list: filtered, paged, and for an agent only what was offered to its advisor.
        var offered =
                call("supervisor", "GET", "/api/v1/interactions?phase=OFFERED,QUEUED&queue=billing&limit=1", null);
        assertThat(offered.status()).isEqualTo(200);
        assertThat(offered.json().get("items").findValuesAsText("interactionId"))
                .contains(interaction);
        assertThat(call("agent-a0", "GET", "/api/v1/interactions?customerRef=cust-1001", null)
                        .json()
                        .get("items")
                        .findValuesAsText("interactionId"))
                .containsExactly(interaction);
        assertThat(call("agent-a1", "GET", "/api/v1/interactions", null)
                        .json()
                        .get("items")
                        .findValuesAsText("interactionId"))
                .doesNotContain(interaction);
        assertThat(call("supervisor", "GET", "/api/v1/interactions?phase=NAPPING", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "GET", "/api/v1/interactions?arrivedFrom=yesterday", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "GET", "/api/v1/interactions?cursor=not-a-cursor", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("agent-a0", "GET", "/api/v1/offers/" + offer, null).status())
                .isEqualTo(200);
        assertThat(call("agent-a1", "GET", "/api/v1/offers/" + offer, null).status())
                .isEqualTo(403);
        assertThat(call("admin", "GET", "/api/v1/offers/o-none", null).status()).isEqualTo(404);
        assertThat(call("admin", "POST", "/api/v1/agents/a%20b/keepalive", null).status())
                .isEqualTo(400);
        assertThat(call("admin", "POST", "/api/v1/agents/nobody/keepalive", null)
                        .status())
                .isEqualTo(404);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions",
                                "{\"sourceRef\":\"x:9\",\"channel\":\"voice\","
                                        + "\"attributes\":{\"note\":\"4111 1111 1111 1111\"}}")
                        .status())
                .isEqualTo(422);
        assertThat(call("agent-a1", "POST", "/api/v1/offers/" + offer + "/delivered", null)
                        .status())
                .isEqualTo(403);
        var delivered = call("agent-a0", "POST", "/api/v1/offers/" + offer + "/delivered", null);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(fact(delivered, "OfferStatusChanged").get("status").asText()).isEqualTo("ALERTING");
        assertThat(call("integration", "POST", "/api/v1/offers/" + offer + "/delivered", null)
                        .status())
                .isEqualTo(409); // alerting already
        assertThat(call("agent-a1", "POST", "/api/v1/offers/" + offer + "/accept", null)
                        .status())
                .isEqualTo(403);
        var accepted = call("agent-a0", "POST", "/api/v1/offers/" + offer + "/accept", null);
        assertThat(accepted.status()).isEqualTo(200);
        String assignment =
                fact(accepted, "AssignmentStarted").get("assignmentId").asText();
        assertThat(call("agent-a0", "POST", "/api/v1/offers/" + offer + "/reject", null)
                        .status())
                .isEqualTo(409);
        assertThat(call("agent-a0", "POST", "/api/v1/offers/o-none/reject", null)
                        .status())
                .isEqualTo(404);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/" + interaction + "/attributes",
                                "{\"attributes\":{\"language\":\"cy\",\"accountRef\":\"CT-3301\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/" + interaction + "/customer",
                                "{\"customerRef\":\"cust-1001\"}")
                        .status())
                .isEqualTo(200); // the reference it arrived with: nothing changes
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/" + interaction + "/customer",
                                "{\"customerRef\":\"cust-1002\"}")
                        .status())
                .isEqualTo(409);
        assertThat(call(
                                "agent-a1",
                                "POST",
                                "/api/v1/interactions/" + interaction + "/transfer",
                                "{\"queue\":\"billing\"}")
                        .status())
                .isEqualTo(403);
        assertThat(call(
                                "agent-a0",
                                "POST",
                                "/api/v1/interactions/" + interaction + "/transfer",
                                "{\"queue\":\"billing\",\"destination\":\"tel:+441632960000\"}")
                        .status())
                .isEqualTo(422);
        var ended = call("agent-a0", "POST", "/api/v1/offers/" + offer + "/end", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(call(
                                "agent-a0",
                                "POST",
                                "/api/v1/assignments/" + assignment + "/extend-wrap-up",
                                "{\"extraSeconds\":30}")
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a0", "POST", "/api/v1/assignments/" + assignment + "/end-wrap-up", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a0", "POST", "/api/v1/assignments/as-none/end-wrap-up", null)
                        .status())
                .isEqualTo(404);
        assertThat(call("agent-a0", "POST", "/api/v1/assignments/as-none/extend-wrap-up", "{\"extraSeconds\":5}")
                        .status())
                .isEqualTo(404);
        assertThat(call("supervisor", "GET", "/api/v1/interactions/" + interaction + "/trace", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("supervisor", "GET", "/api/v1/interactions/int-none/trace", null)
                        .status())
                .isEqualTo(404);
        assertThat(call("integration", "GET", "/api/v1/interactions/" + interaction + "/trace", null)
                        .status())
                .isEqualTo(403);

        // Presence.
        assertThat(call(
                                "agent-a0",
                                "POST",
                                "/api/v1/agents/a0/presence",
                                "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\",\"force\":true}")
                        .status())
                .isEqualTo(403);
        assertThat(call(
                                "agent-a0",
                                "POST",
                                "/api/v1/agents/a0/presence",
                                "{\"presence\":\"NOT_READY\",\"reason\":\"NAP\"}")
                        .status())
                .isEqualTo(422);
        assertThat(call(
                                "agent-a0",
                                "POST",
                                "/api/v1/agents/a0/presence",
                                "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\"}")
                        .status())
                .isEqualTo(200);

        // An email in self-service, then queued, re-prioritised and transferred out.
        var email = call(
                "integration",
                "POST",
                "/api/v1/interactions",
                "{\"sourceRef\":\"web:form-77\",\"channel\":\"email\",\"direction\":\"INBOUND\","
                        + "\"customerRef\":\"cust-2002\"}");
        assertThat(email.status()).isEqualTo(201);
        String second = json(email, "interactionId");
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/" + second + "/queue",
                                "{\"queue\":{\"queue\":\"email\",\"tier\":1}}")
                        .status())
                .isEqualTo(200);
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/int-none/queue",
                                "{\"queue\":{\"queue\":\"email\"}}")
                        .status())
                .isEqualTo(404);
        assertThat(call("supervisor", "GET", "/api/v1/queues/email/waiting?limit=1", null)
                        .status())
                .isEqualTo(200);
        assertThat(call(
                                "supervisor",
                                "POST",
                                "/api/v1/interactions/" + second + "/routing",
                                "{\"tier\":3,\"ageBonusSeconds\":60}")
                        .status())
                .isEqualTo(200);
        // What is left out is kept: a new age bonus keeps the raised tier, and says so on the event stream.
        var bonus =
                call("supervisor", "POST", "/api/v1/interactions/" + second + "/routing", "{\"ageBonusSeconds\":120}");
        assertThat(bonus.status()).isEqualTo(200);
        assertThat(fact(bonus, "AgeBonusChanged").path("ageBonusMillis").asLong())
                .isEqualTo(120_000);
        assertThat(bonus.json().path("facts").findValuesAsText("type")).containsExactly("AgeBonusChanged");
        assertThat(call("supervisor", "GET", "/api/v1/interactions/" + second, null)
                        .json()
                        .path("tier")
                        .asInt())
                .isEqualTo(3);
        assertThat(call("supervisor", "POST", "/api/v1/interactions/" + second + "/routing", "{}")
                        .status())
                .isEqualTo(422);
        assertThat(call(
                                "supervisor",
                                "POST",
                                "/api/v1/interactions/" + second + "/transfer",
                                "{\"destination\":\"mailto:revenues@example.org\"}")
                        .status())
                .isEqualTo(200);
        // An interaction that ended is no longer live: commands on it are not found.
        assertThat(call("integration", "POST", "/api/v1/interactions/" + second + "/end", "{\"reason\":\"COMPLETED\"}")
                        .status())
                .isEqualTo(404);

        // A call the customer leaves.
        var third = call(
                "integration",
                "POST",
                "/api/v1/interactions",
                "{\"sourceRef\":\"pbx:1732440600.3\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        assertThat(call(
                                "integration",
                                "POST",
                                "/api/v1/interactions/" + json(third, "interactionId") + "/end",
                                "{\"reason\":\"CUSTOMER_LEFT\"}")
                        .status())
                .isEqualTo(200);

        // A source's inventory.
        for (int i = 4; i < 6; i++) {
            call(
                    "integration",
                    "POST",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"pbx:1732440600." + i
                            + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        }
        var inventory = call(
                "integration",
                "POST",
                "/api/v1/sources/pbx/inventory",
                "{\"sourceRefs\":[\"pbx:1732440600.4\",\"pbx:1732440600.9\"]}");
        assertThat(inventory.status()).isEqualTo(200);
        assertThat(call("integration", "POST", "/api/v1/sources/pbx/inventory", "{}")
                        .status())
                .isEqualTo(422);

        // Queues opened and closed by a supervisor.
        assertThat(call("supervisor", "POST", "/api/v1/queues/chat/close", null).status())
                .isEqualTo(200);
        var opened = call("supervisor", "POST", "/api/v1/queues/chat/open", null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(call("admin", "POST", "/api/v1/queues/nowhere/open", null).status())
                .isEqualTo(404);
        assertThat(call("integration", "POST", "/api/v1/queues/chat/close", null)
                        .status())
                .isEqualTo(403);

        ivr();

        // The event stream: its committed events match the described data; a bad Last-Event-ID is refused.
        eventStream(json(opened, "entryId"));
        assertThat(call("integration", "GET", "/api/v1/events", null, Map.of("Last-Event-ID", "yesterday"))
                        .status())
                .isEqualTo(422);

        // a1 logged in above and was offered the call still waiting; it declines.
        var a1 = call("agent-a1", "GET", "/api/v1/agents/a1", null);
        assertThat(a1.json().get("offerIds")).hasSize(1);
        String declined = a1.json().get("offerIds").get(0).asText();
        assertThat(call("agent-a1", "POST", "/api/v1/offers/" + declined + "/reject", null)
                        .status())
                .isEqualTo(200);

        // The statistics of all that, and what the back office reports.
        statistics();

        // The session ends.
        assertThat(call("supervisor", "POST", "/api/v1/agents/a0/logout", null).status())
                .isEqualTo(200);
        accounts();

        voiceCallSupervised();

        assertThat(mismatches).isEmpty();
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.key()));
        assertThat(succeeded)
                .as("every operation answered with success at least once")
                .isEqualTo(documented);
        assertThat(statusesSeen).contains(200, 201, 400, 401, 403, 404, 409, 412, 413, 415, 422, 428);
        System.out.println("OpenAPI contract: " + checked + " live responses validated, statuses " + statusesSeen);
    }

    /** Every statistics route answers as documented, and the online-activity report is taken and refused. */
    private void statistics() throws Exception {
        for (String path : List.of(
                "/api/v1/statistics/definition",
                "/api/v1/statistics/queues",
                "/api/v1/statistics/queues/billing",
                "/api/v1/statistics/channels",
                "/api/v1/statistics/centre",
                "/api/v1/statistics/advisors",
                "/api/v1/statistics/advisors/a0",
                "/api/v1/statistics/alerts",
                "/api/v1/statistics/intervals",
                "/api/v1/statistics/intervals?scope=queue&name=billing",
                "/api/v1/statistics/days",
                "/api/v1/statistics/export/intervals.csv",
                "/api/v1/statistics/export/contacts.csv")) {
            assertThat(call("supervisor", "GET", path, null).status()).as(path).isEqualTo(200);
        }
        assertThat(call("supervisor", "GET", "/api/v1/statistics/queues/nowhere", null)
                        .status())
                .isEqualTo(404);
        assertThat(call("supervisor", "GET", "/api/v1/statistics/advisors/nobody", null)
                        .status())
                .isEqualTo(404);
        assertThat(call("integration", "GET", "/api/v1/statistics/days?from=24/11/2026", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("agent-a0", "GET", "/api/v1/statistics/centre", null).status())
                .isEqualTo(403);
        var reported = call(
                "integration",
                "POST",
                "/api/v1/customers/cust-1001/online-activity",
                "{\"activity\":\"paid-online\"}",
                Map.of("Idempotency-Key", "online-1"));
        assertThat(reported.status()).isEqualTo(200);
        assertThat(call("integration", "POST", "/api/v1/customers/cust-1001/online-activity", "{\"activities\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(call("supervisor", "POST", "/api/v1/customers/cust-1001/online-activity", "{}")
                        .status())
                .isEqualTo(403);
    }

    /** The account context: a resident of the demo back office (the test server's default) calls in. */
    private void accounts() throws Exception {
        s.server.account().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join(); // it starts after recovery
        var resident = call(
                "integration",
                "POST",
                "/api/v1/interactions",
                "{\"sourceRef\":\"pbx:1732440700.1\",\"channel\":\"voice\",\"customerRef\":\"C-100001\"}");
        String id = json(resident, "interactionId");
        assertThat(call("integration", "GET", "/api/v1/interactions/" + id + "/account", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("agent-a0", "GET", "/api/v1/interactions/" + id + "/account", null)
                        .status())
                .isEqualTo(403);
        var unknown = call(
                "integration",
                "POST",
                "/api/v1/interactions",
                "{\"sourceRef\":\"pbx:1732440700.2\",\"channel\":\"voice\",\"customerRef\":\"C-999999\"}");
        assertThat(call(
                                "supervisor",
                                "GET",
                                "/api/v1/interactions/" + json(unknown, "interactionId") + "/account",
                                null)
                        .status())
                .isEqualTo(404);
        assertThat(call("integration", "GET", "/api/v1/accounts/customer/C-100001", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("integration", "GET", "/api/v1/accounts/phone/not-a-number", null)
                        .status())
                .isEqualTo(422);
        assertThat(call("integration", "GET", "/api/v1/accounts/email/nobody@example.invalid", null)
                        .status())
                .isEqualTo(404);
        assertThat(call("supervisor", "GET", "/api/v1/account-routing", null).status())
                .isEqualTo(200);
        var off = call("supervisor", "PUT", "/api/v1/account-routing/queues/billing", "{\"enabled\":false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(call("supervisor", "PUT", "/api/v1/account-routing/queues/nowhere", "{\"enabled\":false}")
                        .status())
                .isEqualTo(404);
        assertThat(call("supervisor", "PUT", "/api/v1/account-routing/queues/billing", "{}")
                        .status())
                .isEqualTo(422);
        assertThat(call("admin", "PUT", "/api/v1/account-routing/queues/billing", "{\"enabled\":true}")
                        .status())
                .isEqualTo(200);
    }

    /** The IVR: its flows versioned with If-Match, its calendars, and a chat taken through it turn by turn. */
    private void ivr() throws Exception {
        var flows = call("supervisor", "GET", "/api/v1/ivr/flows", null);
        assertThat(flows.status()).isEqualTo(200);
        String etag = flows.header("ETag");
        String body = TestServer.JSON.writeValueAsString(flows.json().get("flows"));
        assertThat(call("admin", "PUT", "/api/v1/ivr/flows", body).status()).isEqualTo(428);
        assertThat(call("admin", "PUT", "/api/v1/ivr/flows", body, Map.of("If-Match", "\"0\""))
                        .status())
                .isEqualTo(412);
        assertThat(call(
                                "admin",
                                "PUT",
                                "/api/v1/ivr/flows",
                                body.replace("\"next\":\"main-menu\"", "\"next\":\"nowhere\""),
                                Map.of("If-Match", etag))
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "PUT", "/api/v1/ivr/flows", body, Map.of("If-Match", etag))
                        .status())
                .isEqualTo(403);
        assertThat(call("admin", "PUT", "/api/v1/ivr/flows", body, Map.of("If-Match", etag))
                        .status())
                .isEqualTo(200);

        assertThat(call("supervisor", "GET", "/api/v1/ivr/calendars", null).status())
                .isEqualTo(200);
        assertThat(call("supervisor", "POST", "/api/v1/ivr/calendars/office/close", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("supervisor", "POST", "/api/v1/ivr/calendars/office/open", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("admin", "POST", "/api/v1/ivr/calendars/nowhere/close", null)
                        .status())
                .isEqualTo(404);

        var chat = call(
                "integration", "POST", "/api/v1/interactions", "{\"sourceRef\":\"chat:ivr-1\",\"channel\":\"chat\"}");
        String id = json(chat, "interactionId");
        String at = "/api/v1/interactions/" + id + "/ivr";
        assertThat(call("integration", "POST", at, "{\"email\":\"amira@example.org\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("integration", "POST", at, null).status()).isEqualTo(409);
        assertThat(call("integration", "POST", at + "/replies", "{\"text\":\"4\"}", Map.of("Idempotency-Key", "r-1"))
                        .status())
                .isEqualTo(422);
        var hours = call("integration", "POST", at + "/replies", "{\"text\":\"4\"}");
        assertThat(hours.status()).isEqualTo(200);
        assertThat(call("integration", "POST", at + "/no-reply", null).status()).isEqualTo(200);
        var left = call("integration", "POST", at + "/leave", null);
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().at("/ending/kind").asText()).isEqualTo("LEFT");
        assertThat(call("integration", "POST", at + "/replies", "{\"text\":\"1\"}")
                        .status())
                .isEqualTo(404);
    }

    /**
     * A caller on the peer, answered by a2 at their phone, and a supervisor listening in; what still waits in billing
     * is ended first, so the call is the one a2 takes.
     */
    private void voiceCallSupervised() throws Exception {
        var waiting = call("supervisor", "GET", "/api/v1/queues/billing/waiting?limit=100", null);
        for (JsonNode w : waiting.json().get("items")) {
            call(
                    "integration",
                    "POST",
                    "/api/v1/interactions/" + w.get("interactionId").asText() + "/end",
                    "{\"reason\":\"CUSTOMER_LEFT\"}");
        }
        peer.phone("PJSIP/1001").answersAfter(java.time.Duration.ofMillis(20));
        peer.phone("PJSIP/2001").answersAfter(java.time.Duration.ofMillis(10));
        assertThat(call("admin", "POST", "/api/v1/agents/a2/login", "{\"ready\":true,\"device\":\"PJSIP/1001\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("admin", "POST", "/api/v1/agents/a2/login", "{\"ready\":true,\"device\":\"no slash\"}")
                        .status())
                .isEqualTo(422);
        // through the IVR's flows: 0 is "speak to an advisor"
        AsteriskPeer.Caller caller = peer.call("07700900999", "0");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (caller.bridgedWith().stream().noneMatch(n -> n.startsWith("PJSIP/1001-"))) {
            assertThat(System.nanoTime()).as("the caller bridged to a2's phone").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        String id = caller.variable("FC_INTERACTION_ID").orElseThrow();
        String listen = "{\"mode\":\"LISTEN\",\"device\":\"PJSIP/2001\"}";
        assertThat(call("agent-a1", "POST", "/api/v1/interactions/" + id + "/supervise", listen)
                        .status())
                .isEqualTo(403);
        assertThat(call(
                                "supervisor",
                                "POST",
                                "/api/v1/interactions/" + id + "/supervise",
                                "{\"mode\":\"SNOOP\",\"device\":\"PJSIP/2001\"}")
                        .status())
                .isEqualTo(422);
        assertThat(call("supervisor", "POST", "/api/v1/interactions/nobody/supervise", listen)
                        .status())
                .isEqualTo(409);
        assertThat(call("supervisor", "POST", "/api/v1/interactions/" + id + "/supervise", listen)
                        .status())
                .isEqualTo(202);
        callControl(id);
        caller.hangUp();
    }

    /** Hold, resume and a consult on a connected call (a2 talks; a3 is consulted), then their refusals. */
    private void callControl(String id) throws Exception {
        String base = "/api/v1/interactions/" + id;
        assertThat(call("agent-a1", "POST", base + "/hold", null).status()).isEqualTo(403);
        assertThat(call("integration", "POST", base + "/hold", null).status()).isEqualTo(200);
        assertThat(call("integration", "POST", base + "/resume", null).status()).isEqualTo(200);
        peer.phone("PJSIP/1003").noAnswer();
        assertThat(call("admin", "POST", "/api/v1/agents/a3/login", "{\"ready\":true,\"device\":\"PJSIP/1003\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("integration", "POST", base + "/consult", "{}").status())
                .isEqualTo(422);
        assertThat(call("integration", "POST", base + "/consult", "{\"agentId\":\"a3\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("integration", "POST", base + "/consult/end", "{\"agentId\":\"a3\",\"outcome\":\"COMPLETED\"}")
                        .status())
                .as("not answered yet")
                .isEqualTo(409);
        assertThat(call("integration", "POST", base + "/consult/end", "{\"agentId\":\"a3\",\"outcome\":\"CANCELLED\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("integration", "POST", base + "/consult/end", "{\"agentId\":\"a3\",\"outcome\":\"SOON\"}")
                        .status())
                .isBetween(400, 422);
    }

    /**
     * Both streams resume after {@code after}, so they see the entries that follow whenever they connect: the
     * supervisor's every entry, the advisor's only those naming it.
     */
    private void eventStream(String after) throws Exception {
        Operation events = operations().stream()
                .filter(o -> o.key().equals("GET /api/v1/events"))
                .findFirst()
                .orElseThrow();
        String media = events.pointer() + "/responses/200/content/text~1event-stream";
        try (Sse stream = new Sse(s.client(), s.base() + "/api/v1/events", TestServer.TOKENS.get("supervisor"), after);
                Sse mine = new Sse(s.client(), s.base() + "/api/v1/events", TestServer.TOKENS.get("agent-a1"), after)) {
            var login = call("agent-a1", "POST", "/api/v1/agents/a1/login", "{\"ready\":true}");
            assertThat(login.status()).isEqualTo(200);
            String loggedIn = json(login, "entryId");
            var created = call(
                    "integration",
                    "POST",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"chat:session-31\",\"channel\":\"chat\",\"queue\":{\"queue\":\"chat\"}}");
            String entry = json(created, "entryId");
            List<Sse.Event> seen = new ArrayList<>(stream.until(e -> entry.equals(e.id()), Duration.ofSeconds(10)));
            seen.addAll(mine.until(e -> loggedIn.equals(e.id()), Duration.ofSeconds(10)));
            assertThat(stream.status).isEqualTo(200);
            for (Sse.Event e : seen) {
                checked++;
                String name = e.event() == null ? "message" : e.event();
                if (!doc.at(media + "/x-event-data").has(name)) {
                    mismatches.add("GET /api/v1/events: event " + name + " is not described");
                    continue;
                }
                errors(media + "/x-event-data/" + name, e.data())
                        .forEach(x -> mismatches.add("GET /api/v1/events " + name + ": " + x + " in " + e.data()));
            }
            statusesSeen.add(200);
            succeeded.add(events.key());
        }
    }
}
