package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.payment.TestCard;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where card data must never be, searched: text (logs, event streams, traces, metrics), every file of a data
 * directory (the Redis AOF among them), and every key of the journal's Redis read back whole. The card numbers
 * planted are the sandbox's test cards, with the expiry and security code every test keys.
 */
final class CardDataNowhere {
    /** The expiry and security code the tests key with every card: distinctive, so that a hit is no accident. */
    static final String EXPIRY = "0731";

    static final String CODE = "739";

    private CardDataNowhere() {}

    /** What must not appear: every test card number (whole, and its first twelve digits), and the expiry as typed. */
    static List<String> secrets() {
        List<String> s = new ArrayList<>();
        for (TestCard c : TestCard.values()) {
            s.add(c.number());
            s.add(c.number().substring(0, 12));
        }
        s.add("07/31");
        return s;
    }

    /** Asserts that {@code text} holds no card data; {@code where} names it in the failure. */
    static void assertClean(String where, String text) {
        assertNone(where, text, secrets());
    }

    /**
     * A Prometheus exposition without its sample values: what a meter could leak is in its name, labels and help
     * text, while a value is a double whose digits can hold a test card's first twelve by chance ({@code
     * 0.14000000000000001} holds {@code 400000000000}).
     */
    static String withoutSampleValues(String exposition) {
        return SAMPLE_VALUE.matcher(exposition).replaceAll("$1");
    }

    /** A sample line's value and optional timestamp, after its name and labels (group 1). */
    private static final Pattern SAMPLE_VALUE =
            Pattern.compile("(?m)^([^#\\n][^\\n]*?)(?:[ \\t]+(?:[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[-+]Inf))+$");

    /** Asserts that {@code text} holds none of {@code secrets}. */
    static void assertNone(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text).as(where + " holds card data").doesNotContain(secret);
        }
    }

    /** Every file under {@code dir}, read as bytes (the AOF is Redis' commands as sent, uncompressed). */
    static int assertFilesClean(Path dir) throws IOException {
        return assertFilesHoldNone(dir, secrets());
    }

    static int assertFilesHoldNone(Path dir, List<String> secrets) throws IOException {
        int files = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertNone(p.toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), secrets);
                files++;
            }
        }
        return files;
    }

    /** Every key of the embedded Redis in {@code data}, its value read back whole (streams entry by entry). */
    static int assertRedisClean(Path data) throws IOException {
        return assertRedisHoldsNone(data, secrets());
    }

    static int assertRedisHoldsNone(Path data, List<String> secrets) throws IOException {
        Map<String, String> state = RedisFailureTest.state(data);
        RedisURI uri = RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(Integer.parseInt(state.get("port")))
                .withPassword(
                        Optional.ofNullable(state.get("password")).orElse("").toCharArray())
                .build();
        RedisClient client = RedisClient.create(uri);
        int keys = 0;
        try (StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> r = c.sync();
            for (byte[] key : r.keys("*")) {
                String name = new String(key, StandardCharsets.UTF_8);
                StringBuilder value = new StringBuilder();
                switch (r.type(key)) {
                    case "string" -> value.append(latin1(r.get(key)));
                    case "stream" -> {
                        for (StreamMessage<byte[], byte[]> m : r.xrange(key, Range.create("-", "+"))) {
                            m.getBody()
                                    .forEach((k, v) ->
                                            value.append(latin1(k)).append('=').append(latin1(v)));
                        }
                    }
                    case "hash" ->
                        r.hgetall(key).forEach((k, v) -> value.append(latin1(k)).append(latin1(v)));
                    case "list" -> r.lrange(key, 0, -1).forEach(v -> value.append(latin1(v)));
                    case "set" -> r.smembers(key).forEach(v -> value.append(latin1(v)));
                    case "zset" -> r.zrange(key, 0, -1).forEach(v -> value.append(latin1(v)));
                    default -> throw new AssertionError("Redis key " + name + " of a type the search does not read");
                }
                assertNone("Redis key " + name, value.toString(), secrets);
                keys++;
            }
        } finally {
            client.shutdown();
        }
        return keys;
    }

    private static String latin1(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.ISO_8859_1);
    }
}
