package io.firstcontact.server.config;

import io.firstcontact.channels.voice.VoiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code voice:} section: FirstContact's connection to Asterisk. Every field but the manager host, user and secret
 * has a default ({@link VoiceOptions}' {@code DEFAULT_*}); the secret comes from {@code secret} (or
 * {@code FC_AMI_SECRET}) or a file readable only by the server ({@code secretFile}), and never appears in a log.
 *
 * @param server the Asterisk server's name in source references ({@code voice:<server>:<linkedid>})
 * @param ami the manager connection
 * @param agi the FastAGI listener the dialplan's {@code AGI(agi://…)} reaches
 * @param contexts the dialplan contexts (the sample {@code docs/asterisk/extensions.conf} names)
 * @param menu the one-digit menu choosing the queue
 * @param announceEvery how often a waiting caller hears their place and wait (0: never)
 * @param callbackOfferAbove the expected wait from which a callback (and the SMS link) is offered
 * @param callbacks how a callback dials the customer
 * @param smsLink the text offered by SMS; null for none
 * @param recordCalls whether calls with advisors are recorded
 */
public record VoiceConfig(
        String server,
        Ami ami,
        Agi agi,
        VoiceOptions.Contexts contexts,
        Menu menu,
        Duration announceEvery,
        Duration callbackOfferAbove,
        Callbacks callbacks,
        VoiceOptions.SmsLink smsLink,
        Boolean recordCalls) {

    public VoiceConfig {
        Objects.requireNonNull(ami, "voice.ami is required: the host, username and secret of Asterisk's manager");
    }

    /**
     * @param secret the manager secret (better: {@code FC_AMI_SECRET} or {@code secretFile})
     * @param secretFile a file holding the secret
     */
    public record Ami(
            String host,
            Integer port,
            String username,
            String secret,
            Path secretFile,
            Duration reconnectMin,
            Duration reconnectMax,
            Duration responseTimeout,
            Integer maxMissedResponses) {
        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Ami[" + username + "@" + host + ":" + port + "]";
        }
    }

    public record Agi(String host, Integer port, Integer maxSessions) {}

    public record Menu(
            String prompt, Map<String, String> queues, String defaultQueue, Integer attempts, Duration timeout) {}

    public record Callbacks(String dialString, String callerId, Duration ringTimeout) {}

    /** The adapter's options, defaults filled in; the secret read from its file when one is named. */
    public VoiceOptions options() {
        String secret = ami.secret();
        if ((secret == null || secret.isEmpty()) && ami.secretFile() != null) {
            secret = SecretFile.read(ami.secretFile(), "AMI secret");
        }
        VoiceOptions.Ami a = new VoiceOptions.Ami(
                ami.host(),
                Objects.requireNonNullElse(ami.port(), VoiceOptions.Ami.DEFAULT_PORT),
                ami.username(),
                secret,
                Objects.requireNonNullElse(ami.reconnectMin(), VoiceOptions.Ami.DEFAULT_RECONNECT_MIN),
                Objects.requireNonNullElse(ami.reconnectMax(), VoiceOptions.Ami.DEFAULT_RECONNECT_MAX),
                Objects.requireNonNullElse(ami.responseTimeout(), VoiceOptions.Ami.DEFAULT_RESPONSE_TIMEOUT),
                Objects.requireNonNullElse(ami.maxMissedResponses(), VoiceOptions.Ami.DEFAULT_MAX_MISSED_RESPONSES));
        VoiceOptions.Agi defaultAgi = VoiceOptions.Agi.DEFAULT;
        VoiceOptions.Agi g = agi == null
                ? defaultAgi
                : new VoiceOptions.Agi(
                        Objects.requireNonNullElse(agi.host(), defaultAgi.host()),
                        Objects.requireNonNullElse(agi.port(), defaultAgi.port()),
                        Objects.requireNonNullElse(agi.maxSessions(), defaultAgi.maxSessions()));
        VoiceOptions.Menu defaultMenu = VoiceOptions.Menu.DEFAULT;
        VoiceOptions.Menu m = menu == null
                ? defaultMenu
                : new VoiceOptions.Menu(
                        Objects.requireNonNullElse(menu.prompt(), defaultMenu.prompt()),
                        Objects.requireNonNullElse(menu.queues(), defaultMenu.queues()),
                        Objects.requireNonNullElse(menu.defaultQueue(), defaultMenu.defaultQueue()),
                        Objects.requireNonNullElse(menu.attempts(), defaultMenu.attempts()),
                        Objects.requireNonNullElse(menu.timeout(), defaultMenu.timeout()));
        VoiceOptions.Callbacks defaultCallbacks = VoiceOptions.Callbacks.DEFAULT;
        VoiceOptions.Callbacks c = callbacks == null
                ? defaultCallbacks
                : new VoiceOptions.Callbacks(
                        Objects.requireNonNullElse(callbacks.dialString(), defaultCallbacks.dialString()),
                        Objects.requireNonNullElse(callbacks.callerId(), defaultCallbacks.callerId()),
                        Objects.requireNonNullElse(callbacks.ringTimeout(), defaultCallbacks.ringTimeout()));
        return new VoiceOptions(
                Objects.requireNonNullElse(server, VoiceOptions.DEFAULT_SERVER),
                a,
                g,
                Objects.requireNonNullElse(contexts, VoiceOptions.Contexts.DEFAULT),
                m,
                Objects.requireNonNullElse(announceEvery, VoiceOptions.DEFAULT_ANNOUNCE_EVERY),
                Objects.requireNonNullElse(callbackOfferAbove, VoiceOptions.DEFAULT_CALLBACK_OFFER_ABOVE),
                c,
                smsLink,
                recordCalls == null || recordCalls);
    }
}
