package io.firstcontact.server.chat;

import io.firstcontact.channels.chat.ChatAdapter;
import io.firstcontact.channels.chat.ChatOptions;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.channels.conversation.SealingKey;
import io.firstcontact.channels.conversation.TranscriptStore;
import io.firstcontact.desktop.supervisor.ChatSupervision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.server.ivr.IvrService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's web chat. Its transcripts are kept sealed (AES-256-GCM) in {@code <dataDir>/transcripts/}, with the key
 * in {@code <dataDir>/transcripts.key}, never in the routing journal; each is deleted once nothing was written to it
 * for {@code chat.transcriptRetention} (a timer at the next one's deadline, at most a day ahead, and at every start). Built with the
 * server so that the desk can read conversations; {@link #start started} once routing is open and the IVR is up.
 */
public final class WebChat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebChat.class);
    /** The longest a retention timer is set for: a later deadline is looked at again then. */
    private static final long MAX_TIMER_MILLIS = TimeUnit.DAYS.toMillis(1);

    private final ChatOptions options;
    private final Vertx vertx;
    private final InstantSource clock;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "transcripts");
        t.setDaemon(true);
        return t;
    });
    private final ConversationBook book;
    private final RoutingReads reads;
    private volatile ChatAdapter adapter;
    private volatile boolean closed;
    private long expiryTimer = -1;

    public WebChat(
            ChatOptions options, Path dataDir, Vertx vertx, LiveView view, Executor engineThread, InstantSource clock) {
        this.options = options;
        this.vertx = vertx;
        this.clock = clock;
        Path dir = dataDir.resolve("transcripts");
        TranscriptStore store = new TranscriptStore(
                dir, SealingKey.loadOrCreate(dataDir.resolve("transcripts.key")), options.transcriptRetention());
        this.book = new ConversationBook(store, io, clock);
        this.reads = new ViewReads(view, engineThread);
    }

    public boolean enabled() {
        return options.enabled();
    }

    /** The written conversations, for the desk and the supervisor view. */
    public Conversations conversations() {
        return book;
    }

    /** The one book of every written channel: email and SMS keep their threads in it too, so the desk reads one. */
    public ConversationBook book() {
        return book;
    }

    /**
     * Opens the chat to residents: chats self-serve through {@code ivr}'s text front end (or queue at once without
     * one); the expired transcripts of every written channel go, and go on going at each one's deadline. Transcripts
     * asked for go out through {@code mailer} (without a mail server it fails, and the resident is told the transcript
     * could not be sent); the online link by text through {@code notifier}.
     */
    public void start(RoutingPort routing, IvrService ivr, Mailer mailer, Notifier notifier) throws Exception {
        expireNow(); // the book holds email and SMS threads too: they expire also when the chat is off
        if (!options.enabled()) {
            LOG.info("web chat disabled (chat.enabled: false)");
            return;
        }
        ChatAdapter a = new ChatAdapter(
                options,
                vertx,
                book,
                ivr == null ? null : new IvrSelfService(ivr.conversations()),
                reads,
                Objects.requireNonNull(mailer, "mailer"),
                Objects.requireNonNull(notifier, "notifier"),
                clock);
        a.start(routing).toCompletableFuture().get(30, TimeUnit.SECONDS);
        adapter = a;
    }

    /** Routing's intake: a chat's queueing kept for the configured advisors (see {@link ChatAdapter#shape}). */
    public Command shape(Command command) {
        ChatAdapter a = adapter;
        return a == null ? command : a.shape(command);
    }

    /** Joining and taking over chats, for the supervisor view. */
    public ChatSupervision supervision(RoutingPort routing) {
        return options.enabled() ? new ChatSupervisionPort(book, reads, routing) : ChatSupervision.NONE;
    }

    /** Mounts the chat's public endpoints ({@code /chat/…}) when it is started. */
    public void mount(Router router) {
        ChatAdapter a = adapter;
        if (a != null) {
            a.mount(router);
        }
    }

    /** The adapter, once started (for the metrics and tests); null before or when disabled. */
    public ChatAdapter adapter() {
        return adapter;
    }

    @Override
    public void close() {
        closed = true;
        ChatAdapter a = adapter;
        if (a != null) {
            try {
                a.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("web chat did not stop cleanly: {}", e.toString());
            }
        }
        synchronized (this) {
            if (expiryTimer != -1) {
                vertx.cancelTimer(expiryTimer);
            }
        }
        io.shutdown();
    }

    // ------------------------------------------------------------------ retention

    private void expireNow() {
        CompletableFuture.supplyAsync(() -> book.store().expire(clock.instant()), io)
                .whenComplete((next, e) -> {
                    if (e != null) {
                        LOG.warn("transcripts: the expired ones could not be deleted ({})", e.toString());
                    }
                    armExpiry(e == null ? next : clock.instant().plus(Duration.ofHours(1)));
                });
    }

    private synchronized void armExpiry(Instant next) {
        if (closed) {
            return;
        }
        // With none kept, the first one written from now on is the earliest to go.
        Instant due = next != null ? next : clock.instant().plus(options.transcriptRetention());
        long delay = Math.clamp(due.toEpochMilli() - clock.millis(), 1, MAX_TIMER_MILLIS);
        expiryTimer = vertx.setTimer(delay, t -> expireNow());
    }
}
