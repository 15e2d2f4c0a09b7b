package io.firstcontact.channels.voice.ami;

import io.firstcontact.channels.voice.VoiceObserver;
import io.firstcontact.channels.voice.VoiceOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
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
 * <p>Actions are sent with Asterisk-Java's asynchronous {@code sendAction}: the calling thread writes the action to the
 * socket (a blocking write, kept on the caller: a hop to a writer thread costs every action its latency); the response
 * completes the returned future on Asterisk-Java's dispatch thread. A response that does not come within {@code
 * responseTimeout}, or a connection that is down, fails the future.
 *
 * <p>A stuck Asterisk — alive on TCP but hung — is noticed by that same per-action deadline, armed before the write,
 * and the connection is dropped: its socket is closed under Asterisk-Java, so a write blocked on it fails at once (the
 * caller's thread goes on), and Asterisk-Java's reconnection takes the link up again; logged at ERROR with the host
 * and port, and told to the {@link VoiceObserver} with its {@link StuckLink reason}. Two things count as stuck:
 *
 * <ul>
 *   <li>a write that has not returned by the deadline: Asterisk stopped reading and the socket's buffers are full;
 *   <li>{@code maxMissedResponses} actions in a row unanswered by their deadline while their writes went through:
 *       Asterisk reads but no longer answers. Any answer, even a late one, starts the count again.
 * </ul>
 */
public final class AmiLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);

    private final VoiceOptions.Ami options;
    private final AmiTranslator translator;
    private final VoiceObserver observer;
    private volatile WatchedConnection connection;
    private volatile boolean closed;
    private Thread connector;

    /**
     * @param events receives every translated event on Asterisk-Java's dispatch thread: hand it off at once
     * @param observer hears of every stuck connection dropped, on the thread that noticed it
     */
    public AmiLink(VoiceOptions.Ami options, Consumer<AmiEvent> events, VoiceObserver observer) {
        this.options = options;
        this.translator = new AmiTranslator(events);
        this.observer = observer;
    }

    /** Starts connecting; {@link AmiEvent.Connected} says when it is done. */
    public synchronized void start() {
        if (connector == null) {
            connector = Thread.ofVirtual().name("ami-connect").start(this::connectUntilLoggedIn);
        }
    }

    public boolean connected() {
        WatchedConnection c = connection;
        return c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    private void connectUntilLoggedIn() {
        long wait = options.reconnectMin().toMillis();
        int attempt = 0;
        while (!closed) {
            attempt++;
            WatchedConnection c = newConnection();
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
            } catch (IOException | org.asteriskjava.manager.TimeoutException | IllegalStateException e) {
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

    private WatchedConnection newConnection() {
        WatchedConnection c = new WatchedConnection();
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
     * Sends an action. The future fails with {@link AmiException} when the link is down or Asterisk answered an error
     * ({@code Response: Error}, with its message), and with {@link TimeoutException} when no answer came in time.
     */
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        return exchange(
                action,
                options.responseTimeout(),
                (c, wire, done) -> c.sendAction(action, response -> {
                    if (response == null) {
                        done.completeExceptionally(
                                new AmiException(action.getAction() + ": the connection was lost before the response"));
                        return;
                    }
                    wire.answered();
                    if (response instanceof ManagerError error) {
                        done.completeExceptionally(new AmiException(action.getAction() + ": " + error.getMessage()));
                    } else {
                        done.complete(response);
                    }
                }));
    }

    /** Sends a list action (Status, CoreShowChannels) and completes with its items once the list is complete. */
    public CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        return exchange(
                action,
                options.responseTimeout().multipliedBy(2),
                (c, wire, done) -> c.sendEventGeneratingAction(action, events -> {
                    ManagerResponse r = events.getResponse();
                    if (r != null) {
                        wire.answered();
                    }
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
                        done.completeExceptionally(new AmiException(
                                action.getAction() + ": the connection was lost before the list ended"));
                    } else {
                        done.complete(items);
                    }
                }));
    }

    /** Writes an action through Asterisk-Java; its callback completes {@code done} and tells {@code wire} of answers. */
    @FunctionalInterface
    private interface Write<T> {
        void to(WatchedConnection c, Wire wire, CompletableFuture<T> done) throws IOException;
    }

    /** An action on its way: its answer, and whether its write has returned. */
    private static final class Sent<T> {
        final CompletableFuture<T> answer = new CompletableFuture<>();
        volatile boolean written;
    }

    /**
     * Writes on the calling thread, under the action's one deadline: armed before the write, it fails the answer when
     * none came in time and tells a write that never returned (Asterisk stopped reading) from an answer that never
     * came.
     */
    private <T> CompletableFuture<T> exchange(ManagerAction action, Duration deadline, Write<T> write) {
        Sent<T> sent = new Sent<>();
        WatchedConnection c = connection;
        Wire wire = c == null ? null : c.wire();
        if (wire == null || c.getState() != ManagerConnectionState.CONNECTED) {
            sent.answer.completeExceptionally(new AmiException(action.getAction() + ": not connected to Asterisk"));
            return sent.answer;
        }
        sent.answer.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (e instanceof TimeoutException) {
                timedOut(action, deadline, wire, sent.written);
            }
        });
        try {
            write.to(c, wire, sent.answer);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            sent.answer.completeExceptionally(new AmiException(action.getAction() + ": " + e.getMessage()));
        } finally {
            sent.written = true;
        }
        return sent.answer;
    }

    /** On the timer's thread: an action's deadline passed without its answer. */
    private void timedOut(ManagerAction action, Duration deadline, Wire wire, boolean written) {
        if (!written) {
            drop(
                    wire,
                    StuckLink.WRITE_STUCK,
                    "stopped reading: the write of " + action.getAction() + " had not returned after "
                            + deadline.toMillis() + " ms");
            return;
        }
        int missed = wire.missed();
        if (missed >= options.maxMissedResponses()) {
            drop(
                    wire,
                    StuckLink.NO_RESPONSES,
                    "answered none of the last " + missed + " actions within " + deadline.toMillis() + " ms");
        } else if (missed == 1) {
            // The first of a run only: an Asterisk that answers nothing would otherwise log every action.
            LOG.warn(
                    "AMI: Asterisk at {}:{} did not answer {} within {} ms; after {} unanswered in a row the"
                            + " connection is dropped and taken up again",
                    options.host(),
                    options.port(),
                    action.getAction(),
                    deadline.toMillis(),
                    options.maxMissedResponses());
        }
    }

    /** Cuts a stuck connection, once; Asterisk-Java's reconnection takes it up again and the adapter resynchronises. */
    private void drop(Wire wire, StuckLink why, String what) {
        if (closed || !wire.markCut()) {
            return;
        }
        LOG.error(
                "AMI: Asterisk at {}:{} {}; the connection is dropped and taken up again (calls in Asterisk go on,"
                        + " the adapter resynchronises once logged in)",
                options.host(),
                options.port(),
                what);
        wire.cut();
        observer.amiLinkDropped(why);
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
        WatchedConnection c = connection;
        if (c != null) {
            // Logoff writes too, and waits for its answer: a stuck Asterisk must not hold up the stop for good.
            Wire wire = c.wire();
            CompletableFuture<Void> loggedOff = new CompletableFuture<>();
            loggedOff
                    .orTimeout(options.responseTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                    .whenComplete((r, e) -> {
                        if (e instanceof TimeoutException && wire != null && wire.markCut()) {
                            wire.cut();
                        }
                    });
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED
                        || c.getState() == ManagerConnectionState.RECONNECTING) {
                    c.logoff();
                }
            } catch (IllegalStateException e) {
                LOG.debug("AMI logoff: {}", e.getMessage());
            } finally {
                loggedOff.complete(null);
            }
        }
    }
}
