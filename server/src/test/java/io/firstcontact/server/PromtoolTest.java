package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus' own checker on what the server exposes and on the rules the repository ships: {@code promtool check
 * metrics} on a live {@code /metrics}, {@code promtool check rules} and {@code promtool test rules} on {@code
 * ops/prometheus}. promtool comes with Debian's {@code prometheus} package ({@code .ci/run} installs it); without it
 * this test fails, it never skips.
 */
class PromtoolTest {
    static final Path OPS = Path.of("").toAbsolutePath().getParent().resolve("ops");

    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
        assertThat(s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(s.post(
                                "integration",
                                "/api/v1/interactions",
                                "{\"sourceRef\":\"prom:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}")
                        .status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Runs promtool; returns its output, failing the test when it is missing or does not exit 0. */
    static String promtool(Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("promtool is not installed (Debian: apt-get install -y prometheus; .ci/run does): " + e.getMessage());
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue())
                .as(String.join(" ", command) + " said:\n" + out)
                .isZero();
        return out;
    }

    @Test
    void theMetricsTheServerExposesPassPromtoolsCheck() throws Exception {
        Path scrape = dir.resolve("metrics.txt");
        Files.writeString(
                scrape,
                s.send(null, "GET", s.management() + "/metrics", null, Map.of())
                        .raw()
                        .body());

        promtool(scrape, "check", "metrics");
    }

    /** Every series the shipped dashboard and rules read is one the server exposes (no name drifts away). */
    @Test
    void theDashboardAndTheRulesReadOnlyMetricsTheServerExposes() throws Exception {
        String scrape = s.send(null, "GET", s.management() + "/metrics", null, Map.of())
                .raw()
                .body();
        java.util.Set<String> exposed = new java.util.TreeSet<>();
        Matcher line = Pattern.compile("(?m)^(firstcontact_[a-z_]+)[{ ]").matcher(scrape);
        while (line.find()) {
            exposed.add(line.group(1));
        }
        for (Path file : List.of(
                OPS.resolve("grafana/firstcontact-dashboard.json"),
                OPS.resolve("prometheus/firstcontact-alerts.yml"))) {
            java.util.Set<String> read = new java.util.TreeSet<>();
            Matcher name = Pattern.compile("firstcontact_[a-z_]+").matcher(Files.readString(file));
            while (name.find()) {
                read.add(name.group());
            }
            assertThat(read).as(file.getFileName() + " reads metrics").isNotEmpty();
            assertThat(exposed).as("what " + file.getFileName() + " reads").containsAll(read);
        }
        JsonNode dashboard = TestServer.JSON.readTree(
                OPS.resolve("grafana/firstcontact-dashboard.json").toFile());
        assertThat(dashboard.get("panels")).isNotEmpty();
    }

    @Test
    void theAlertRulesPassPromtoolsCheckAndTheirTests() throws Exception {
        promtool(
                null,
                "check",
                "rules",
                OPS.resolve("prometheus/firstcontact-alerts.yml").toString());
        promtool(
                null,
                "test",
                "rules",
                OPS.resolve("prometheus/firstcontact-alerts.test.yml").toString());
    }
}
