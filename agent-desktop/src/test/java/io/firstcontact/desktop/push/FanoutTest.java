package io.firstcontact.desktop.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.desktop.staff.StaffPrincipal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One message to many connections, a slice at a time, in order, with the loop's other work between the slices. */
class FanoutTest {
    private final Vertx vertx = Vertx.vertx();
    private final Context loop = vertx.getOrCreateContext();
    private final List<String> happened = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close();
    }

    /** A connection that notes what it was sent. */
    private final class Noted implements PushConnection {
        private final String name;
        final List<String> received = new CopyOnWriteArrayList<>();

        Noted(String name) {
            this.name = name;
        }

        @Override
        public StaffPrincipal principal() {
            return null;
        }

        @Override
        public Context context() {
            return loop;
        }

        @Override
        public void send(String json) {
            received.add(json);
            happened.add(name + " " + json);
        }

        @Override
        public void close(String reason) {}

        @Override
        public boolean closed() {
            return false;
        }
    }

    private List<Noted> connections(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Noted("c" + i)).toList();
    }

    @Test
    void everyConnectionGetsTheMessagesInTheOrderGivenAcrossSlices() throws Exception {
        Fanout fanout = new Fanout(2);
        List<Noted> to = connections(5);
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (String m : List.of("m1", "m2", "m3")) {
            CompletableFuture<Void> w = new CompletableFuture<>();
            fanout.send(m, to, () -> w.complete(null));
            written.add(w);
        }

        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        for (Noted c : to) {
            assertThat(c.received).containsExactly("m1", "m2", "m3");
        }
    }

    @Test
    void workGivenToTheLoopMeanwhileRunsBetweenTheSlices() throws Exception {
        Fanout fanout = new Fanout(1);
        List<Noted> to = connections(3);
        CompletableFuture<Void> written = new CompletableFuture<>();
        loop.runOnContext(v -> {
            fanout.send("m", to, () -> written.complete(null));
            loop.runOnContext(w -> happened.add("a routing command")); // arrives while the message is being written
        });

        written.get(10, TimeUnit.SECONDS);
        assertThat(happened).containsExactly("c1 m", "a routing command", "c2 m", "c3 m");
    }

    @Test
    void aMessageToNobodyIsWrittenAtOnce() {
        boolean[] written = {false};
        new Fanout(1).send("m", List.of(), () -> written[0] = true);
        assertThat(written[0]).isTrue();
    }
}
