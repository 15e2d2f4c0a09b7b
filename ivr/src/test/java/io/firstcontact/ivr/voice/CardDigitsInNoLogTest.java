package io.firstcontact.ivr.voice;

import static io.firstcontact.ivr.rig.ScriptedAsterisk.hangUp;
import static io.firstcontact.ivr.rig.ScriptedAsterisk.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.ScriptedAsterisk;
import io.firstcontact.ivr.rig.ScriptedAsterisk.Action;
import io.firstcontact.ivr.text.TextConversation;
import io.firstcontact.ivr.text.TextIvr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE — the IVR's and Asterisk-Java's (its FastAGI reader, writer, channel and handler) —
 * payments by voice and by text, approved, declined, timed out and hung up mid-entry, leave no card number, expiry or
 * security code in any log line or logged exception.
 */
class CardDigitsInNoLogTest {
    private static final String EXPIRY = "0731";
    private static final String CODE = "739";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restore() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        root.setLevel(rootLevel);
    }

    @Test
    void voicePaymentsLogNoCardDigitEvenAtTrace() throws Exception {
        for (TestCard card : List.of(
                TestCard.VISA_APPROVED,
                TestCard.VISA_DECLINED,
                TestCard.VISA_INSUFFICIENT_FUNDS,
                TestCard.VISA_GATEWAY_TIMEOUT)) {
            Rig rig = new Rig();
            List<Action> script = new ArrayList<>(List.of(
                    keys("1"),
                    keys(Residents.keyed(Residents.PCN_OPEN)),
                    keys("1"),
                    keys(card.number()),
                    keys(EXPIRY),
                    keys(CODE),
                    hangUp()));
            ScriptedAsterisk.call(
                    new VoiceIvr(rig.ivr(), rig.recording),
                    new Call("call-1", "voice", Residents.MOBILE, null, null),
                    script);
        }
        Rig rig = new Rig();
        ScriptedAsterisk.call(
                new VoiceIvr(rig.ivr(), rig.recording),
                new Call("call-2", "voice", Residents.MOBILE, null, null),
                List.of(
                        keys("1"),
                        keys(Residents.keyed(Residents.PCN_OPEN)),
                        keys("1"),
                        keys(TestCard.MASTERCARD_APPROVED.number()),
                        hangUp()));

        assertThat(captured.list).as("something was logged at TRACE").isNotEmpty();
        assertNoCardData();
    }

    @Test
    void textPaymentsLogNoCardDigitEvenAtTrace() {
        for (TestCard card : List.of(TestCard.VISA_APPROVED, TestCard.VISA_DECLINED, TestCard.VISA_GATEWAY_TIMEOUT)) {
            Rig rig = new Rig();
            TextConversation c = new TextIvr(rig.ivr()).open(new Call("chat-1", "chat", null, Residents.EMAIL, null));
            c.begin().toCompletableFuture().join();
            c.reply("1").toCompletableFuture().join();
            c.reply(Residents.PCN_OPEN).toCompletableFuture().join();
            c.reply("1").toCompletableFuture().join();
            for (String secret : List.of(card.number(), EXPIRY, CODE)) {
                c.reply(secret.toCharArray()).toCompletableFuture().join();
            }
            c.left().toCompletableFuture().join();
        }

        assertNoCardData();
    }

    @Test
    void asteriskJavasSocketTraceIsRefused() {
        System.setProperty(VoiceIvr.TRACE_PROPERTY, "true");
        try {
            Rig rig = new Rig();
            assertThatThrownBy(() -> new VoiceIvr(rig.ivr(), rig.recording))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("card digits included");
        } finally {
            System.clearProperty(VoiceIvr.TRACE_PROPERTY);
        }
    }

    private void assertNoCardData() {
        List<String> secrets = new ArrayList<>();
        for (TestCard c : TestCard.values()) {
            secrets.add(c.number());
            secrets.add(c.number().substring(0, 12)); // any long stretch of it
        }
        secrets.add(EXPIRY);
        secrets.add("07/31");
        for (ILoggingEvent e : captured.list) {
            StringBuilder all = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(' ').append(t.getMessage());
            }
            for (String s : secrets) {
                assertThat(all.toString())
                        .as("a log line of " + e.getLoggerName())
                        .doesNotContain(s);
            }
            assertThat(all.toString()).doesNotContainPattern("\\b" + CODE + "\\b");
        }
    }
}
