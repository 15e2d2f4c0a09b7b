package io.firstcontact.channels.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.conversation.Conversation;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.text.TextTurn;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The residents' chats and their life with routing: a chat is created as an interaction in self-service, runs the
 * IVR's flows in text, waits in its queue with its place and expected wait pushed to the page, is connected to an
 * advisor, and ends — after which its resident may come back within the resume window and carry on. Everything a chat
 * does happens on the chat's own event-loop context, in order; routing's committed entries, the pages' frames and the
 * timers hop onto it. Timers are deadlines only: a question's time, a dropped page's grace, an unanswered message.
 */
final class Chats implements EffectSink {
    static final String SOURCE = "chat";
    static final String CHANNEL = "chat";
    /** The attributes that carry what the resident gave in the pre-chat form (personal: sealed in the journal). */
    static final String NAME_ATTRIBUTE = "residentName";

    static final String CONTACT_ATTRIBUTE = "residentContact";
    /** How long a resumed chat prefers the advisor it was with. */
    static final long PREFER_LAST_ADVISOR_MILLIS = 5 * 60_000L;

    private static final Logger LOG = LoggerFactory.getLogger(Chats.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,24}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter HOURS =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/London"));
    private static final long TRANSCRIPT_EVERY_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Context context;
    private final ChatOptions options;
    private final ConversationBook book;
    private final SelfService selfService;
    private final RoutingReads reads;
    private final Mailer mailer;
    private final Notifier notifier;
    private final InstantSource clock;
    private final RateLimit messages;
    private final Map<String, ChatSession> bySession = new ConcurrentHashMap<>();
    private final Map<String, ChatSession> byInteraction = new ConcurrentHashMap<>();
    /** Queues with chats waiting in them, and how many: read by the routing thread to pick the entries that matter. */
    private final Map<String, Integer> waitingQueues = new ConcurrentHashMap<>();
    /** Queues whose waiting chats' standing is to be pushed again, at the context's next turn. */
    private final Set<String> dirtyQueues = new LinkedHashSet<>();

    private volatile RoutingPort routing;
    private volatile boolean stopped;

    /**
     * @param selfService the IVR's text front end, or null: chats then queue at once in {@link ChatOptions#queue()}
     */
    Chats(
            Vertx vertx,
            Context context,
            ChatOptions options,
            ConversationBook book,
            SelfService selfService,
            RoutingReads reads,
            Mailer mailer,
            Notifier notifier,
            InstantSource clock) {
        this.vertx = vertx;
        this.context = context;
        this.options = options;
        this.book = book;
        this.selfService = selfService;
        this.reads = reads;
        this.mailer = mailer;
        this.notifier = notifier;
        this.clock = clock;
        int perMinute = options.messagesPerMinute();
        this.messages = new RateLimit(clock, perMinute, Math.max(5, perMinute / 5), 100_000);
    }

    void start(RoutingPort port) {
        this.routing = port;
        this.stopped = false;
    }

    void stop() {
        stopped = true;
        context.runOnContext(v -> {
            for (ChatSession s : bySession.values()) {
                if (s.socket != null) {
                    s.socket.close(1001, "the server is stopping");
                }
                cancelTimers(s);
            }
        });
    }

    /** Chats held now (live, or ended and still within the resume window). */
    int size() {
        return bySession.size();
    }

    /** Chats connected to an advisor now. */
    long connected() {
        return bySession.values().stream()
                .filter(s -> s.phase == ChatSession.Phase.CONNECTED)
                .count();
    }

    // ------------------------------------------------------------------ opening a chat

    /** What a new chat's page is given: its id and the secret it reconnects with. */
    record Opened(String sessionId, String token) {}

    /** The pre-chat form, checked. */
    record Form(String name, String contact, String topic) {}

