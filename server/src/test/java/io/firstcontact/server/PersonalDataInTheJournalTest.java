package io.firstcontact.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.journal.PersonalData;
import io.firstcontact.router.journal.redis.RedisJournal;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.runtime.JournalKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/routing-contract.md §1 through the whole server: a personal attribute given to the API is sealed in the Redis journal, comes
 * back after a restart, and a server holding another key refuses to start rather than lose it.
 */
class PersonalDataInTheJournalTest {
    static final String CALLER = "Siân Ó Dálaigh";
    static final String UPRN = "100021234567";

    @TempDir
    Path dir;

    @Test
    void a_personal_attribute_is_sealed_in_the_journal_and_read_back_after_a_restart() throws Exception {
        Path data = dir.resolve("data");
        String interaction;
        try (TestServer s = TestServer.start(data, Map.of())) {
            // The small centre defines no attributes: both are personal.
            var created = s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"pd:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"},"
                            + "\"attributes\":{\"callerName\":\"" + CALLER + "\",\"uprn\":\"" + UPRN + "\"}}");
            assertThat(created.status()).isEqualTo(201);
            interaction = created.json().get("interactionId").asText();

            StringBuilder journal = new StringBuilder();
            for (RedisJournal.Entry e : s.server.runtime().stream().read("0-0", 10_000)) {
                journal.append(new String(e.payload(), UTF_8)).append('\n');
            }
            assertThat(journal.toString())
                    .contains("\"sourceRef\":\"pd:1\"", "{\"name\":\"callerName\",\"sealed\":\"v1:")
                    .doesNotContain(CALLER, UPRN);
        }

        Path key = data.resolve(JournalKeys.DEFAULT_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");

        try (TestServer s = TestServer.start(data, Map.of())) {
            var trace = s.get("admin", "/api/v1/interactions/" + interaction + "/trace");
            assertThat(trace.status()).isEqualTo(200);
            JsonNode attributes =
                    trace.json().get("entries").get(0).get("input").get("attributes");
            assertThat(attributes.toString()).contains(CALLER, UPRN);
        }

        // A rotation: a new key seals from now on, the previous one still opens what it sealed.
        Path fresh = dir.resolve("journal-2.key");
        String freshId = JournalKeys.create(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> JournalKeys.create(fresh)).hasMessageContaining("never overwritten");
        Map<String, Object> rotated =
                Map.of("journal", Map.of("keyFile", fresh.toString(), "previousKeyFiles", List.of(key.toString())));
        try (TestServer s = TestServer.start(data, rotated)) {
            var trace = s.get("admin", "/api/v1/interactions/" + interaction + "/trace");
            assertThat(trace.json()
                            .get("entries")
                            .get(0)
                            .get("input")
                            .get("attributes")
                            .toString())
                    .contains(CALLER);
            var created = s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"pd:2\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"},"
                            + "\"attributes\":{\"callerName\":\"" + CALLER + "\"}}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(s.server.runtime().codec().personal().keyId()).isEqualTo(freshId);
        }

        // Another key and no previous one: the journal cannot be read, and the server says so instead of starting
        // without the data.
        Files.writeString(key, Base64.getEncoder().encodeToString(PersonalData.newKey()) + "\n", UTF_8);
        ServerConfig config =
                new ConfigLoader().load(Optional.of(TestServer.writeConfig(data, 0, 0, Map.of())), Map.of());
        FirstContactServer other = new FirstContactServer(config);
        try {
            assertThatThrownBy(other::start)
                    .hasStackTraceContaining("is sealed with journal key")
                    .hasStackTraceContaining("set the key the journal was written with")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(CALLER, UPRN));
        } finally {
            other.close();
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
