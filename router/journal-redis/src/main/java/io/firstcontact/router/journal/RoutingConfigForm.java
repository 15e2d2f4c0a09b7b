package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.Requirement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A routing configuration as a person writes it — the configuration file's {@code routing.config}, the body of
 * {@code PUT /api/v1/config} — read into the engine's {@link RoutingConfig}.
 *
 * <p>Every field with a default may be left out (or be null): lists are empty, numbers and flags take the records'
 * {@code DEFAULT_*} constants ({@code QueueConfig.DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS}), a channel's offer timeout,
 * auto-accept and disconnect grace are its media class's, a queue's {@code maxWrapUpMillis} is its {@code wrapUpMillis}, and the policy
 * left out, or any of its fields, is {@link RoutingPolicy#DEFAULT}'s. Enum values may be written in any case. What
 * remains is read by the journal's codec as strictly as the journal itself: an unknown field, a wrong type, a missing
 * id or a value outside its range is refused, with the field's path. docs/configuration.md lists every field.
 */
public final class RoutingConfigForm {
    private final JournalCodec codec;

    public RoutingConfigForm(JournalCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A configuration that cannot be read; {@link #field()} is its path under the root given to {@link #read}. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final boolean malformed;

        Invalid(String field, String message, boolean malformed) {
            super(message);
            this.field = field;
            this.malformed = malformed;
        }

        /** Where: {@code routing.config.queues[2].wrapUpMillis}. */
        public String field() {
            return field;
        }

        /**
         * True when the configuration does not have the expected shape (an unknown field, a wrong type, a missing one);
         * false when the shape is right and a value is refused (out of range, a reference to nothing).
         */
        public boolean malformed() {
            return malformed;
        }
    }

    /**
     * Reads {@code written} (not changed) with the defaults filled in.
     *
     * @param root the path of {@code written} in its document ({@code routing.config}), or empty for a whole body
     * @throws Invalid if it cannot be read or is not valid
     */
    public RoutingConfig read(JsonNode written, String root) {
        if (!(written instanceof ObjectNode object)) {
            throw new Invalid(
                    root,
                    (root.isEmpty() ? "the configuration" : root) + " must be "
                            + JsonExpected.of(RoutingConfig.class, false),
                    true);
        }
        try {
            return codec.convertValue(complete(object), RoutingConfig.class, root.isEmpty() ? "configuration" : root);
        } catch (JournalFormatException e) {
            String at = e.field() == null ? "" : e.field();
            String field = root.isEmpty() ? at : at.isEmpty() ? root : at.startsWith("[") ? root + at : root + "." + at;
            if (e.getCause() == null) {
                return rethrow(new Invalid(field, e.getMessage(), true));
            }
            JsonExpected.Refusal r =
                    JsonExpected.Refusal.of(field, recordAt(at), e.getCause().getMessage());
            return rethrow(new Invalid(r.field(), r.message(), false));
        }
    }

    /** The record a path of field names and indexes leads to from {@link RoutingConfig}, or null. */
    static Class<?> recordAt(String path) {
        Class<?> type = RoutingConfig.class;
        for (String step : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            Type next = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(step)) {
                    next = c.getGenericType();
                }
            }
            if (next instanceof ParameterizedType list && list.getRawType() == List.class) {
                next = list.getActualTypeArguments()[0];
            }
            if (!(next instanceof Class<?> c) || !c.isRecord()) {
                return null;
            }
            type = c;
        }
        return type;
    }

    private static <T> T rethrow(Invalid invalid) {
        throw invalid;
    }

    /** A copy of {@code written} with every default filled in and enum values in upper case: the journal's form. */
    public static ObjectNode complete(ObjectNode written) {
        ObjectNode c = written.deepCopy();
        fill(c, "version", LongNode.valueOf(RoutingConfig.DEFAULT_VERSION));
        each(c, "channels", RoutingConfigForm::channel);
        each(c, "skills", s -> {});
        each(c, "queues", RoutingConfigForm::queue);
        each(c, "utilisationProfiles", p -> each(p, "channels", RoutingConfigForm::capacity));
        each(c, "routingProfiles", p -> each(p, "queues", RoutingConfigForm::membership));
        each(c, "notReadyReasons", r -> fill(r, "releasesTargets", NotReadyReason.DEFAULT_RELEASES_TARGETS));
        each(c, "attributes", RoutingConfigForm::attribute);
        if (missing(c, "policy")) {
            c.putObject("policy");
        }
        if (c.get("policy") instanceof ObjectNode policy) {
            policy(policy);
        }
        return c;
    }

    private static void channel(ObjectNode channel) {
        upperCase(channel, "mediaClass");
        MediaClass media = enumValue(MediaClass.class, channel.get("mediaClass"));
        if (media != null) {
            fill(channel, "offerTimeoutMillis", LongNode.valueOf(media.defaultOfferTimeoutMillis()));
            fill(channel, "autoAccept", media.defaultAutoAccept());
            fill(channel, "disconnectGraceMillis", LongNode.valueOf(media.defaultDisconnectGraceMillis()));
        }
    }

    private static void queue(ObjectNode q) {
        upperCase(q, "strategy");
        fill(q, "strategy", NullNode.instance);
        fill(q, "serviceLevelThresholdMillis", LongNode.valueOf(QueueConfig.DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS));
        each(q, "requirements", RoutingConfigForm::requirement);
        each(q, "relaxation", s -> fill(s, "minProficiency", LongNode.valueOf(RelaxationStep.DEFAULT_MIN_PROFICIENCY)));
        each(q, "overflow", RoutingConfigForm::overflow);
        fill(q, "maxWaitMillis", LongNode.valueOf(QueueConfig.DEFAULT_MAX_WAIT_MILLIS));
        fill(q, "maxWaitAction", NullNode.instance);
        fill(q, "maxQueueSize", LongNode.valueOf(QueueConfig.DEFAULT_MAX_QUEUE_SIZE));
        fill(q, "queueFullAction", NullNode.instance);
        fill(q, "wrapUpMillis", LongNode.valueOf(QueueConfig.DEFAULT_WRAP_UP_MILLIS));
        fill(q, "maxWrapUpMillis", q.get("wrapUpMillis")); // no extension unless configured
        fill(q, "openAtStart", QueueConfig.DEFAULT_OPEN_AT_START);
        fill(q, "callbackAttempts", LongNode.valueOf(QueueConfig.DEFAULT_CALLBACK_ATTEMPTS));
        fill(q, "callbackRetryDelayMillis", LongNode.valueOf(QueueConfig.DEFAULT_CALLBACK_RETRY_DELAY_MILLIS));
    }

    private static void requirement(ObjectNode r) {
        fill(r, "minProficiency", LongNode.valueOf(Requirement.DEFAULT_MIN_PROFICIENCY));
        upperCase(r, "strictness");
        fill(r, "strictness", TextNode.valueOf(Requirement.DEFAULT_STRICTNESS.name()));
    }

    private static void overflow(ObjectNode rule) {
        upperCase(rule, "trigger");
        upperCase(rule, "action");
        fill(rule, "action", TextNode.valueOf(OverflowRule.DEFAULT_ACTION.name()));
        fill(rule, "threshold", LongNode.valueOf(OverflowRule.DEFAULT_THRESHOLD));
        fill(rule, "queues", rule.arrayNode());
        fill(rule, "destination", NullNode.instance);
    }

    private static void capacity(ObjectNode c) {
        fill(c, "max", LongNode.valueOf(ChannelCapacity.DEFAULT_MAX));
        fill(c, "blocksWhileActive", c.arrayNode());
        fill(c, "blocksInWrapUp", c.arrayNode());
    }

    private static void membership(ObjectNode m) {
        fill(m, "tier", LongNode.valueOf(QueueMembership.DEFAULT_TIER));
        fill(m, "delayMillis", LongNode.valueOf(QueueMembership.DEFAULT_DELAY_MILLIS));
    }

    private static void attribute(ObjectNode a) {
        upperCase(a, "classification");
        fill(a, "classification", TextNode.valueOf(AttributeDefinition.DEFAULT_CLASSIFICATION.name()));
    }

    private static void policy(ObjectNode p) {
        RoutingPolicy d = RoutingPolicy.DEFAULT;
        fill(p, "rejectsBeforePause", LongNode.valueOf(d.rejectsBeforePause()));
        fill(p, "rejectWindowMillis", LongNode.valueOf(d.rejectWindowMillis()));
        fill(p, "ronaPausesAgent", d.ronaPausesAgent());
        fill(p, "ronasBeforeTierRaise", LongNode.valueOf(d.ronasBeforeTierRaise()));
        fill(p, "sessionGraceMillis", LongNode.valueOf(d.sessionGraceMillis()));
        fill(p, "requeueOpenWorkOnLogout", d.requeueOpenWorkOnLogout());
        fill(p, "namedTransferMillis", LongNode.valueOf(d.namedTransferMillis()));
        fill(p, "idempotencyKeyCapacity", LongNode.valueOf(d.idempotencyKeyCapacity()));
    }

    /** A list field: empty when left out; each object in it completed by {@code element}. */
    private static void each(ObjectNode parent, String field, Consumer<ObjectNode> element) {
        fill(parent, field, parent.arrayNode());
        if (parent.get(field) instanceof ArrayNode list) {
            for (JsonNode e : list) {
                if (e instanceof ObjectNode o) {
                    element.accept(o);
                }
            }
        }
    }

    private static boolean missing(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull();
    }

    private static void fill(ObjectNode node, String field, JsonNode value) {
        if (missing(node, field) && value != null) {
            node.set(field, value);
        }
    }

    private static void fill(ObjectNode node, String field, boolean value) {
        fill(node, field, BooleanNode.valueOf(value));
    }

    private static void upperCase(ObjectNode node, String field) {
        if (node.get(field) instanceof TextNode text) {
            node.put(field, text.textValue().toUpperCase(Locale.ROOT));
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(node.textValue()))
                .findFirst()
                .orElse(null);
    }
}
