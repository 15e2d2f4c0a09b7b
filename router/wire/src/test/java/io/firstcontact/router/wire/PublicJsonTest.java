package io.firstcontact.router.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicJsonTest {

    private record Window(long openedAt, Long closedAt, long nextUntil, long until, int count, Long pausedSince) {}

    @Test
    void a_fact_is_written_with_its_type_first_and_its_times_as_rfc_3339() throws Exception {
        Fact ended = new Fact.VisitEnded("i-1", "v-1", "council-tax", VisitOutcome.ANSWERED, 1_795_771_800_000L);

        String text = PublicJson.fact(ended);

        assertThat(text)
                .isEqualTo(
                        "{\"type\":\"VisitEnded\",\"interactionId\":\"i-1\",\"visitId\":\"v-1\","
                                + "\"queue\":\"council-tax\",\"outcome\":\"ANSWERED\",\"enteredAt\":\"2026-11-27T09:30:00.000Z\"}");
        assertThat(PublicJson.record((Record) ended)).isEqualTo(PublicJson.MAPPER.readTree(text));
    }

    @Test
    void every_time_named_integral_is_text_at_any_depth_and_an_absent_time_is_null() {
        record Outer(Window window, List<Window> history, long count) {}
        Window w = new Window(1_000L, null, Decision.NO_DEADLINE, 61_000L, 7, -1L);

        JsonNode json = PublicJson.view(new Outer(w, List.of(w), 3));

        assertThat(json.get("count").asLong()).isEqualTo(3);
        for (JsonNode node : List.of(json.get("window"), json.get("history").get(0))) {
            assertThat(node.get("openedAt").asText()).isEqualTo("1970-01-01T00:00:01.000Z");
            assertThat(node.get("closedAt").isNull()).isTrue();
            assertThat(node.get("nextUntil").isNull()).isTrue();
            assertThat(node.get("until").asText()).isEqualTo("1970-01-01T00:01:01.000Z");
            assertThat(node.get("count").asInt()).isEqualTo(7);
            assertThat(node.get("pausedSince").isNull()).isTrue();
        }
    }

    @Test
    void facts_are_written_as_one_array_each_as_a_single_fact_is() throws Exception {
        List<Fact> facts = List.of(new Fact.SessionChanged("a-1", true), new Fact.ConfigurationApplied(4));

        String text = PublicJson.facts(facts);
        JsonNode array = PublicJson.MAPPER.readTree(text);

        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("type").asText()).isEqualTo("SessionChanged");
        assertThat(array.get(1).get("version").asLong()).isEqualTo(4);
        assertThat(text).isEqualTo("[" + PublicJson.fact(facts.get(0)) + "," + PublicJson.fact(facts.get(1)) + "]");
        assertThat(PublicJson.facts(List.of())).isEqualTo("[]");
    }

    private record Body(Integer tier, Long seconds, String ref, Boolean ready, VisitOutcome outcome) {}

    @Test
    void request_bodies_are_read_without_coercing_one_json_type_into_another() {
        for (String json : List.of(
                "{\"tier\":1.5}",
                "{\"tier\":1.0}",
                "{\"seconds\":1e3}",
                "{\"tier\":\"1\"}",
                "{\"ref\":123}",
                "{\"ref\":1.5}",
                "{\"ref\":true}",
                "{\"ready\":1}",
                "{\"ready\":\"true\"}",
                "{\"outcome\":0}")) {
            assertThatThrownBy(() -> PublicJson.MAPPER.readValue(json, Body.class))
                    .as(json)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void a_key_given_twice_is_refused_at_any_depth() {
        assertThatThrownBy(() -> PublicJson.MAPPER.readValue("{\"tier\":1,\"tier\":2}", Body.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> PublicJson.MAPPER.readTree("{\"a\":{\"b\":1,\"b\":1}}"))
                .isInstanceOf(JsonProcessingException.class);
    }
}
