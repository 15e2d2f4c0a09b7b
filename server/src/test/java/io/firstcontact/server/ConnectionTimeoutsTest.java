package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection cannot hold the API's listener without sending a request: not silently, not by trickling its headers a
 * byte at a time, not by keeping a finished connection open; an event stream, quiet or not, stays open. Run with a
 * header-read timeout of 500 ms and an idle timeout of 2 s.
 */
class ConnectionTimeoutsTest {
    private static final Duration HEADER_READ = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(
                dir.resolve("data"), Map.of("api", Map.of("headerReadTimeout", "500ms", "idleTimeout", "2s")));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", s.server.apiPort());
        socket.setSoTimeout(100);
        return socket;
    }

    /**
     * Reads until the server closes the connection, calling {@code meanwhile} each time 100 ms pass without a byte;
     * returns how long it took and what was read.
     */
    private static Closed readUntilClosed(Socket socket, Runnable meanwhile) throws IOException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(20).toNanos();
        InputStream in = socket.getInputStream();
        StringBuilder read = new StringBuilder();
        while (System.nanoTime() < deadline) {
            try {
                int b = in.read();
                if (b < 0) {
                    return new Closed(Duration.ofNanos(System.nanoTime() - start), read.toString());
                }
                read.append((char) b);
            } catch (SocketTimeoutException e) {
                meanwhile.run();
            } catch (SocketException e) { // reset: closed as well
                return new Closed(Duration.ofNanos(System.nanoTime() - start), read.toString());
            }
        }
        throw new AssertionError("the connection is still open after 20 s; read: " + read);
    }

    record Closed(Duration after, String read) {}

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderReadTimeout() throws Exception {
        try (Socket socket = connect()) {
            Closed closed = readUntilClosed(socket, () -> {});
            assertThat(closed.after())
                    .isGreaterThanOrEqualTo(HEADER_READ.minusMillis(50))
                    .isLessThan(IDLE);
            assertThat(closed.read()).isEmpty();
        }
    }

    @Test
    void headersTrickledAByteAtATimeAreCutAtTheHeaderReadTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            Closed closed = readUntilClosed(socket, () -> {
                try {
                    out.write('a'); // one byte every 100 ms: never idle, never done
                    out.flush();
                } catch (IOException e) {
                    // closed meanwhile: the next read says so
                }
            });
            assertThat(closed.after()).isLessThan(IDLE);
            assertThat(closed.read()).isEmpty();
        }
    }

    @Test
    void aKeptAliveConnectionWithoutAnotherRequestIsClosedAtTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("GET /api/v1/queues HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                    + TestServer.TOKENS.get("admin") + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            Closed closed = readUntilClosed(socket, () -> {});
            assertThat(closed.read()).startsWith("HTTP/1.1 200");
            assertThat(closed.after()).isGreaterThanOrEqualTo(IDLE.minusMillis(100));
        }
    }

    @Test
    void aQuietEventStreamOutlivesTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                    + TestServer.TOKENS.get("admin") + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder read = new StringBuilder();
            long until = System.nanoTime() + IDLE.multipliedBy(2).toNanos();
            while (System.nanoTime() < until) {
                try {
                    int b = in.read();
                    assertThat(b)
                            .as("the stream is still open; read so far: " + read)
                            .isNotNegative();
                    read.append((char) b);
                } catch (SocketTimeoutException e) {
                    // nothing for 100 ms: read on
                }
            }
            assertThat(read.toString()).startsWith("HTTP/1.1 200").contains(": keep-alive");
        }
    }

    @Test
    void requestsOnAKeptAliveConnectionAreAnsweredOneAfterAnother() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(s.get("admin", "/api/v1/queues").status()).isEqualTo(200);
        }
    }
}
