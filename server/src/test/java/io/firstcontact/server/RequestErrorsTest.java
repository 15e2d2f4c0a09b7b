package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body the API cannot read is answered with what it expected there, never with the value that was sent. */
class RequestErrorsTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aStringWhereAnObjectIsExpectedIsAnsweredWithTheObjectsFields() throws Exception {
        var r = create("{\"sourceRef\":\"e:1\",\"channel\":\"voice\",\"queue\":\"billing\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText())
                .isEqualTo("queue: expected an object with the fields queue, requirements, tier, ageBonusSeconds, "
                        + "targets, waitStartedAt");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("queue");
    }

    @Test
    void aValueOutsideAFixedSetIsAnsweredWithTheSet() throws Exception {
        var r = create("{\"sourceRef\":\"e:2\",\"channel\":\"voice\",\"direction\":\"SIDEWAYS\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo("direction: expected one of INBOUND, CALLBACK, OUTBOUND");
        assertThat(r.raw().body()).doesNotContain("SIDEWAYS");
    }

    @Test
    void textWhereANumberIsExpectedSaysSo() throws Exception {
        var r = create(
                "{\"sourceRef\":\"e:3\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\",\"tier\":\"top\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo("queue.tier: expected a whole number");
    }

    @Test
    void aListWhereTheBodyShouldBeAnObjectNamesTheBodysFields() throws Exception {
        var r = create("[]");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText())
                .startsWith("the body: expected an object with the fields sourceRef, channel, direction");
    }

    @Test
    void anUnknownFieldIsAnsweredWithTheValidOnes() throws Exception {
        var r = create("{\"sourceRef\":\"e:4\",\"channel\":\"voice\",\"colour\":\"blue\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText())
                .isEqualTo("unknown field colour; the valid fields are sourceRef, channel, direction, conversationId, "
                        + "customerRef, attributes, queue");
    }

    private static ApiClient.Response create(String body) throws Exception {
        return s.post("integration", "/api/v1/interactions", body);
    }
}
