package io.firstcontact.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.wire.PublicJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogItemTest {
    private static final List<Fact> FACTS = List.of(
            new Fact.SessionChanged("a-1", true),
            new Fact.ConfigurationApplied(3),
            new Fact.SessionChanged("a-2", false),
            new Fact.SessionChanged("a-1", false));

    private static EventLog.Item item() {
        return EventLog.Item.of("2-17", 17, 1_000L, "api \"desk\"", "LogIn", FACTS, 0);
    }

    @Test
    void the_event_is_written_once_with_every_fact_in_order() throws Exception {
        JsonNode event = PublicJson.MAPPER.readTree(item().data());

        assertThat(event.get("id").asText()).isEqualTo("2-17");
        assertThat(event.get("at").asText()).isEqualTo("1970-01-01T00:00:01.000Z");
        assertThat(event.get("source").asText()).isEqualTo("api \"desk\"");
        assertThat(event.get("input").asText()).isEqualTo("LogIn");
        assertThat(event.get("events")).hasSize(4);
        for (int i = 0; i < FACTS.size(); i++) {
            assertThat(event.get("events").get(i))
                    .hasToString(PublicJson.record((Record) FACTS.get(i)).toString());
        }
        assertThat(PublicJson.MAPPER.readTree(item().factsJson())).isEqualTo(event.get("events"));
    }

    @Test
    void an_agent_sees_only_the_facts_naming_it_and_nothing_when_none_does() throws Exception {
        JsonNode first = PublicJson.MAPPER.readTree(item().dataFor("a-1"));
        JsonNode second = PublicJson.MAPPER.readTree(item().dataFor("a-2"));

        assertThat(first.get("id").asText()).isEqualTo("2-17");
        assertThat(first.get("events"))
                .hasToString("[" + PublicJson.record((Record) FACTS.get(0)) + ","
                        + PublicJson.record((Record) FACTS.get(3)) + "]");
        assertThat(second.get("events")).hasToString("[" + PublicJson.record((Record) FACTS.get(2)) + "]");
        assertThat(item().dataFor("a-9")).isNull();
    }
}
