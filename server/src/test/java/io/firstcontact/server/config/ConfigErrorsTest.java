package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.server.config.ServerConfig.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration mistake is reported in the file's own terms: the field's path, what was expected, where. */
class ConfigErrorsTest {
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void unknownFieldIsNamedWithItsPathAndTheValidFields() throws Exception {
        refused("http:\n  prot: 8080\n")
                .hasMessageContaining("http.prot: unknown field")
                .hasMessageContaining("the valid fields are host, port");
    }

    @Test
    void unknownTopLevelFieldListsEveryTopLevelField() throws Exception {
        refused("htttp:\n  port: 8080\n")
                .hasMessageContaining("htttp: unknown field")
                .hasMessageContaining("mode, dataDir, http, management, redis, journal, lease, api, sessions, tokens");
    }

    @Test
    void wrongShapeSaysWhatWasExpectedWithoutJavaNames() throws Exception {
        refused("http: 8080\n").hasMessageContaining("http: expected an object with the fields host, port");
    }

    @Test
    void wrongEnumValueListsTheValidValues() throws Exception {
        refused("tokens:\n  - {name: x, sha256: " + HASH + ", role: boss}\n")
                .hasMessageContaining("tokens[0].role: expected one of agent, supervisor, admin, integration");
    }

    @Test
    void wrongScalarSaysWhichKindOfValueIsWanted() throws Exception {
        refused("logging:\n  json: maybe\n").hasMessageContaining("logging.json: expected true or false");
        refused("lease:\n  ttl: soon\n").hasMessageContaining("lease.ttl: expected a duration such as 500ms");
    }

    @Test
    void valueOutOfRangeIsNamedByItsFullPath() throws Exception {
        refused("http:\n  port: 99999\n").hasMessageContaining("http.port must be 0–65535");
        refused("tokens:\n  - {name: x, role: admin}\n").hasMessageContaining("tokens[0].sha256 is required");
    }

    @Test
    void valueFromTheEnvironmentNamesItsVariable() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader().load(Optional.empty(), Map.of("FC_HTTP_PORT", "70000")))
                .hasMessageContaining("http.port must be 0–65535")
                .hasMessageContaining("FC_HTTP_PORT");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() throws Exception {
        refused("mode: production\nhttp:\n  port: [8080\nlease: {}\n")
                .hasMessageContaining("line 4, column 6")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void rolesAndOtherEnumsAreReadInAnyCase() throws Exception {
        for (String role : new String[] {"admin", "Admin", "ADMIN"}) {
            ServerConfig c =
                    load("mode: Production\ntokens:\n  - {name: x, sha256: " + HASH + ", role: " + role + "}\n");
            assertThat(c.tokens().get(0).role()).isEqualTo(Role.ADMIN);
            assertThat(c.mode()).isEqualTo(ServerConfig.Mode.PRODUCTION);
        }
    }

    @Test
    void noMessageShowsAJavaClassName() throws Exception {
        for (String yaml : new String[] {
            "http: 8080\n", "http:\n  prot: 1\n", "mode: test\n", "tokens: x\n", "journal:\n  previousKeyFiles: 3\n"
        }) {
            refused(yaml).message().doesNotContain("class ", "io.firstcontact", "java.", "$", "`");
        }
    }

    private ServerConfig load(String yaml) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), Map.of());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String yaml) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return assertThatThrownBy(() -> new ConfigLoader().load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class);
    }
}
