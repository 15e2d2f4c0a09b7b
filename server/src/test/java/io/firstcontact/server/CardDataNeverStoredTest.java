package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.ScriptedAsterisk;
import io.firstcontact.ivr.voice.VoiceIvr;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.port.CallRecording;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * PCI DSS 3.3.1 and 3.4.1 through the whole server: test card numbers are planted in complete payments by text (the
 * API's chat front end) and by voice (the FastAGI front end over a scripted Asterisk, on the server's own IVR and
 * routing) — approved, declined, timed out, the caller hanging up mid-entry, and the server killed with
 * {@code kill -9} mid-payment — and then every log line, every file of the data directory (the Redis AOF among them),
 * every key of the journal's Redis, the event stream, every interaction's trace and {@code /metrics} are searched for
 * them: no hit.
 */
class CardDataNeverStoredTest {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void paymentsByTextAndVoiceLeaveNoCardDataAnywhere() throws Exception {
        Path data = dir.resolve("data");
        ListAppender<ILoggingEvent> logs = captureLogs();
        List<String> interactions = new ArrayList<>();
        Residents backOffice = new Residents();
        try (TestServer s = startWithIvr(data, backOffice)) {
            ApiClient api = s.api();
            for (TestCard card : List.of(
                    TestCard.VISA_APPROVED,
                    TestCard.AMEX_APPROVED,
                    TestCard.VISA_DECLINED,
                    TestCard.VISA_INSUFFICIENT_FUNDS,
                    TestCard.VISA_GATEWAY_TIMEOUT)) {
                interactions.add(textPayment(api, "text-" + card.name(), card, true));
            }
            interactions.add(textPayment(api, "text-left", TestCard.MASTERCARD_APPROVED, false));
            interactions.add(cardWhereNoneIsAsked(api));

            VoiceIvr voice = new VoiceIvr(s.server.ivr().ivr(), CallRecording.NONE);
            interactions.add(voicePayment(s, voice, "voice-approved", TestCard.VISA_APPROVED, true));
            interactions.add(voicePayment(s, voice, "voice-declined", TestCard.VISA_DECLINED, true));
            interactions.add(voicePayment(s, voice, "voice-hung-up", TestCard.MASTERCARD_APPROVED, false));

            assertThat(backOffice.payments)
                    .as("the approved payments were taken and recorded (brand and last four only)")
                    .hasSize(4)
                    .allSatisfy(p -> assertThat(p.lastFour()).hasSize(4));
            searchTheServer(api, interactions);
            CardDataNowhere.assertRedisClean(data);
            searchFindsWhatIsPlanted(s, data);
        } finally {
            stopCapturing(logs);
        }
        CardDataNowhere.assertFilesClean(data);
        assertThat(logs.list).as("the search read the logs").isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            CardDataNowhere.assertClean("a log line of " + e.getLoggerName(), text(e));
        }
    }

    @Test
    void aServerKilledMidPaymentLeavesNoCardDataInItsRedisItsFilesOrItsLogs() throws Exception {
        Path data = dir.resolve("data");
        int http = freePort();
        int management = freePort();
        TestServer.writeConfig(data, http, management, ivrOverrides(data));
        ApiClient api = new ApiClient("http://127.0.0.1:" + http, "http://127.0.0.1:" + management);
        Process first = launch(data, "first");
        String id;
        try {
            awaitReady(api, first, "first");
            id = created(api, "kill-1");
            turn(api, id, "", null);
            turn(api, id, "replies", "1");
            turn(api, id, "replies", Residents.PCN_OPEN);
            turn(api, id, "replies", "1");
            JsonNode t = turn(api, id, "replies", TestCard.VISA_APPROVED.number());
            assertThat(t.path("question").path("kind").asText()).isEqualTo("EXPIRY");
            turn(api, id, "replies", CardDataNowhere.EXPIRY);
        } finally {
            first.destroyForcibly(); // kill -9, mid-payment: the security code is never keyed
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Process second = launch(data, "second");
        try {
            awaitReady(api, second, "second");
            searchTheServer(api, List.of(id));
            CardDataNowhere.assertRedisClean(data);
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
        assertThat(CardDataNowhere.assertFilesClean(data)).isGreaterThan(0);
        for (String name : List.of("first", "second")) {
            String log = Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
            assertThat(log).as("the " + name + " server logged").isNotBlank();
            CardDataNowhere.assertClean("the log of the " + name + " server", log);
        }
    }

    // ---------------------------------------------------------------- payments

    /** A chat paying the open PCN with {@code card} (all the way to the end, or leaving after the card number). */
    private static String textPayment(ApiClient api, String ref, TestCard card, boolean complete) throws Exception {
        String id = created(api, ref);
        turn(api, id, "", null);
        turn(api, id, "replies", "1");
        turn(api, id, "replies", Residents.PCN_OPEN);
        turn(api, id, "replies", "1");
        JsonNode t = turn(api, id, "replies", card.number());
        assertThat(t.path("echo").asText())
                .isEqualTo("•••• " + card.number().substring(card.number().length() - 4));
        if (!complete) {
            assertThat(turn(api, id, "leave", null).at("/ending/kind").asText()).isEqualTo("LEFT");
            return id;
        }
        turn(api, id, "replies", CardDataNowhere.EXPIRY);
        t = turn(
                api, id, "replies", card == TestCard.AMEX_APPROVED ? CardDataNowhere.CODE + "1" : CardDataNowhere.CODE);
        if (t.has("question")) {
            t = turn(api, id, "leave", null);
        }
        assertThat(t.has("ending")).isTrue();
        return id;
    }

    /** A resident who writes their card number into the menu: it is dropped unread. */
    private static String cardWhereNoneIsAsked(ApiClient api) throws Exception {
        String id = created(api, "text-misplaced");
        turn(api, id, "", null);
        JsonNode t = turn(api, id, "replies", "my card is " + TestCard.VISA_APPROVED.number());
        assertThat(t.path("echo").asText()).isEqualTo("(card details removed)");
        turn(api, id, "leave", null);
        return id;
    }

    /** A call paying the open PCN over FastAGI, through the server's IVR and routing. */
    private static String voicePayment(TestServer s, VoiceIvr voice, String ref, TestCard card, boolean complete)
            throws Exception {
        String id = "int-" + ref;
        s.server
                .runtime()
                .submit(
                        "test",
                        null,
                        new Command.CreateInteraction(
                                id, "voice", Direction.INBOUND, "pbx:" + ref, null, null, Attributes.NONE, null))
                .get(10, TimeUnit.SECONDS);
        List<ScriptedAsterisk.Action> script = new ArrayList<>(List.of(
                ScriptedAsterisk.keys("1"),
                ScriptedAsterisk.keys(Residents.keyed(Residents.PCN_OPEN)),
                ScriptedAsterisk.keys("1"),
                ScriptedAsterisk.keys(card.number())));
        if (complete) {
            script.add(ScriptedAsterisk.keys(CardDataNowhere.EXPIRY));
            script.add(ScriptedAsterisk.keys(CardDataNowhere.CODE));
        }
        script.add(ScriptedAsterisk.hangUp());
        ScriptedAsterisk.Result r =
                ScriptedAsterisk.call(voice, new Call(id, "voice", Residents.MOBILE, null, null), script);
        for (Command c : r.ending().commands(id, Attributes.NONE)) {
            s.server.runtime().submit("test", null, c).get(10, TimeUnit.SECONDS);
        }
        assertThat(r.ending()).isInstanceOf(Ending.CallerLeft.class);
        CardDataNowhere.assertClean("the AGI trace of " + ref, String.join("\n", r.asterisk().commands));
        return id;
    }

    // ---------------------------------------------------------------- the search

    /** The event stream from the first entry, every interaction's trace, the interactions and /metrics. */
    private static void searchTheServer(ApiClient api, List<String> interactions) throws Exception {
        try (Sse all =
                new Sse(ApiClient.HTTP, api.base() + "/api/v1/events", TestServer.TOKENS.get("supervisor"), "0-0")) {
            all.awaitConnected();
            StringBuilder events = new StringBuilder();
            for (Sse.Event e = all.next(Duration.ofSeconds(2)); e != null; e = all.next(Duration.ofSeconds(2))) {
                events.append(e.data()).append('\n');
            }
            assertThat(events).as("the event stream replayed the journal").isNotEmpty();
            CardDataNowhere.assertClean("the event stream", events.toString());
        }
        for (String id : interactions) {
            var trace = api.get("supervisor", "/api/v1/interactions/" + id + "/trace");
            assertThat(trace.status()).isEqualTo(200);
            CardDataNowhere.assertClean("the trace of " + id, trace.raw().body());
            CardDataNowhere.assertClean(
                    "the view of " + id,
                    api.get("supervisor", "/api/v1/interactions/" + id).raw().body());
        }
        var metrics = api.send(null, "GET", api.management() + "/metrics", null, Map.of());
        assertThat(metrics.status()).isEqualTo(200);
        CardDataNowhere.assertClean(
                "/metrics", CardDataNowhere.withoutSampleValues(metrics.raw().body()));
    }

    private static String created(ApiClient api, String ref) throws Exception {
        var r = api.post(
                "integration", "/api/v1/interactions", "{\"sourceRef\":\"chat:" + ref + "\",\"channel\":\"chat\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("interactionId").asText();
    }

    /** One turn of a chat: {@code step} is "" to start, "replies" with a text, "leave" or "no-reply". */
    private static JsonNode turn(ApiClient api, String id, String step, String text) throws Exception {
        String path = "/api/v1/interactions/" + id + "/ivr" + (step.isEmpty() ? "" : "/" + step);
        String body = text == null
                ? null
                : TestServer.JSON.createObjectNode().put("text", text).toString();
        var r = api.post("integration", path, body);
        assertThat(r.status()).as(path + ": " + r.raw().body()).isEqualTo(200);
        return r.json();
    }

    // ---------------------------------------------------------------- servers

    private static Map<String, Object> ivrOverrides(Path data) throws IOException {
        return Map.of(
                "ivr",
                Map.of("flows", IvrFlowsFile.write(data.getParent()).toString()),
                // a cluster of its own: a server of another test (or another build on this machine) in the default
                // cluster would share its account cache, and the PCN this test pays could be someone else's entry
                "account",
                Map.of("cluster", Map.of("name", "test-" + java.util.UUID.randomUUID())));
    }

    /**
     * The control: the same searches find what is there. A canary (not card data: planting a card number would put it
     * in the AOF for good) is written to Redis and to a file, found, and taken away again.
     */
    private static void searchFindsWhatIsPlanted(TestServer s, Path data) throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CardDataNowhere.assertClean("a control", "x" + TestCard.VISA_APPROVED.number()))
                .isInstanceOf(AssertionError.class);
        // /metrics is searched without its sample values: a label is kept, a value (a double) goes
        String exposition = "# HELP a_total About x" + TestCard.VISA_APPROVED.number() + "\n"
                + "a_total{card=\"" + TestCard.VISA_APPROVED.number() + "\"} 1.0\n"
                + "b_seconds_sum{mode=\"production\"} 0.14000000000000001 1700000000000\n";
        assertThat(CardDataNowhere.withoutSampleValues(exposition))
                .isEqualTo("# HELP a_total About x" + TestCard.VISA_APPROVED.number() + "\n"
                        + "a_total{card=\"" + TestCard.VISA_APPROVED.number() + "\"}\n"
                        + "b_seconds_sum{mode=\"production\"}\n");
        List<String> canary = List.of("canary-7d1f0c");
        try (var c = s.server.runtime().redisClient().connect()) {
            c.sync().xadd("firstcontact:control", Map.of("seen", "a " + canary.getFirst()));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CardDataNowhere.assertRedisHoldsNone(data, canary))
                    .isInstanceOf(AssertionError.class);
            c.sync().del("firstcontact:control");
        }
        Path control = Files.writeString(data.resolve("control.txt"), canary.getFirst());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CardDataNowhere.assertFilesHoldNone(data, canary))
                .isInstanceOf(AssertionError.class);
        Files.delete(control);
    }

    /** The test server with the IVR over the small centre, looking customers up in {@code backOffice}. */
    private static TestServer startWithIvr(Path data, Residents backOffice) throws Exception {
        Path file = TestServer.writeConfig(data, 0, 0, ivrOverrides(data));
        var config = new io.firstcontact.server.config.ConfigLoader().load(Optional.of(file), Map.of());
        FirstContactServer server = new FirstContactServer(config, backOffice);
        server.start();
        return TestServer.of(server, data);
    }

    /** The server in its own JVM (the same, with the residents), its output in a file beside the data. */
    private Process launch(Path data, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-Dlogback.configurationFile=logback.xml",
                "-Dfc.log.level=DEBUG",
                "-cp",
                System.getProperty("java.class.path"),
                IvrServerMain.class.getName(),
                data.resolve("test-config.yaml").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    private void awaitReady(ApiClient api, Process p, String name) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(dir.resolve(name + ".log")));
            }
            if (api.ready()) {
                return;
            }
            p.waitFor(50, TimeUnit.MILLISECONDS); // wakes early if it dies
        }
        throw new AssertionError("the server did not become ready within " + START);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- logs

    /** Every log line from now on, the IVR's, Asterisk-Java's, Vert.x's and Lettuce's at DEBUG and more. */
    private static ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("io.firstcontact", "org.asteriskjava", "io.vertx", "io.lettuce")) {
            context.getLogger(name).setLevel(name.startsWith("io.firstcontact") ? Level.TRACE : Level.DEBUG);
        }
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        for (String name : List.of("io.firstcontact", "org.asteriskjava", "io.vertx", "io.lettuce")) {
            context.getLogger(name).setLevel(null);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root).isNotNull();
    }

    private static String text(ILoggingEvent e) {
        StringBuilder all = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }
}
