package io.firstcontact.channels.voice.ami;

import io.firstcontact.channels.voice.VoiceOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager connection, through Asterisk-Java. Logging in blocks, so it runs on a virtual thread, retried with a
 * backoff that doubles from {@code reconnectMin} to {@code reconnectMax} (with jitter) while Asterisk is unreachable or
 * refuses the login. Once logged in, a dropped connection is taken up again by Asterisk-Java itself (ten quick
 * attempts, then every five seconds), which announces each reconnection with an {@link AmiEvent.Connected}.
 *
 * <p>Actions are sent with Asterisk-Java's asynchronous {@code sendAction}: the calling thread only writes the action
 * to the socket; the response completes the returned future on Asterisk-Java's dispatch thread. A response that does
 * not come within {@code responseTimeout}, or a connection that is down, fails the future.
 */
public final class AmiLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);

    private final VoiceOptions.Ami options;
    private final AmiTranslator translator;
    private volatile ManagerConnectionImpl connection;
    private volatile boolean closed;
    private Thread connector;

    /** @param events receives every translated event on Asterisk-Java's dispatch thread: hand it off at once */
    public AmiLink(VoiceOptions.Ami options, Consumer<AmiEvent> events) {
        this.options = options;
        this.translator = new AmiTranslator(events);
    }

    /** Starts connecting; {@link AmiEvent.Connected} says when it is done. */
    public synchronized void start() {
        if (connector == null) {
            connector = Thread.ofVirtual().name("ami-connect").start(this::connectUntilLoggedIn);
        }
    }

    public boolean connected() {
        ManagerConnectionImpl c = connection;
        return c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    private void connectUntilLoggedIn() {
        long wait = options.reconnectMin().toMillis();
        int attempt = 0;
        while (!closed) {
            attempt++;
            ManagerConnectionImpl c = newConnection();
            // Set before the login: its ConnectEvent (the adapter resynchronises on it) comes from inside login().
            connection = c;
            try {
                c.login(VoiceOptions.Ami.EVENTS);
                if (closed) {
                    c.logoff();
                    return;
                }
                LOG.info(
                        "AMI: logged in to {}:{} as {} (attempt {})",
                        options.host(),
                        options.port(),
                        options.username(),
                        attempt);
                return;
            } catch (AuthenticationFailedException e) {
                LOG.warn(
                        "AMI: {}:{} refused the login of manager user {}: check voice.ami.username and its secret"
                                + " (FC_AMI_SECRET) against manager.conf; trying again in {} ms",
                        options.host(),
                        options.port(),
                        options.username(),
                        wait);
            } catch (IOException | TimeoutException | IllegalStateException e) {
                LOG.warn(
                        "AMI: cannot reach Asterisk at {}:{} ({}); trying again in {} ms",
                        options.host(),
                        options.port(),
                        e.getMessage(),
                        wait);
            }
            sleep(wait + ThreadLocalRandom.current().nextLong(wait / 4 + 1));
            wait = Math.min(wait * 2, options.reconnectMax().toMillis());
        }
    }

    private ManagerConnectionImpl newConnection() {
        ManagerConnectionImpl c = new ManagerConnectionImpl();
        c.setHostname(options.host());
        c.setPort(options.port());
        c.setUsername(options.username());
        c.setPassword(options.secret());
        c.setDefaultResponseTimeout(options.responseTimeout().toMillis());
        c.setDefaultEventTimeout(options.responseTimeout().toMillis());
        c.setSocketTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.responseTimeout().toMillis()));
        c.addEventListener(translator);
        return c;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends an action. The future fails with {@link AmiException} when the link is down, the response is an error
     * ({@code Response: Error}, with its message), or no response came in time.
     */
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        CompletableFuture<ManagerResponse> done = new CompletableFuture<>();
        ManagerConnectionImpl c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            done.completeExceptionally(new AmiException(action.getAction() + ": not connected to Asterisk"));
            return done;
        }
        try {
            c.sendAction(action, response -> {
                if (response == null) {
                    done.completeExceptionally(
                            new AmiException(action.getAction() + ": the connection was lost before the response"));
                } else if (response instanceof ManagerError error) {
                    done.completeExceptionally(new AmiException(action.getAction() + ": " + error.getMessage()));
                } else {
                    done.complete(response);
                }
            });
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            done.completeExceptionally(new AmiException(action.getAction() + ": " + e.getMessage()));
        }
        return done.orTimeout(options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a list action (Status, CoreShowChannels) and completes with its items once the list is complete. */
    public CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        CompletableFuture<List<ResponseEvent>> done = new CompletableFuture<>();
        ManagerConnectionImpl c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            done.completeExceptionally(new AmiException(action.getAction() + ": not connected to Asterisk"));
            return done;
        }
        try {
            c.sendEventGeneratingAction(action, events -> {
                ManagerResponse r = events.getResponse();
                if (r instanceof ManagerError error) {
                    done.completeExceptionally(new AmiException(action.getAction() + ": " + error.getMessage()));
                    return;
                }
                List<ResponseEvent> items = new ArrayList<>();
                boolean complete = false;
                for (ResponseEvent e : events.getEvents()) {
                    if (action.getActionCompleteEventClass().isInstance(e)) {
                        complete = true;
                    } else {
                        items.add(e);
                    }
                }
                if (r == null || !complete) {
                    done.completeExceptionally(
                            new AmiException(action.getAction() + ": the connection was lost before the list ended"));
                } else {
                    done.complete(items);
                }
            });
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            done.completeExceptionally(new AmiException(action.getAction() + ": " + e.getMessage()));
        }
        return done.orTimeout(options.responseTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Logs off and stops reconnecting. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = connector;
        }
        if (t != null) {
            t.interrupt();
        }
        ManagerConnectionImpl c = connection;
        if (c != null) {
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED
                        || c.getState() == ManagerConnectionState.RECONNECTING) {
                    c.logoff();
                }
            } catch (IllegalStateException e) {
                LOG.debug("AMI logoff: {}", e.getMessage());
            }
        }
    }
}