    /** Opens a chat: its interaction is created in self-service and its IVR (or its queueing) begins. */
    CompletableFuture<Opened> open(Form form, String clientAddress) {
        CompletableFuture<Opened> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            RoutingPort r = routing;
            if (r == null || stopped) {
                done.completeExceptionally(new IllegalStateException("the chat is not open yet"));
                return;
            }
            String sessionId = token(16);
            String token = token(32);
            Conversation c = book.start(conversationKey(sessionId), CHANNEL, this::deliver);
            ChatSession s = new ChatSession(
                    sessionId, hash(token), form.name(), form.contact(), form.topic(), clientAddress, c);
            ObjectNode record = Frames.JSON
                    .createObjectNode()
                    .put("t", "session")
                    .put("id", sessionId)
                    .put("tokenHash", Base64.getEncoder().encodeToString(s.tokenHash))
                    .put("name", form.name())
                    .put("contact", form.contact())
                    .put("topic", form.topic())
                    .put("at", clock.millis());
            book.keep(c.key(), record);
            bySession.put(sessionId, s);
            String interactionId = newInteraction(s, null, null);
            r.submit(SOURCE, null, create(s, interactionId, null))
                    .whenComplete((d, e) -> context.runOnContext(x -> {
                        if (e != null || d.refused()) {
                            forget(s);
                            done.completeExceptionally(
                                    new IllegalStateException(e != null ? "routing is unavailable" : refusal(d)));
                            return;
                        }
                        done.complete(new Opened(sessionId, token));
                        s.phase = ChatSession.Phase.SELF_SERVICE;
                        c.add(
                                Author.CENTRE,
                                "Hello " + s.name + ", welcome to the council's web chat.",
                                clock.millis());
                        beginSelfService(s);
                    }));
        });
        return done;
    }

    /** Registers the next interaction of a chat (its first, or a resumption) and returns its id. */
    private String newInteraction(ChatSession s, String queue, String agentId) {
        String id;
        do {
            id = "chat-" + UUID.randomUUID();
        } while (CardNumberTripwire.containsCardNumber(id)); // an id's digit groups can read as a card number
        s.interactions++;
        s.interactionId = id;
        byInteraction.put(id, s);
        book.route(s.conversation, id);
        ObjectNode record = Frames.JSON
                .createObjectNode()
                .put("t", "interaction")
                .put("id", id)
                .put("n", s.interactions);
        book.keep(s.conversation.key(), record);
        return id;
    }

    private Command.CreateInteraction create(ChatSession s, String interactionId, QueueRequest queue) {
        String sourceRef = SOURCE + ":" + s.id + (s.interactions > 1 ? ":" + s.interactions : "");
        return new Command.CreateInteraction(
                interactionId,
                CHANNEL,
                Direction.INBOUND,
                sourceRef,
                s.id,
                null,
                Attributes.of(options.topicAttribute(), s.topic, NAME_ATTRIBUTE, s.name, CONTACT_ATTRIBUTE, s.contact),
                queue);
    }

    private void beginSelfService(ChatSession s) {
        if (selfService == null) {
            s.phase = ChatSession.Phase.WAITING;
            submit(new Command.QueueInteraction(s.interactionId, QueueRequest.to(options.queue())));
            push(s);
            return;
        }
        s.ivrBusy = true;
        push(s);
        Call call = new Call(s.interactionId, CHANNEL, phoneOf(s.contact), emailOf(s.contact), null);
        Attributes edge = Attributes.of(options.topicAttribute(), s.topic);
        String id = s.interactionId;
        selfService.start(call, edge).whenComplete((t, e) -> context.runOnContext(v -> turned(s, id, t, e)));
    }

    // ------------------------------------------------------------------ the resident's page

    /** A page's {@code hello}: attaches it to its chat (held, or read back from the store after a restart). */
    void hello(ResidentSocket socket, String sessionId, String token, long after) {
        if (sessionId == null || token == null || !TOKEN.matcher(sessionId).matches()) {
            socket.send(Frames.error(null, "unknown", "This chat has ended or is unknown."));
            socket.close(1008, "unknown chat");
            return;
        }
        ChatSession held = bySession.get(sessionId);
        if (held != null) {
            context.runOnContext(v -> attach(socket, held, token, after));
            return;
        }
        // Not held: a chat from before a restart, or one whose resume window passed. Its store is read off the loop.
        vertx.executeBlocking(() -> restore(sessionId), false)
                .onComplete(r -> context.runOnContext(v -> {
                    ChatSession s = r.succeeded() ? r.result() : null;
                    if (s == null) {
                        socket.send(Frames.error(null, "unknown", "This chat has ended or is unknown."));
                        socket.close(1008, "unknown chat");
                        return;
                    }
                    ChatSession raced = bySession.putIfAbsent(sessionId, s);
                    attach(socket, raced != null ? raced : s, token, after);
                }));
    }

    private void attach(ResidentSocket socket, ChatSession s, String token, long after) {
        if (!MessageDigest.isEqual(s.tokenHash, hash(token))) {
            socket.send(Frames.error(null, "unknown", "This chat has ended or is unknown."));
            socket.close(1008, "unknown chat");
            return;
        }
        if (socket.closed()) {
            return;
        }
        if (s.socket != null && s.socket != socket) {
            s.conversation.unfollow(s.socket);
            s.socket.close(4000, "opened elsewhere");
        }
        s.socket = socket;
        socket.session = s;
        boolean wasAway = s.away;
        s.away = false;
        cancel(s.graceTimer);
        s.graceTimer = -1;
        socket.send(Frames.of("welcome")
                .put("sessionId", s.id)
                .put("phase", s.phase.name())
                .put("lastSeq", s.conversation.lastSeq()));
        for (Entry e : s.conversation.follow(socket)) {
            if (e.seq() > after) {
                socket.added(e);
            }
        }
        push(s);
        if (wasAway && (s.waiting() || s.phase == ChatSession.Phase.CONNECTED)) {
            submit(new Command.CustomerReconnected(s.interactionId));
        }
        if (s.phase == ChatSession.Phase.QUEUED) {
            s.position = -1; // tell the page where it stands, whatever it was told before
            s.waitSeconds = -2;
            refreshStanding(s);
        }
        if (s.phase == ChatSession.Phase.SELF_SERVICE && s.question == null && !s.ivrBusy) {
            beginSelfService(s); // its IVR did not survive a restart: it starts again
        }
    }

    /** A frame from a page attached to a chat. Runs on the chat's context. */
    void frame(ResidentSocket socket, ObjectNode f) {
        ChatSession s = socket.session;
        if (s == null || s.socket != socket) {
            socket.send(Frames.error(null, "hello-first", "Say hello first."));
            return;
        }
        String type = f.path("type").asText("");
        switch (type) {
            case "say" -> say(s, f.path("id").asText(null), f.path("text").asText(null));
            case "typing" ->
                s.conversation.typing(Author.resident(s.name), f.path("on").asBoolean(false));
            case "leave" -> leave(s);
            case "continue" -> carryOn(s);
            case "email-transcript" -> emailTranscript(s, f.path("to").asText(null));
            case "text-link" -> textLink(s);
            default -> socket.send(Frames.error(null, "invalid", "Unknown message type."));
        }
    }

    /** The page's connection closed: the resident may be back within the grace period. */
    void closed(ResidentSocket socket) {
        context.runOnContext(v -> {
            ChatSession s = socket.session;
            if (s == null || s.socket != socket) {
                return;
            }
            s.conversation.unfollow(socket);
            s.socket = null;
            away(s);
        });
    }

    /**
     * The resident's page is gone. Waiting, routing keeps their place for its grace period and then counts the chat
     * abandoned; with an advisor it only notes it, and the chat ends here if the resident is not back in time.
     */
    private void away(ChatSession s) {
        if (s.phase == ChatSession.Phase.ENDED || s.phase == ChatSession.Phase.STARTING || s.away) {
            return;
        }
        s.away = true;
        submit(new Command.CustomerDisconnected(s.interactionId));
        if (s.phase == ChatSession.Phase.CONNECTED) {
            armGrace(s);
        }
    }

    private void armGrace(ChatSession s) {
        cancel(s.graceTimer);
        long grace = Math.max(1, options.disconnectGrace().toMillis());
        String id = s.interactionId;
        s.graceTimer = vertx.setTimer(grace, t -> {
            s.graceTimer = -1;
            if (s.socket == null && id.equals(s.interactionId) && s.phase == ChatSession.Phase.CONNECTED) {
                s.left = true;
                submit(new Command.EndInteraction(id, EndReason.CUSTOMER_LEFT));
            }
        });
    }

    private void say(ChatSession s, String clientId, String text) {
        ResidentSocket socket = s.socket;
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            socket.send(Frames.error(null, "invalid", "A message needs an id."));
            return;
        }
        Entry seen = s.conversation.byClientId(clientId);
        if (seen != null) {
            socket.send(Frames.ack(clientId, seen.seq()));
            return;
        }
        if (text == null || text.isBlank()) {
            socket.send(Frames.error(clientId, "invalid", "The message is empty."));
            return;
        }
        if (text.length() > options.maxMessageChars()) {
            socket.send(Frames.error(
                    clientId, "too-long", "A message is at most " + options.maxMessageChars() + " characters."));
            return;
        }
        if (!messages.take(s.id)) {
            socket.send(Frames.error(clientId, "rate-limited", "You are sending messages too fast: wait a moment."));
            return;
        }
        switch (s.phase) {
            case SELF_SERVICE -> answer(s, clientId, text);
            case ENDED -> socket.send(Frames.error(clientId, "ended", "This chat has ended."));
            case STARTING -> socket.send(Frames.error(clientId, "busy", "One moment, please."));
            default -> {
                Entry e = s.conversation.add(
                        Author.resident(s.name),
                        CardNumberTripwire.mask(text.strip()),
                        null,
                        List.of(),
                        clientId,
                        clock.millis());
                socket.send(Frames.ack(clientId, e.seq()));
                if (s.phase == ChatSession.Phase.CONNECTED && s.noResponseTimer == -1) {
                    armNoResponse(s);
                }
            }
        }
    }

    /** The resident's answer to the IVR's question. A card number is passed on as characters and never kept. */
    private void answer(ChatSession s, String clientId, String text) {
        if (s.question == null || s.ivrBusy) {
            s.socket.send(Frames.error(clientId, "busy", "One moment, please."));
            return;
        }
        boolean sensitive = s.question.sensitive();
        String shown = sensitive ? null : CardNumberTripwire.mask(text.strip());
        char[] chars = text.toCharArray();
        s.ivrBusy = true;
        s.question = null;
        cancel(s.questionTimer);
        String id = s.interactionId;
        CompletionStage<TextTurn> turn;
        try {
            turn = selfService.reply(id, chars);
        } catch (RuntimeException e) {
            s.ivrBusy = false;
            s.socket.send(Frames.error(clientId, "busy", "One moment, please."));
            return;
        }
        turn.whenComplete((t, e) -> context.runOnContext(v -> {
            if (e == null && t != null) {
                String echo = t.echo() != null ? t.echo() : shown;
                if (echo != null) {
                    Entry mine = s.conversation.add(
                            Author.resident(s.name), echo, null, List.of(), clientId, clock.millis());
                    if (s.socket != null) {
                        s.socket.send(Frames.ack(clientId, mine.seq()));
                    }
                }
            }
            turned(s, id, t, e);
        }));
    }

    private void turned(ChatSession s, String interactionId, TextTurn t, Throwable e) {
        s.ivrBusy = false;
        if (!interactionId.equals(s.interactionId) || s.phase != ChatSession.Phase.SELF_SERVICE) {
            return;
        }
        if (e != null) {
            LOG.warn("chat {}: the IVR failed ({}); the chat goes to the queue", interactionId, e.toString());
            s.phase = ChatSession.Phase.WAITING;
            submit(new Command.QueueInteraction(interactionId, QueueRequest.to(options.queue())));
            push(s);
            return;
        }
        for (String m : t.messages()) {
            s.conversation.add(Author.ASSISTANT, m, clock.millis());
        }
        if (t.question() != null) {
            s.question = t.question();
            long timeout = Math.max(1, t.question().timeout().toMillis());
            s.questionTimer = vertx.setTimer(timeout, x -> noReply(s, interactionId));
        } else if (t.ending() instanceof Ending.HandOver) {
            s.phase = ChatSession.Phase.WAITING;
        }
        push(s);
    }

    private void noReply(ChatSession s, String interactionId) {
        s.questionTimer = -1;
        if (s.question == null || s.ivrBusy || !interactionId.equals(s.interactionId)) {
            return;
        }
        s.question = null;
        s.ivrBusy = true;
        selfService
                .noReply(interactionId)
                .whenComplete((t, e) -> context.runOnContext(v -> turned(s, interactionId, t, e)));
    }

    private void leave(ChatSession s) {
        if (s.phase == ChatSession.Phase.ENDED) {
            return;
        }
        s.left = true;
        String id = s.interactionId;
        if (s.phase == ChatSession.Phase.SELF_SERVICE && selfService != null && !s.ivrBusy) {
            s.question = null;
            cancel(s.questionTimer);
            s.ivrBusy = true;
            selfService.leave(id).whenComplete((t, e) -> context.runOnContext(v -> s.ivrBusy = false));
            return;
        }
        submit(new Command.EndInteraction(id, EndReason.CUSTOMER_LEFT));
    }

    /** An ended chat goes on, within the resume window: a new interaction in the same conversation. */
    private void carryOn(ChatSession s) {
        if (s.phase != ChatSession.Phase.ENDED || !resumable(s)) {
            s.socket.send(Frames.error(null, "not-resumable", "This chat cannot be carried on; start a new one."));
            return;
        }
        cancel(s.forgetTimer);
        s.forgetTimer = -1;
        s.left = false;
        String queue = s.queue != null ? s.queue : options.queue();
        QueueRequest request = QueueRequest.to(queue);
        if (s.agentId != null) {
            request = request.withTargets(
                    List.of(new Target(s.agentId, clock.millis() + PREFER_LAST_ADVISOR_MILLIS, TargetMode.PREFER)));
        }
        String id = newInteraction(s, queue, s.agentId);
        s.phase = ChatSession.Phase.WAITING;
        s.endedAt = -1;
        s.conversation.open(true);
        s.conversation.add(Author.CENTRE, "You are back in the queue to carry on your conversation.", clock.millis());
        push(s);
        QueueRequest withTargets = request;
        routing.submit(SOURCE, null, create(s, id, withTargets)).whenComplete((d, e) -> {
            if (e != null || d.refused()) {
                LOG.warn("chat {}: a resumption was not routed: {}", id, e != null ? e.toString() : refusal(d));
                context.runOnContext(v -> {
                    if (id.equals(s.interactionId)) {
                        ended(s, "Sorry, the chat could not be carried on. Please try again later.");
                    }
                });
            }
        });
    }

    private void emailTranscript(ChatSession s, String to) {
        String address = to != null && !to.isBlank() ? to.strip() : emailOf(s.contact);
        if (address == null || !EMAIL.matcher(address).matches() || CardNumberTripwire.containsCardNumber(address)) {
            s.socket.send(Frames.error(null, "invalid", "Give an email address to send the transcript to."));
            return;
        }
        long now = clock.millis();
        if (s.transcriptSentAt >= 0 && now - s.transcriptSentAt < TRANSCRIPT_EVERY_MILLIS) {
            s.socket.send(Frames.error(null, "rate-limited", "The transcript was sent a moment ago."));
            return;
        }
        s.transcriptSentAt = now;
        StringBuilder text = new StringBuilder("Your web chat with the council\n\n");
        for (Entry e : s.conversation.entries()) {
            text.append('[')
                    .append(HOURS.format(java.time.Instant.ofEpochMilli(e.at())))
                    .append("] ")
                    .append(
                            e.author().name() == null
                                    ? e.author().role().name()
                                    : e.author().name())
                    .append(": ")
                    .append(e.text())
                    .append('\n');
        }
        mailer.send(address, "Your web chat transcript", text.toString())
                .whenComplete((v, e) -> context.runOnContext(x -> {
                    if (e != null) {
                        LOG.warn(
                                "chat {}: a transcript could not be emailed ({})",
                                s.id,
                                e.getClass().getSimpleName());
                        if (s.socket != null) {
                            s.socket.send(Frames.error(null, "unavailable", "The transcript could not be sent."));
                        }
                        s.transcriptSentAt = -1;
                        return;
                    }
                    s.conversation.add(
                            Author.CENTRE, "We have emailed this conversation to " + address + ".", clock.millis());
                }));
    }

    private void textLink(ChatSession s) {
        ChatOptions.Topic t = options.topic(s.topic);
        String phone = phoneOf(s.contact);
        if (t == null || t.onlineLink() == null || phone == null) {
            s.socket.send(Frames.error(null, "unavailable", "There is no link to text to you."));
            return;
        }
        notifier.send(Message.sms(phone, t.label() + " online: " + t.onlineLink()))
                .whenComplete((v, e) -> context.runOnContext(x -> s.conversation.add(
                        Author.CENTRE,
                        e == null ? "We have texted you the link." : "Sorry, the text could not be sent.",
                        clock.millis())));
    }

    /** A file the resident sent: kept with the conversation and shown to the advisor as a download. */
    CompletableFuture<Entry> upload(String sessionId, String token, String filename, String type, byte[] bytes) {
        CompletableFuture<Entry> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            ChatSession s = sessionId == null ? null : bySession.get(sessionId);
            if (s == null || token == null || !MessageDigest.isEqual(s.tokenHash, hash(token))) {
                done.completeExceptionally(new UnknownChatException());
                return;
            }
            if (s.phase == ChatSession.Phase.ENDED) {
                done.completeExceptionally(new IllegalStateException("this chat has ended"));
                return;
            }
            if (!messages.take(s.id)) {
                done.completeExceptionally(new RateLimitedException());
                return;
            }
            String id = "f" + (s.conversation.lastSeq() + 1) + "-"
                    + token(6).replace("-", "x").replace("_", "y");
            Attachment a = new Attachment(id, filename, type, bytes.length);
            book.io().execute(() -> {
                try {
                    book.store().putAttachment(s.conversation.key(), id, bytes);
                    context.runOnContext(x -> done.complete(s.conversation.add(
                            Author.resident(s.name),
                            "Sent a file: " + a.filename(),
                            null,
                            List.of(a),
                            null,
                            clock.millis())));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        });
        return done;
    }

    /** The chat does not exist, or its token is not the one given. */
    static final class UnknownChatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownChatException() {
            super("unknown chat");
        }
    }

    /** Too many messages or files in a short time. */
    static final class RateLimitedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RateLimitedException() {
            super("too many messages: wait a moment");
        }
    }

    // ------------------------------------------------------------------ staff's side

    /** A staff member's message: added to the conversation, which the resident's page follows. */
    private CompletionStage<Entry> deliver(Conversation c, Author author, String text, String clientId) {
        if (!c.open()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the resident has left the chat"));
        }
        Entry e = c.add(author, text, null, List.of(), clientId, clock.millis());
        ChatSession s = byInteraction.get(c.interactionId());
        if (s != null) {
            context.runOnContext(v -> {
                cancel(s.noResponseTimer);
                s.noResponseTimer = -1;
            });
        }
        return CompletableFuture.completedFuture(e);
    }

    private void armNoResponse(ChatSession s) {
        String id = s.interactionId;
        String agent = s.agentId;
        s.noResponseTimer =
                vertx.setTimer(Math.max(1, options.noResponseTimeout().toMillis()), t -> {
                    s.noResponseTimer = -1;
                    if (id.equals(s.interactionId)
                            && s.phase == ChatSession.Phase.CONNECTED
                            && agent.equals(s.agentId)) {
                        reassign(s, agent);
                    }
                });
    }

    /**
     * The advisor has not answered the resident in time: as with an offer nobody answers, the advisor is paused (not
     * ready, RONA — pending while their other work is open, so they get nothing new) and the chat goes back to its
     * queue with its place, for another advisor; its transcript goes with it.
     */
    private void reassign(ChatSession s, String agent) {
        String id = s.interactionId;
        LOG.info("chat {}: advisor {} did not answer in {}; offered again", id, agent, options.noResponseTimeout());
        s.conversation.add(
                Author.CENTRE,
                "Sorry for the wait: we are passing your conversation to another advisor.",
                clock.millis());
        s.phase = ChatSession.Phase.WAITING;
        push(s);
        routing.submit(
                        SOURCE,
                        null,
                        new Command.ChangePresence(
                                agent, PresenceState.NOT_READY, NotReadyReasons.RONA, Actor.SYSTEM, false))
                .whenComplete((d, e) -> submit(new Command.TransferToQueue(id, s.queue, true, Actor.SYSTEM)));
    }

    // ------------------------------------------------------------------ routing's decisions

    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            switch (f) {
                case Fact.VisitStarted v -> {
                    ChatSession s = byInteraction.get(v.interactionId());
                    if (s != null) {
                        hop(() -> visitStarted(s, v.interactionId(), v.queue()));
                    }
                    if (waitingQueues.containsKey(v.queue())) {
                        dirty(v.queue());
                    }
                }
                case Fact.VisitEnded v -> {
                    ChatSession s = byInteraction.get(v.interactionId());
                    if (s != null) {
                        hop(() -> visitEnded(s, v.interactionId(), v.queue()));
                    }
                    if (waitingQueues.containsKey(v.queue())) {
                        dirty(v.queue());
                    }
                }
                case Fact.InteractionEnded e -> {
                    ChatSession s = byInteraction.get(e.interactionId());
                    if (s != null) {
                        hop(() -> interactionEnded(s, e));
                    }
                }
                default -> {}
            }
        }
        for (Effect e : decision.effects()) {
            switch (e) {
                case Effect.Connect c -> {
                    ChatSession s = byInteraction.get(c.interactionId());
                    if (s != null) {
                        hop(() -> connected(s, c.interactionId(), c.agentId()));
                    }
                }
                case Effect.QueueFullAction q ->
                    notice(
                            q.interactionId(),
                            "All our advisors are busy and the queue is full. Please try again later.",
                            true);
                case Effect.ClosedTreatment c ->
                    notice(c.interactionId(), "The web chat is closed now. Please try again in opening hours.", false);
                case Effect.MaxWaitAction m ->
                    notice(
                            m.interactionId(),
                            "Thank you for waiting. You can keep waiting, or ask for this conversation by email.",
                            false);
                case Effect.TransferOut t ->
                    notice(t.interactionId(), "Your conversation has been passed to another service.", false);
                default -> {}
            }
        }
    }

    private void hop(Runnable r) {
        context.runOnContext(v -> r.run());
    }

    private void notice(String interactionId, String text, boolean end) {
        ChatSession s = byInteraction.get(interactionId);
        if (s == null) {
            return;
        }
        hop(() -> {
            s.conversation.add(Author.CENTRE, text, clock.millis());
            if (end && interactionId.equals(s.interactionId) && s.phase != ChatSession.Phase.ENDED) {
                submit(new Command.EndInteraction(interactionId, EndReason.CUSTOMER_LEFT));
            }
        });
    }

    private void visitStarted(ChatSession s, String interactionId, String queue) {
        if (!interactionId.equals(s.interactionId) || s.phase == ChatSession.Phase.ENDED) {
            return;
        }
        boolean first = s.phase != ChatSession.Phase.QUEUED;
        leaveQueue(s);
        s.queue = queue;
        s.phase = ChatSession.Phase.QUEUED;
        waitingQueues.merge(queue, 1, Integer::sum);
        if (first && s.agentId == null) {
            s.conversation.add(
                    Author.CENTRE, "Thank you. An advisor will be with you as soon as possible.", clock.millis());
        }
        s.position = -1;
        s.waitSeconds = -2;
        push(s);
        refreshStanding(s);
    }

    private void visitEnded(ChatSession s, String interactionId, String queue) {
        if (interactionId.equals(s.interactionId) && s.phase == ChatSession.Phase.QUEUED && queue.equals(s.queue)) {
            leaveQueue(s);
            s.phase = ChatSession.Phase.WAITING;
        }
    }

    private void leaveQueue(ChatSession s) {
        if (s.phase == ChatSession.Phase.QUEUED && s.queue != null) {
            waitingQueues.computeIfPresent(s.queue, (q, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void connected(ChatSession s, String interactionId, String agentId) {
        if (!interactionId.equals(s.interactionId) || s.phase == ChatSession.Phase.ENDED) {
            return;
        }
        leaveQueue(s);
        boolean sameAdvisor = agentId.equals(s.agentId);
        s.phase = ChatSession.Phase.CONNECTED;
        s.agentId = agentId;
        cancel(s.noResponseTimer);
        s.noResponseTimer = -1;
        s.conversation.add(
                Author.CENTRE,
                sameAdvisor ? "Your advisor is back with you." : "An advisor has joined the chat.",
                clock.millis());
        push(s);
        if (s.away) {
            armGrace(s); // the resident went while this was offered: the chat ends if they are not back in time
        }
    }

    private void interactionEnded(ChatSession s, Fact.InteractionEnded e) {
        if (!e.interactionId().equals(s.interactionId) || s.phase == ChatSession.Phase.ENDED) {
            return;
        }
        if (s.phase == ChatSession.Phase.SELF_SERVICE && s.question != null && selfService != null) {
            // The IVR still has the chat (routing ended it, the resident gone): let it finish and forget it.
            s.question = null;
            selfService.leave(e.interactionId());
        }
        String text = switch (e.lastPhase()) {
            case CONNECTED, PARKED ->
                s.left || e.reason() == EndReason.CUSTOMER_LEFT
                        ? "You have left the chat."
                        : "The advisor has ended the chat. Thank you for contacting us.";
            case SELF_SERVICE ->
                e.reason() == EndReason.SELF_SERVED ? "Thank you. The chat has ended." : "The chat has ended.";
            default -> s.left ? "You have left the chat." : "The chat has ended.";
        };
        ended(s, text);
    }

    private void ended(ChatSession s, String text) {
        leaveQueue(s);
        cancelTimers(s);
        s.phase = ChatSession.Phase.ENDED;
        s.question = null;
        s.endedAt = clock.millis();
        s.conversation.add(Author.CENTRE, text, clock.millis());
        s.conversation.open(false);
        push(s);
        long window = options.resumeWindow().toMillis();
        s.forgetTimer = vertx.setTimer(Math.max(1, window), t -> {
            s.forgetTimer = -1;
            if (s.phase == ChatSession.Phase.ENDED) {
                forget(s);
            }
        });
    }

    private void forget(ChatSession s) {
        if (s.socket != null) {
            s.conversation.unfollow(s.socket);
        }
        bySession.remove(s.id, s);
        byInteraction.values().removeIf(x -> x == s);
        book.forget(s.conversation);
        messages.forget(s.id);
    }

    private boolean resumable(ChatSession s) {
        return s.endedAt >= 0
                && clock.millis() - s.endedAt <= options.resumeWindow().toMillis();
    }

    // ------------------------------------------------------------------ place in line

    private void dirty(String queue) {
        hop(() -> {
            boolean first = dirtyQueues.isEmpty();
            dirtyQueues.add(queue);
            if (first) {
                hop(this::refreshDirty); // once per turn of the loop, however many entries touched the queues
            }
        });
    }

    private void refreshDirty() {
        List<String> queues = new ArrayList<>(dirtyQueues);
        dirtyQueues.clear();
        for (ChatSession s : bySession.values()) {
            if (s.phase == ChatSession.Phase.QUEUED && queues.contains(s.queue)) {
                refreshStanding(s);
            }
        }
    }

    private void refreshStanding(ChatSession s) {
        String id = s.interactionId;
        reads.standing(id)
                .whenComplete((st, e) -> hop(() -> {
                    if (e != null || st == null || st.isEmpty() || !id.equals(s.interactionId)) {
                        return;
                    }
                    if (s.phase != ChatSession.Phase.QUEUED) {
                        return;
                    }
                    RoutingReads.Standing now = st.get();
                    long seconds = now.expectedWaitMillis() < 0 ? -1 : Math.round(now.expectedWaitMillis() / 1000.0);
                    if (now.position() != s.position || seconds != s.waitSeconds) {
                        s.position = now.position();
                        s.waitSeconds = seconds;
                        if (s.socket != null) {
                            s.socket.send(Frames.standing(now.position(), seconds));
                        }
                    }
                    if (!s.longWaitOffered
                            && now.expectedWaitMillis() > options.longWait().toMillis()) {
                        ChatOptions.Topic t = options.topic(s.topic);
                        if (t != null && t.onlineLink() != null) {
                            s.longWaitOffered = true;
                            s.conversation.add(
                                    Author.CENTRE,
                                    "The wait is long right now. You can also do this online at any time: "
                                            + t.onlineLink(),
                                    clock.millis());
                            if (s.socket != null && phoneOf(s.contact) != null) {
                                s.socket.send(Frames.of("offer-link"));
                            }
                        }
                    }
                }));
    }

    // ------------------------------------------------------------------ restoring after a restart

    /** A chat read back from the store, with where routing has it now; null when it is unknown or long over. */
    private ChatSession restore(String sessionId) throws Exception {
        String key = conversationKey(sessionId);
        if (!book.store().exists(key)) {
            return null;
        }
        ObjectNode meta = null;
        String interactionId = null;
        int n = 0;
        for (ObjectNode r : book.records(key)) {
            switch (r.path("t").asText()) {
                case "session" -> meta = r;
                case "interaction" -> {
                    interactionId = r.path("id").asText();
                    n = r.path("n").asInt();
                }
                default -> {}
            }
        }
        if (meta == null || interactionId == null) {
            return null;
        }
        Conversation c = book.open(key, CHANNEL, this::deliver);
        ChatSession s = new ChatSession(
                sessionId,
                Base64.getDecoder().decode(meta.path("tokenHash").asText()),
                meta.path("name").asText(),
                meta.path("contact").asText(),
                meta.path("topic").asText(),
                null,
                c);
        s.interactions = n;
        s.interactionId = interactionId;
        Optional<RoutingReads.Where> where =
                reads.where(interactionId).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        String phase = where.map(RoutingReads.Where::phase).orElse("ENDED");
        s.queue = where.map(RoutingReads.Where::queue).orElse(null);
        s.agentId = where.map(RoutingReads.Where::agentId).orElse(null);
        switch (phase) {
            case "SELF_SERVICE" -> s.phase = ChatSession.Phase.SELF_SERVICE;
            case "QUEUED", "OFFERED" -> {
                s.phase = ChatSession.Phase.QUEUED;
                if (s.queue != null) {
                    waitingQueues.merge(s.queue, 1, Integer::sum);
                }
            }
            case "CONNECTED", "PARKED" -> s.phase = ChatSession.Phase.CONNECTED;
            default -> {
                s.phase = ChatSession.Phase.ENDED;
                List<Entry> entries = c.entries();
                s.endedAt = entries.isEmpty() ? 0 : entries.getLast().at();
                c.open(false);
                if (!resumable(s)) {
                    book.forget(c);
                    return null;
                }
            }
        }
        byInteraction.put(interactionId, s);
        book.route(c, interactionId);
        return s;
    }

    // ------------------------------------------------------------------ helpers

    /** Tells the page where the chat is and what is asked now. */
    private void push(ChatSession s) {
        if (s.socket == null) {
            return;
        }
        s.socket.send(Frames.state(s, s.phase == ChatSession.Phase.ENDED && resumable(s)));
        s.socket.send(Frames.question(s.phase == ChatSession.Phase.SELF_SERVICE ? s.question : null));
    }

    private void submit(Command c) {
        RoutingPort r = routing;
        if (r == null) {
            return;
        }
        r.submit(SOURCE, null, c).whenComplete((d, e) -> {
            if (e != null) {
                LOG.warn("chat: {} could not be submitted: {}", c.type(), e.toString());
            } else if (d.refused()) {
                LOG.debug("chat: routing refused {}: {}", c.type(), refusal(d));
            }
        });
    }

    private void cancelTimers(ChatSession s) {
        cancel(s.questionTimer);
        cancel(s.graceTimer);
        cancel(s.noResponseTimer);
        cancel(s.forgetTimer);
        s.questionTimer = -1;
        s.graceTimer = -1;
        s.noResponseTimer = -1;
        s.forgetTimer = -1;
    }

    private void cancel(long timer) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    private static String refusal(Decision d) {
        return d.effects().getFirst() instanceof Effect.Refused r ? r.message() : "refused";
    }

    static String conversationKey(String sessionId) {
        return "chat-" + sessionId;
    }

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** A random base64url text of {@code bytes} bytes, drawn again if it reads as a card number. */
    static String token(int bytes) {
        byte[] b = new byte[bytes];
        String t;
        do {
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (CardNumberTripwire.containsCardNumber(t));
        return t;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String emailOf(String contact) {
        return contact != null && EMAIL.matcher(contact).matches() ? contact : null;
    }

    static String phoneOf(String contact) {
        if (contact == null || contact.contains("@")) {
            return null;
        }
        try {
            return E164.normalise(contact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean validEmail(String s) {
        return s != null && EMAIL.matcher(s).matches();
    }
}
