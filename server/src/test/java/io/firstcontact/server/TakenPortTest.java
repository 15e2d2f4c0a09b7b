package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.ops.ListenerPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that is taken stops the server at once, says which setting moves it, and leaves the data directory alone. */
class TakenPortTest {
    @TempDir
    Path dir;

    @Test
    void takenApiPortIsNamedWithItsSettingBeforeAnythingIsWritten() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = load(TestServer.writeConfig(data, taken.getLocalPort(), 0, Map.of()));

            assertThatThrownBy(() -> new FirstContactServer(config))
                    .isInstanceOf(ListenerPorts.UnavailableException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("http.port")
                    .hasMessageContaining("FC_HTTP_PORT");
        }
        assertThat(contents(data)).containsExactly("test-config.yaml");
    }

    @Test
    void takenManagementPortIsNamedWithItsSetting() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = load(TestServer.writeConfig(data, 0, taken.getLocalPort(), Map.of()));

            assertThatThrownBy(() -> new FirstContactServer(config))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("management.port")
                    .hasMessageContaining("FC_MANAGEMENT_PORT");
        }
        assertThat(contents(data)).containsExactly("test-config.yaml");
    }

    @Test
    void commandLineExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = TestServer.writeConfig(data, taken.getLocalPort(), 0, Map.of());
            Path output = dir.resolve("server.log");
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "--config",
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
            assertThat(lines.stream().filter(l -> l.contains("ERROR")))
                    .singleElement()
                    .asString()
                    .contains("port " + taken.getLocalPort(), "http.port", "FC_HTTP_PORT");
            assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        }
        assertThat(contents(data)).containsExactly("test-config.yaml");
    }

    private static ServerConfig load(Path file) {
        return new ConfigLoader().load(Optional.of(file), Map.of());
    }

    private static List<String> contents(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
