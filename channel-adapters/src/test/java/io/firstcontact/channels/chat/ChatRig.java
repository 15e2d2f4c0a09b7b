package io.firstcontact.channels.chat;

import static io.firstcontact.channels.TestRouting.join;

import io.firstcontact.channels.TestRouting;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.SealingKey;
import io.firstcontact.channels.conversation.TranscriptStore;
import io.firstcontact.router.api.notify.Message;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web chat on a real HTTP listener on a free port, against real routing ({@link TestRouting}), transcripts kept in
 * a temporary directory. Mails and texts it sends are recorded.
 */
final class ChatRig implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final TestRouting routing;
    final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "transcripts"));
    final ConversationBook book;
    final ChatAdapter chat;
    final HttpServer server;
    final List<String[]> mails = new CopyOnWriteArrayList<>();
    final List<Message> texts = new CopyOnWriteArrayList<>();
    final Path dir;

    ChatRig(Path dir, ChatOptions options) {
        this(dir, options, null, new TestRouting());
    }

    ChatRig(Path dir, ChatOptions options, SelfService selfService, TestRouting routing) {
        this.dir = dir;
        this.routing = routing;
        this.book = new ConversationBook(
                new TranscriptStore(
                        dir, SealingKey.loadOrCreate(dir.resolve("transcripts.key")), options.transcriptRetention()),
                io,
                InstantSource.system());
        this.chat = new ChatAdapter(
                options,
                vertx,
                book,
                selfService,
                routing,
                (to, subject, text) -> {
                    mails.add(new String[] {to, subject, text});
                    return CompletableFuture.completedFuture(null);
                },
                m -> {
                    texts.add(m);
                    return CompletableFuture.completedFuture(null);
                },
                InstantSource.system());
        Router router = Router.router(vertx);
        chat.mount(router);
        this.server = join(vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage());
        join(chat.start(routing));
    }

    int port() {
        return server.actualPort();
    }

    Resident resident() {
        return new Resident(vertx, port());
    }

    @Override
    public void close() {
        join(chat.stop());
        join(vertx.close().toCompletionStage());
        io.shutdownNow();
        routing.close();
    }
}
