package io.firstcontact.channels.voice.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The peer answers as the recorded Asterisk 20 did: the same bytes for the same action where nothing varies (banner,
 * refused login, unknown action, missing channel, goodbye), the same headers in the same order where values do
 * (timestamps).
 */
class PeerFidelityTest {
    private static final ManagerUser LAB = new ManagerUser(
            "router",
            "routerpass",
            Set.of("system", "call", "agent", "user", "cdr"),
            Set.of("call", "originate", "reporting", "system"));

    /** One manager connection to the peer, reading whole messages. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final AmiFramer framer = new AmiFramer(true);
        final List<AmiMessage> pending = new ArrayList<>();

        Client(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(byte[] action) throws Exception {
            out.write(action);
            out.flush();
        }

        AmiMessage next() throws Exception {
            byte[] buf = new byte[4096];
            while (pending.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    return null;
                }
                pending.addAll(framer.feed(buf, 0, n));
            }
            return pending.removeFirst();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    /** The recorded request and Asterisk's answer to it, as messages. */
    private static List<AmiMessage[]> recordedExchanges(String file) {
        Transcript t = Transcript.load(file);
        List<AmiMessage[]> exchanges = new ArrayList<>();
        List<Transcript.Chunk> chunks = t.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            if (!chunks.get(i).from().equals("C")) {
                continue;
            }
            AmiMessage request =
                    new AmiFramer(false).feed(chunks.get(i).bytes()).getFirst();
            for (int j = i + 1; j < chunks.size(); j++) {
                if (chunks.get(j).from().equals("S")) {
                    exchanges.add(new AmiMessage[] {
                        request,
                        new AmiFramer(false).feed(chunks.get(j).bytes()).getFirst()
                    });
                    break;
                }
            }
        }
        return exchanges;
    }

    private static AmiMessage answerTo(String file, String action) {
        return recordedExchanges(file).stream()
                .filter(e -> action.equalsIgnoreCase(e[0].get("Action")))
                .findFirst()
                .orElseThrow()[1];
    }

    private static AmiMessage[] exchange(String file, String actionId) {
        return recordedExchanges(file).stream()
                .filter(e -> actionId.equals(e[0].get("ActionID")))
                .findFirst()
                .orElseThrow();
    }

    private static AmiMessage requestOf(String file, String action) {
        return recordedExchanges(file).stream()
                .filter(e -> action.equalsIgnoreCase(e[0].get("Action")))
                .findFirst()
                .orElseThrow()[0];
    }

    @Test
    void aWrongSecretIsRefusedAfterASecondAndTheConnectionCloses() throws Exception {
        try (AsteriskPeer peer = AsteriskPeer.start(1, LAB);
                Client c = new Client(peer.amiPort())) {
            assertThat(c.next().toString()).isEqualTo("Asterisk Call Manager/9.0.0\r\n\r\n");
            long t0 = System.nanoTime();
            c.send(requestOf("ami-actions-misc.txt", "Login").bytes());
            AmiMessage answer = c.next();
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertThat(answer.toString())
                    .isEqualTo(new String(
                            Transcript.load("ami-actions-misc.txt")
                                    .chunks()
                                    .get(2)
                                    .bytes(),
                            StandardCharsets.UTF_8));
            assertThat(waited).isGreaterThanOrEqualTo(900);
            assertThat(c.next()).isNull();
        }
    }

    @Test
    void actionsWithoutStateAreAnsweredWithTheRecordedBytes() throws Exception {
        try (AsteriskPeer peer = AsteriskPeer.start(1, LAB);
                Client c = new Client(peer.amiPort())) {
            c.next();
            for (String id : List.of("login-2", "gv-2", "bad-action-1", "bad-orig-1", "ev-off", "logoff-1")) {
                AmiMessage[] recorded = exchange("ami-actions-misc.txt", id);
                c.send(recorded[0].bytes());
                assertThat(c.next().toString()).as(id).isEqualTo(recorded[1].toString());
            }
        }
    }

    @Test
    void answersThatCarryTimesHaveTheRecordedHeadersInTheRecordedOrder() throws Exception {
        try (AsteriskPeer peer = AsteriskPeer.start(1, LAB);
                Client c = new Client(peer.amiPort())) {
            c.next();
            c.send(AmiMessage.parse(List.of("Action: Login", "Username: router", "Secret: routerpass", "Events: off"))
                    .bytes());
            c.next();
            for (String action : List.of("Ping")) {
                AmiMessage recordedRequest = requestOf("ami-actions-misc.txt", action);
                c.send(recordedRequest.bytes());
                AmiMessage ours = c.next();
                AmiMessage recorded = answerTo("ami-actions-misc.txt", action);
                assertThat(names(ours)).as(action).isEqualTo(names(recorded));
            }
        }
    }

    private static List<String> names(AmiMessage m) {
        return m.headers().stream().map(h -> h[0]).toList();
    }
}
