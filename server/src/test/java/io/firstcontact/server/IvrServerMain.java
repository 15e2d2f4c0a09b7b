package io.firstcontact.server;

import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The server with the IVR rig's residents as its account directory, for tests that run it in its own JVM (to kill it
 * with {@code kill -9}): {@code IvrServerMain <config.yaml>}.
 */
public final class IvrServerMain {
    private IvrServerMain() {}

    public static void main(String[] args) throws Exception {
        ServerConfig config = new ConfigLoader().load(Optional.of(Path.of(args[0])), Map.of());
        FirstContactServer server = new FirstContactServer(config, new Residents());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        server.start();
        stopped.await();
    }
}
