package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every result carries: the machine (CPU model, vCPUs, hypervisor, memory, kernel), the JDK, the JVM flags and
 * collector of the server and of the generator, the journal's persistence and what shared the machine. No machine
 * paths: the JDK and the project directory are named, not located.
 */
final class Environment {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Environment() {}

    static ObjectNode collect(String mode, String args) {
        ObjectNode env = JSON.createObjectNode();
        env.put("mode", mode);
        env.put("arguments", args);
        env.put("startedAt", Instant.now().toString());
        env.put("projectCommit", run("git", "rev-parse", "HEAD"));
        env.put(
                "projectTreeClean",
                run("git", "status", "--porcelain", "--untracked-files=no").isEmpty());
        ObjectNode machine = env.putObject("machine");
        String cpuinfo = read("/proc/cpuinfo");
        machine.put("cpuModel", field(cpuinfo, "model name"));
        machine.put("vcpus", Runtime.getRuntime().availableProcessors());
        machine.put("hypervisor", cpuinfo.contains(" hypervisor"));
        machine.put("memTotal", field(read("/proc/meminfo"), "MemTotal"));
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("loadAverageAtStart", read("/proc/loadavg").strip());
        machine.put("clockTicksPerSecond", ServerProcess.clockTicksPerSecond());
        ObjectNode jdk = env.putObject("jdk");
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("runtime", System.getProperty("java.runtime.version"));
        ObjectNode server = env.putObject("server");
        server.put(
                "command",
                "java " + String.join(" ", ServerProcess.jvmFlags())
                        + " -jar server/target/firstcontact-server.jar --config <generated>");
        server.put("jdk", "the same JDK as the generator");
        server.put(
                "gc",
                ServerProcess.jvmFlags().stream()
                        .filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC"))
                        .findFirst()
                        .orElse("the JDK's default (G1)"));
        server.put("mode", "production");
        server.put("logging", "WARN");
        server.put(
                "journal",
                "embedded redis-server in a fresh temporary data directory, AOF appendfsync everysec (journal on)");
        ObjectNode generator = env.putObject("generator");
        ArrayNode flags = generator.putArray("jvmFlags");
        String home = System.getProperty("java.home");
        String cwd = System.getProperty("user.dir");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            flags.add(a.replace(home, "<JAVA_HOME>").replace(cwd, "<project>"));
        }
        ArrayNode gcs = generator.putArray("gc");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        generator.put(
                "http",
                "Vert.x HTTP client on its own event loop, HTTP/1.1 keep-alive over loopback, asynchronous sends");
        env.put(
                "sharedTheMachine",
                "the generator, co-located: the load generator (this JVM: schedules, HTTP client, event stream parsing)"
                        + " ran on the same vCPUs as the server and its Redis, so every figure is a co-located lower"
                        + " bound of what the server achieves on a machine of its own");
        return env;
    }

    static void finish(ObjectNode env, ServerProcess server) {
        ((ObjectNode) env.get("machine"))
                .put("loadAverageAtEnd", read("/proc/loadavg").strip());
        if (server != null) {
            String v = server.redisVersion();
            if (v != null) {
                ((ObjectNode) env.get("server"))
                        .put("redisVersion", v.replaceAll("/\\S+", "").strip());
            }
            ((ObjectNode) env.get("server")).put("appendOnlyFilePresent", server.aofPresent());
        }
        env.put("finishedAt", Instant.now().toString());
    }

    static void write(Path dir, ObjectNode env) throws IOException {
        Files.writeString(
                dir.resolve("environment.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(env));
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                int colon = line.indexOf(':');
                return colon < 0 ? "" : line.substring(colon + 1).strip();
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    static String run(String... cmd) {
        try {
            Process p =
                    new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
