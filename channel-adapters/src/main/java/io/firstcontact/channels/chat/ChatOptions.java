package io.firstcontact.channels.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The web chat's configuration ({@code chat:} in the server's YAML). Every field may be left out and takes the default
 * named beside it.
 *
 * @param enabled whether the chat widget and its endpoints are served ({@value #DEFAULT_ENABLED})
 * @param allowedOrigins the council web sites that may embed the widget ({@code https://www.council.example}); the
 *     server's own pages (the demo page) are always allowed; a request from any other origin is refused
 * @param queue where a chat waits when no IVR is configured (or it hands over without naming one): {@value
 *     #DEFAULT_QUEUE}
 * @param topicAttribute the interaction attribute the pre-chat topic is kept in (what the desktop shows as the reason)
 * @param topics what a resident can choose as the reason of their chat
 * @param sessionsPerMinute new chats one client (IP address) may open in a minute ({@value #DEFAULT_SESSIONS_PER_MINUTE})
 * @param messagesPerMinute messages one chat may send in a minute, in bursts of up to a fifth of it ({@value
 *     #DEFAULT_MESSAGES_PER_MINUTE})
 * @param maxMessageChars the longest message a resident may send ({@value #DEFAULT_MAX_MESSAGE_CHARS})
 * @param maxUploadBytes the largest file a resident may send ({@value #DEFAULT_MAX_UPLOAD_BYTES} bytes)
 * @param uploadTypes the kinds of file a resident may send
 * @param connectionsPerClient chat connections one client (IP address) may hold at once
 * @param disconnectGrace how long a resident whose connection dropped while talking to an advisor has to come back
 *     before the chat ends ({@code 60s}; while they wait, routing keeps their place for its own grace period)
 * @param resumeWindow how long after a chat ended its resident can come back and carry on the same conversation
 * @param noResponseTimeout how long a resident's message may go unanswered by the advisor before the chat is offered
 *     to another advisor ({@code 3m})
 * @param longWait an expected wait longer than this offers the resident the topic's link to do it online
 * @param transcriptRetention how long transcripts are kept after their last message ({@code 30d})
 * @param trustForwardedFor take the client's address from {@code X-Forwarded-For} (only behind a proxy that sets it)
 * @param pingInterval how often an idle connection is pinged to keep it open and find dead ones ({@code 20s})
 * @param advisors when given, a waiting chat is offered only to these advisors (by agent id) for {@code advisorsFor},
 *     then to anyone its queue's rules allow: the demo keeps its residents' chats for the people at the desk, away from
 *     its simulated advisors; none by default
 * @param advisorsFor how long a waiting chat is kept for {@code advisors} ({@code 10m})
 */
public record ChatOptions(
        Boolean enabled,
        List<String> allowedOrigins,
        String queue,
        String topicAttribute,
        List<Topic> topics,
        Integer sessionsPerMinute,
        Integer messagesPerMinute,
        Integer maxMessageChars,
        Integer maxUploadBytes,
        List<String> uploadTypes,
        Integer connectionsPerClient,
        Duration disconnectGrace,
        Duration resumeWindow,
        Duration noResponseTimeout,
        Duration longWait,
        Duration transcriptRetention,
        Boolean trustForwardedFor,
        Duration pingInterval,
        List<String> advisors,
        Duration advisorsFor) {

    public static final boolean DEFAULT_ENABLED = true;
    public static final String DEFAULT_QUEUE = "web-chat";
    public static final String DEFAULT_TOPIC_ATTRIBUTE = "service";
    public static final int DEFAULT_SESSIONS_PER_MINUTE = 6;
    public static final int DEFAULT_MESSAGES_PER_MINUTE = 60;
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 2_000;
    public static final int DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    public static final List<String> DEFAULT_UPLOAD_TYPES = List.of("image/jpeg", "image/png", "application/pdf");
    public static final int DEFAULT_CONNECTIONS_PER_CLIENT = 20;
    public static final Duration DEFAULT_DISCONNECT_GRACE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RESUME_WINDOW = Duration.ofMinutes(30);
    public static final Duration DEFAULT_NO_RESPONSE_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_LONG_WAIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TRANSCRIPT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_ADVISORS_FOR = Duration.ofMinutes(10);

    /** A council's usual reasons to chat, with the page that does each online. */
    public static final List<Topic> DEFAULT_TOPICS = List.of(
            new Topic("council-tax", "Council tax", "https://www.gov.uk/pay-council-tax"),
            new Topic("parking", "Parking fine (PCN)", "https://www.gov.uk/pay-parking-fine"),
            new Topic("waste", "Bins and street care", "https://www.gov.uk/report-missed-bin-collection"),
            new Topic("housing", "Housing", "https://www.gov.uk/council-housing"),
            new Topic("general", "Something else", null));

    public static final ChatOptions DEFAULTS = new ChatOptions(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null);

    /**
     * A reason to chat.
     *
     * @param id kept in the interaction's topic attribute ({@code council-tax})
     * @param label what the resident chooses
     * @param onlineLink where the task can be done online, offered when the wait is long; null for none
     */
    public record Topic(String id, String label, String onlineLink) {
        public Topic {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("a topic id is 1–40 lower-case letters, digits and hyphens");
            }
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a topic has a label");
            }
            if (onlineLink != null && !onlineLink.startsWith("https://") && !onlineLink.startsWith("http://")) {
                throw new IllegalArgumentException("a topic's onlineLink is an http(s) address");
            }
        }
    }

    public ChatOptions {
        enabled = Objects.requireNonNullElse(enabled, DEFAULT_ENABLED);
        allowedOrigins = List.copyOf(Objects.requireNonNullElse(allowedOrigins, List.of()));
        for (String o : allowedOrigins) {
            if (!o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException(
                        "chat.allowedOrigins: " + o + " is not an origin (scheme://host[:port], no path)");
            }
        }
        queue = Objects.requireNonNullElse(queue, DEFAULT_QUEUE);
        topicAttribute = Objects.requireNonNullElse(topicAttribute, DEFAULT_TOPIC_ATTRIBUTE);
        topics = List.copyOf(Objects.requireNonNullElse(topics, DEFAULT_TOPICS));
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("chat.topics: at least one topic");
        }
        if (topics.stream().map(Topic::id).distinct().count() != topics.size()) {
            throw new IllegalArgumentException("chat.topics: a topic id is given twice");
        }
        sessionsPerMinute = positive(sessionsPerMinute, DEFAULT_SESSIONS_PER_MINUTE, "chat.sessionsPerMinute");
        messagesPerMinute = positive(messagesPerMinute, DEFAULT_MESSAGES_PER_MINUTE, "chat.messagesPerMinute");
        maxMessageChars = positive(maxMessageChars, DEFAULT_MAX_MESSAGE_CHARS, "chat.maxMessageChars");
        maxUploadBytes = positive(maxUploadBytes, DEFAULT_MAX_UPLOAD_BYTES, "chat.maxUploadBytes");
        uploadTypes = List.copyOf(Objects.requireNonNullElse(uploadTypes, DEFAULT_UPLOAD_TYPES));
        connectionsPerClient =
                positive(connectionsPerClient, DEFAULT_CONNECTIONS_PER_CLIENT, "chat.connectionsPerClient");
        disconnectGrace = nonNegative(disconnectGrace, DEFAULT_DISCONNECT_GRACE, "chat.disconnectGrace");
        resumeWindow = nonNegative(resumeWindow, DEFAULT_RESUME_WINDOW, "chat.resumeWindow");
        noResponseTimeout = positive(noResponseTimeout, DEFAULT_NO_RESPONSE_TIMEOUT, "chat.noResponseTimeout");
        longWait = positive(longWait, DEFAULT_LONG_WAIT, "chat.longWait");
        transcriptRetention = positive(transcriptRetention, DEFAULT_TRANSCRIPT_RETENTION, "chat.transcriptRetention");
        trustForwardedFor = Objects.requireNonNullElse(trustForwardedFor, false);
        pingInterval = positive(pingInterval, DEFAULT_PING_INTERVAL, "chat.pingInterval");
        advisors = List.copyOf(Objects.requireNonNullElse(advisors, List.of()));
        advisorsFor = positive(advisorsFor, DEFAULT_ADVISORS_FOR, "chat.advisorsFor");
    }

    public Topic topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    public ChatOptions withAllowedOrigins(List<String> origins) {
        return new ChatOptions(
                enabled,
                origins,
                queue,
                topicAttribute,
                topics,
                sessionsPerMinute,
                messagesPerMinute,
                maxMessageChars,
                maxUploadBytes,
                uploadTypes,
                connectionsPerClient,
                disconnectGrace,
                resumeWindow,
                noResponseTimeout,
                longWait,
                transcriptRetention,
                trustForwardedFor,
                pingInterval,
                advisors,
                advisorsFor);
    }

    /** These options, with waiting chats kept for {@code ids} (see {@link #advisors}). */
    public ChatOptions withAdvisors(List<String> ids) {
        return new ChatOptions(
                enabled,
                allowedOrigins,
                queue,
                topicAttribute,
                topics,
                sessionsPerMinute,
                messagesPerMinute,
                maxMessageChars,
                maxUploadBytes,
                uploadTypes,
                connectionsPerClient,
                disconnectGrace,
                resumeWindow,
                noResponseTimeout,
                longWait,
                transcriptRetention,
                trustForwardedFor,
                pingInterval,
                ids,
                advisorsFor);
    }

    public ChatOptions withNoResponseTimeout(Duration d) {
        return new ChatOptions(
                enabled,
                allowedOrigins,
                queue,
                topicAttribute,
                topics,
                sessionsPerMinute,
                messagesPerMinute,
                maxMessageChars,
                maxUploadBytes,
                uploadTypes,
                connectionsPerClient,
                disconnectGrace,
                resumeWindow,
                d,
                longWait,
                transcriptRetention,
                trustForwardedFor,
                pingInterval,
                advisors,
                advisorsFor);
    }

    public ChatOptions withLimits(int sessions, int messages) {
        return new ChatOptions(
                enabled,
                allowedOrigins,
                queue,
                topicAttribute,
                topics,
                sessions,
                messages,
                maxMessageChars,
                maxUploadBytes,
                uploadTypes,
                connectionsPerClient,
                disconnectGrace,
                resumeWindow,
                noResponseTimeout,
                longWait,
                transcriptRetention,
                trustForwardedFor,
                pingInterval,
                advisors,
                advisorsFor);
    }

    private static int positive(Integer v, int fallback, String name) {
        int x = Objects.requireNonNullElse(v, fallback);
        if (x <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return x;
    }

    private static Duration positive(Duration v, Duration fallback, String name) {
        Duration d = Objects.requireNonNullElse(v, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    private static Duration nonNegative(Duration v, Duration fallback, String name) {
        Duration d = Objects.requireNonNullElse(v, fallback);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }
}
