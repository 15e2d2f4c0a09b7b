package io.firstcontact.channels.voice;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the voice adapter reaches Asterisk and what it tells callers. Every field has a documented default
 * ({@code DEFAULT_*}); the server builds this from the {@code voice:} section of its configuration.
 *
 * @param server the Asterisk server's name in source references: {@code voice:<server>:<linkedid>}
 * @param ami the manager connection
 * @param agi the FastAGI front end the dialplan's {@code AGI(agi://…)} calls reach
 * @param contexts the dialplan contexts the router sends channels to (they must exist: see {@code docs/asterisk})
 * @param menu the one-menu IVR that chooses the queue until the IVR module lands
 * @param announceEvery how often a waiting caller hears their place and expected wait (0: never)
 * @param callbackOfferAbove an expected wait from which the announcement offers a callback and, when configured, the
 *     SMS link (0: always offer)
 * @param callbacks how callbacks dial the customer
 * @param smsLink the text offered by SMS to callers who would rather do it online; null for none
 * @param recordCalls whether each call with an advisor is recorded (MixMonitor in the connecting context)
 */
public record VoiceOptions(
        String server,
        Ami ami,
        Agi agi,
        Contexts contexts,
        Menu menu,
        Duration announceEvery,
        Duration callbackOfferAbove,
        Callbacks callbacks,
        SmsLink smsLink,
        boolean recordCalls) {
    public static final String DEFAULT_SERVER = "asterisk";
    public static final Duration DEFAULT_ANNOUNCE_EVERY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALLBACK_OFFER_ABOVE = Duration.ofMinutes(5);

    public VoiceOptions {
        if (server == null || !server.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("voice.server must be 1–32 letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(ami, "voice.ami");
        Objects.requireNonNull(agi, "voice.agi");
        Objects.requireNonNull(contexts, "voice.contexts");
        Objects.requireNonNull(menu, "voice.menu");
        Objects.requireNonNull(callbacks, "voice.callbacks");
        nonNegative(announceEvery, "voice.announceEvery");
        nonNegative(callbackOfferAbove, "voice.callbackOfferAbove");
    }

    /** The defaults with the given manager connection. */
    public static VoiceOptions defaults(Ami ami) {
        return new VoiceOptions(
                DEFAULT_SERVER,
                ami,
                Agi.DEFAULT,
                Contexts.DEFAULT,
                Menu.DEFAULT,
                DEFAULT_ANNOUNCE_EVERY,
                DEFAULT_CALLBACK_OFFER_ABOVE,
                Callbacks.DEFAULT,
                null,
                true);
    }

    /** The source of this adapter's commands and of its interactions' references: {@code voice:<server>}. */
    public String source() {
        return "voice:" + server;
    }

    public VoiceOptions withAmi(Ami a) {
        return new VoiceOptions(
                server, a, agi, contexts, menu, announceEvery, callbackOfferAbove, callbacks, smsLink, recordCalls);
    }

    public VoiceOptions withAgi(Agi a) {
        return new VoiceOptions(
                server, ami, a, contexts, menu, announceEvery, callbackOfferAbove, callbacks, smsLink, recordCalls);
    }

    public VoiceOptions withMenu(Menu m) {
        return new VoiceOptions(
                server, ami, agi, contexts, m, announceEvery, callbackOfferAbove, callbacks, smsLink, recordCalls);
    }

    public VoiceOptions withAnnouncements(Duration every, Duration offerAbove) {
        return new VoiceOptions(server, ami, agi, contexts, menu, every, offerAbove, callbacks, smsLink, recordCalls);
    }

    public VoiceOptions withSmsLink(SmsLink s) {
        return new VoiceOptions(
                server, ami, agi, contexts, menu, announceEvery, callbackOfferAbove, callbacks, s, recordCalls);
    }

    public VoiceOptions withCallbacks(Callbacks c) {
        return new VoiceOptions(
                server, ami, agi, contexts, menu, announceEvery, callbackOfferAbove, c, smsLink, recordCalls);
    }

    static void nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a duration ≥ 0");
        }
    }

    /**
     * The Asterisk Manager Interface connection. The secret never appears in {@link #toString()}.
     *
     * @param host Asterisk's host
     * @param port the manager port (5038)
     * @param username the manager user ({@code manager.conf}): it needs read {@code system,call} and write
     *     {@code call,originate,reporting}, and must NOT have the {@code dtmf}, {@code agi} or {@code dialplan} read
     *     classes (card digits would reach it)
     * @param secret its secret
     * @param reconnectMin the first wait before reconnecting after a failed connection or login
     * @param reconnectMax the longest wait between attempts (the wait doubles up to it)
     * @param responseTimeout how long an action may wait for its response before it counts as failed; also the write
     *     deadline: an action whose write has not returned by then means Asterisk stopped reading, and the link is
     *     dropped and taken up again
     * @param maxMissedResponses how many actions in a row may go unanswered within {@code responseTimeout} before
     *     Asterisk counts as stuck (it reads but does not answer) and the link is dropped and taken up again
     */
    public record Ami(
            String host,
            int port,
            String username,
            String secret,
            Duration reconnectMin,
            Duration reconnectMax,
            Duration responseTimeout,
            int maxMissedResponses) {
        public static final int DEFAULT_PORT = 5038;
        public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(200);
        public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(10);
        public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);
        public static final int DEFAULT_MAX_MISSED_RESPONSES = 3;
        /** The event classes the adapter asks for: channels, bridges, devices and system (never dtmf or agi). */
        public static final String EVENTS = "system,call";

        public Ami {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("voice.ami.host is required");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("voice.ami.port must be 1–65535");
            }
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("voice.ami.username is required");
            }
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("voice.ami.secret is required (FC_AMI_SECRET)");
            }
            nonNegative(reconnectMin, "voice.ami.reconnectMin");
            nonNegative(reconnectMax, "voice.ami.reconnectMax");
            if (reconnectMax.compareTo(reconnectMin) < 0) {
                throw new IllegalArgumentException("voice.ami.reconnectMax must not be below reconnectMin");
            }
            if (responseTimeout == null || responseTimeout.isZero() || responseTimeout.isNegative()) {
                throw new IllegalArgumentException("voice.ami.responseTimeout must be positive");
            }
            if (maxMissedResponses < 1) {
                throw new IllegalArgumentException("voice.ami.maxMissedResponses must be at least 1");
            }
        }

        public static Ami of(String host, int port, String username, String secret) {
            return new Ami(
                    host,
                    port,
                    username,
                    secret,
                    DEFAULT_RECONNECT_MIN,
                    DEFAULT_RECONNECT_MAX,
                    DEFAULT_RESPONSE_TIMEOUT,
                    DEFAULT_MAX_MISSED_RESPONSES);
        }

        @Override
        public String toString() {
            return "Ami[" + username + "@" + host + ":" + port + "]";
        }
    }

    /**
     * The FastAGI front end.
     *
     * @param host the address it binds ({@code 127.0.0.1}; Asterisk on another host needs an address it can reach, and
     *     FastAGI has no authentication: let only Asterisk reach it)
     * @param port its port (4573; 0 picks a free one)
     * @param maxSessions sessions at once; more are refused, so memory stays bounded
     */
    public record Agi(String host, int port, int maxSessions) {
        public static final Agi DEFAULT = new Agi("127.0.0.1", 4573, 2_000);

        public Agi {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("voice.agi.host is required");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("voice.agi.port must be 0–65535");
            }
            if (maxSessions < 1) {
                throw new IllegalArgumentException("voice.agi.maxSessions must be positive");
            }
        }
    }

    /**
     * The dialplan contexts the router uses (the sample configuration defines them).
     *
     * @param holding where callers wait: music, announcements, keys (callback, SMS link)
     * @param connecting where answered advisor legs wait to be bridged
     * @param hold where a caller on hold hears music
     * @param callback where the customer's leg of a callback waits to be bridged
     * @param treatment closed, queue full and maximum-wait messages (extension = the action)
     * @param outbound transfers to a number (extension = the number)
     */
    public record Contexts(
            String holding, String connecting, String hold, String callback, String treatment, String outbound) {
        public static final Contexts DEFAULT =
                new Contexts("fc-holding", "fc-connecting", "fc-hold", "fc-callback", "fc-treatment", "fc-outbound");

        public Contexts {
            for (String c : new String[] {holding, connecting, hold, callback, treatment, outbound}) {
                if (c == null || !c.matches("[A-Za-z0-9_-]{1,64}")) {
                    throw new IllegalArgumentException(
                            "voice.contexts: a context name is 1–64 letters, digits, '_' or '-'");
                }
            }
        }
    }

    /**
     * The one-menu IVR: the caller keys one digit to choose the queue.
     *
     * @param prompt the sound file played (without extension)
     * @param queues digit → queue
     * @param defaultQueue the queue of a caller who keys nothing valid
     * @param attempts how many times the menu is played
     * @param timeout how long each play waits for the key
     */
    public record Menu(String prompt, Map<String, String> queues, String defaultQueue, int attempts, Duration timeout) {
        public static final Menu DEFAULT =
                new Menu("fc-menu", Map.of("1", "general"), "general", 2, Duration.ofSeconds(5));

        public Menu {
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalArgumentException("voice.menu.prompt is required");
            }
            queues = Map.copyOf(new LinkedHashMap<>(queues));
            for (String digit : queues.keySet()) {
                if (!digit.matches("[0-9*#]")) {
                    throw new IllegalArgumentException("voice.menu.queues: keys are single digits, * or #");
                }
            }
            if (defaultQueue == null || defaultQueue.isBlank()) {
                throw new IllegalArgumentException("voice.menu.defaultQueue is required");
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("voice.menu.attempts must be at least 1");
            }
            nonNegative(timeout, "voice.menu.timeout");
        }
    }

    /**
     * Callbacks: how the customer is dialled once the advisor has answered.
     *
     * @param dialString the dial string with {@code {number}} for the customer's number
     *     ({@code PJSIP/{number}@trunk})
     * @param callerId what the customer sees calling ({@code "Council" <02088888888>})
     * @param ringTimeout how long the customer's phone rings before the attempt counts as unanswered
     */
    public record Callbacks(String dialString, String callerId, Duration ringTimeout) {
        public static final Callbacks DEFAULT =
                new Callbacks("PJSIP/{number}@trunk", "\"FirstContact\" <0000>", Duration.ofSeconds(30));

        public Callbacks {
            if (dialString == null || !dialString.contains("{number}")) {
                throw new IllegalArgumentException("voice.callbacks.dialString must contain {number}");
            }
            Objects.requireNonNull(callerId, "voice.callbacks.callerId");
            nonNegative(ringTimeout, "voice.callbacks.ringTimeout");
        }

        public String dial(String number) {
            return dialString.replace("{number}", number);
        }
    }

    /**
     * The SMS link offered to callers with a long expected wait, to do the task online instead.
     *
     * @param text the message (with the link); it must not be personal
     */
    public record SmsLink(String text) {
        public SmsLink {
            if (text == null || text.isBlank() || text.length() > 480) {
                throw new IllegalArgumentException("voice.smsLink.text must be 1–480 characters");
            }
        }
    }
}
