package io.firstcontact.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A staff push connection (a desk's, a wallboard's) and the messages it receives, for tests without a browser. */
public final class PushClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    /** Opens {@code path} ({@code /desk/push}, {@code /supervisor/push?chats=joined}) as {@code who}, resuming after {@code after} (or null). */
    public PushClient(StaffClient who, String baseUrl, String path, String after) throws Exception {
        String ws = baseUrl.replace("http:", "ws:")
                + path
                + (after == null ? "" : (path.contains("?") ? "&" : "?") + "after=" + after);
        socket = who.http.newWebSocketBuilder().buildAsync(URI.create(ws), this).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    /** The next message of this type (others are skipped), within ten seconds. */
    public JsonNode next(String type) throws InterruptedException {
        return next(m -> m.path("type").asText().equals(type), "a " + type + " message");
    }

    /** The next message that satisfies {@code check} (others are skipped), within ten seconds. */
    public JsonNode next(Predicate<JsonNode> check, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no " + what);
            }
            if (check.test(m)) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
