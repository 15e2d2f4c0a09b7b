package io.firstcontact.router.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A routing configuration as a person writes it: defaults for what is left out, any case, bounded numbers. */
class RoutingConfigFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RoutingConfigForm FORM = new RoutingConfigForm(new JournalCodec());

    /** Every record with only what has no default: ids, references, the media class, a rule's trigger. */
    private static final String MINIMAL = """
            {"channels": [{"id": "voice", "mediaClass": "REALTIME_VOICE"},
                          {"id": "email", "mediaClass": "DEFERRED"}],
             "skills": ["council-tax"],
             "queues": [{"id": "council-tax", "channel": "voice",
                         "requirements": [{"skill": "council-tax"}],
                         "relaxation": [{"afterMillis": 60000, "skill": "council-tax"}],
                         "overflow": [{"trigger": "UNSTAFFED", "queues": ["general"]}]},
                        {"id": "general", "channel": "voice", "wrapUpMillis": 30000}],
             "utilisationProfiles": [{"id": "phones", "channels": [{"channel": "voice"}]}],
             "routingProfiles": [{"id": "all", "queues": [{"queue": "council-tax"}, {"queue": "general"}]}],
             "notReadyReasons": [{"code": "BREAK"}],
             "attributes": [{"name": "accountRef"}]}
            """;

    @Test
    void fieldsLeftOutTakeTheRecordsDocumentedDefaults() throws Exception {
        RoutingConfig c = FORM.read(JSON.readTree(MINIMAL), "");

        assertThat(c.version()).isEqualTo(RoutingConfig.DEFAULT_VERSION);
        assertThat(c.policy()).isEqualTo(RoutingPolicy.DEFAULT);
        QueueConfig q = c.queue("council-tax");
        assertThat(q.strategy()).isNull();
        assertThat(q.serviceLevelThresholdMillis()).isEqualTo(QueueConfig.DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS);
        assertThat(q.maxWaitMillis()).isEqualTo(QueueConfig.DEFAULT_MAX_WAIT_MILLIS);
        assertThat(q.maxQueueSize()).isEqualTo(QueueConfig.DEFAULT_MAX_QUEUE_SIZE);
        assertThat(q.wrapUpMillis()).isEqualTo(QueueConfig.DEFAULT_WRAP_UP_MILLIS);
        assertThat(q.openAtStart()).isEqualTo(QueueConfig.DEFAULT_OPEN_AT_START);
        assertThat(q.requirements().get(0))
                .isEqualTo(new Requirement(
                        "council-tax", Requirement.DEFAULT_MIN_PROFICIENCY, Requirement.DEFAULT_STRICTNESS));
        assertThat(q.relaxation().get(0).minProficiency()).isEqualTo(RelaxationStep.DEFAULT_MIN_PROFICIENCY);
        assertThat(q.overflow().get(0).threshold()).isEqualTo(OverflowRule.DEFAULT_THRESHOLD);
        assertThat(q.overflow().get(0).action()).isEqualTo(OverflowRule.DEFAULT_ACTION);
        assertThat(c.utilisationProfile("phones").capacity("voice").max()).isEqualTo(ChannelCapacity.DEFAULT_MAX);
        assertThat(c.routingProfile("all").membership("general"))
                .isEqualTo(new QueueMembership(
                        "general", QueueMembership.DEFAULT_TIER, QueueMembership.DEFAULT_DELAY_MILLIS));
        assertThat(c.notReadyReason("BREAK").releasesTargets()).isEqualTo(NotReadyReason.DEFAULT_RELEASES_TARGETS);
        assertThat(c.attributes().get(0).classification()).isEqualTo(AttributeDefinition.DEFAULT_CLASSIFICATION);
    }

    @Test
    void channelDefaultsAreItsMediaClasses() throws Exception {
        RoutingConfig c = FORM.read(JSON.readTree(MINIMAL), "");

        assertThat(c.channel("voice")).isEqualTo(ChannelConfig.of("voice", MediaClass.REALTIME_VOICE));
        assertThat(c.channel("email")).isEqualTo(ChannelConfig.of("email", MediaClass.DEFERRED));
    }

    @Test
    void maxWrapUpLeftOutIsTheWrapUpItself() throws Exception {
        QueueConfig general = FORM.read(JSON.readTree(MINIMAL), "").queue("general");

        assertThat(general.maxWrapUpMillis()).isEqualTo(general.wrapUpMillis()).isEqualTo(30_000);
    }

    @Test
    void everyFieldOfEveryConfigurationRecordIsFilledOrRequired() throws Exception {
        ObjectNode complete = RoutingConfigForm.complete((ObjectNode) JSON.readTree(MINIMAL));
        List<String> missing = new ArrayList<>();
        missingFields(complete, RoutingConfig.class, "", missing);

        assertThat(missing).isEmpty();
    }

    @Test
    void enumValuesAreReadInAnyCase() throws Exception {
        String written = MINIMAL.replace("REALTIME_VOICE", "realtime_voice")
                .replace("\"UNSTAFFED\"", "\"Unstaffed\"")
                .replace("{\"id\": \"general\", \"channel\": \"voice\"", """
                        {"id": "general", "channel": "voice", "strategy": "most_skilled\"""");

        RoutingConfig c = FORM.read(JSON.readTree(written), "");

        assertThat(c.channel("voice").mediaClass()).isEqualTo(MediaClass.REALTIME_VOICE);
        assertThat(c.queue("council-tax").overflow().get(0).trigger()).isEqualTo(OverflowTrigger.UNSTAFFED);
        assertThat(c.queue("general").strategy()).isEqualTo(RoutingStrategy.MOST_SKILLED);
    }

    @Test
    void numberOutOfItsRangeIsRefusedNamingTheFieldAndTheRange() throws Exception {
        String written = MINIMAL.replace(
                "\"mediaClass\": \"REALTIME_VOICE\"",
                "\"mediaClass\": \"REALTIME_VOICE\", \"offerTimeoutMillis\": " + Long.MAX_VALUE);

        assertThatThrownBy(() -> FORM.read(JSON.readTree(written), "routing.config"))
                .isInstanceOfSatisfying(RoutingConfigForm.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("routing.config.channels[0].offerTimeoutMillis");
                    assertThat(e.malformed()).isFalse();
                })
                .hasMessageContaining(
                        "routing.config.channels[0].offerTimeoutMillis must be 1000–3600000 (1 s to 1 h)");
    }

    @Test
    void unknownFieldIsMalformedAndListsTheValidOnes() throws Exception {
        String written = MINIMAL.replace("\"wrapUpMillis\"", "\"wrapUp\"");

        assertThatThrownBy(() -> FORM.read(JSON.readTree(written), ""))
                .isInstanceOfSatisfying(RoutingConfigForm.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("queues[1].wrapUp");
                    assertThat(e.malformed()).isTrue();
                })
                .hasMessageContaining("the valid fields are id, channel, strategy, serviceLevelThresholdMillis");
    }

    @Test
    void missingIdIsRefusedWithItsPath() throws Exception {
        String written = MINIMAL.replace("{\"code\": \"BREAK\"}", "{\"releasesTargets\": true}");

        assertThatThrownBy(() -> FORM.read(JSON.readTree(written), ""))
                .isInstanceOf(RoutingConfigForm.Invalid.class)
                .hasMessageContaining("notReadyReasons[0]");
    }

    @Test
    void whatIsWrittenIsNotChanged() throws Exception {
        JsonNode written = JSON.readTree(MINIMAL);
        JsonNode before = written.deepCopy();

        FORM.read(written, "");

        assertThat(written).isEqualTo(before);
    }

    /** Paths of record components absent from {@code node}, at any depth. */
    private static void missingFields(JsonNode node, Class<?> record, String at, List<String> missing) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = at + "." + c.getName();
            JsonNode v = node.get(c.getName());
            if (v == null) {
                missing.add(path);
                continue;
            }
            Class<?> element = c.getType();
            if (c.getGenericType() instanceof ParameterizedType list) {
                element = (Class<?>) list.getActualTypeArguments()[0];
            }
            if (element.isRecord()) {
                if (v.isArray()) {
                    for (int i = 0; i < v.size(); i++) {
                        missingFields(v.get(i), element, path + "[" + i + "]", missing);
                    }
                } else {
                    missingFields(v, element, path, missing);
                }
            }
        }
    }
}
