package io.firstcontact.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcontact.channels.conversation.Intake;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.model.Ids;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sms/inbound}: the gateway tells the centre of a resident's text (docs/sms.md). The request is signed:
 * {@code X-Signature-Timestamp} (Unix seconds, within {@value #TOLERANCE_SECONDS} s of now) and {@code X-Signature:
 * sha256=<hex>}, the HMAC-SHA256 with the shared secret of {@code <timestamp>.<body>}. Unsigned, wrongly signed or
 * stale requests are refused with 401 and change nothing. The body is {@code {"id": "<gateway message id>", "from":
 * "+447700900123", "text": "…"}}; it is answered 200 once the text is kept and journaled, 503 when it could not be
 * (the gateway sends it again; the same id adds nothing).
 */
final class SmsWebhook {
    static final String PATH = "/sms/inbound";
    static final long TOLERANCE_SECONDS = 300;
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_TEXT = 1_600;
    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Texts texts;
    private final InstantSource clock;

    SmsWebhook(String secret, Texts texts, InstantSource clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.texts = texts;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null
                || !signed(
                        ctx.request().getHeader("X-Signature-Timestamp"),
                        ctx.request().getHeader("X-Signature"),
                        body.getBytes())) {
            answer(ctx, 401, "the request is not signed, or not signed right");
            return;
        }
        JsonNode n;
        try {
            n = JSON.readTree(body.getBytes());
        } catch (IOException e) {
            answer(ctx, 400, "the body is not JSON");
            return;
        }
        String id = n.path("id").asText(null);
        String from = n.path("from").asText(null);
        String text = n.path("text").asText(null);
        if (id == null || id.isBlank() || id.length() > Ids.MAX_LENGTH) {
            answer(ctx, 400, "id is the gateway's message id, 1–128 characters");
            return;
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            answer(ctx, 400, "text is 1–" + MAX_TEXT + " characters");
            return;
        }
        String phone;
        try {
            phone = E164.normalise(from);
        } catch (IllegalArgumentException e) {
            answer(ctx, 400, "from is the sender's phone number");
            return;
        }
        texts.received(id, phone, text).whenComplete((v, e) -> {
            if (e == null) {
                answer(ctx, 200, null);
                return;
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Intake.NotTakenException) {
                LOG.warn("sms: a text was not taken ({}); the gateway will send it again", cause.getMessage());
                answer(ctx, 503, "not taken now: send it again later");
            } else {
                LOG.error("sms: a text failed", cause);
                answer(ctx, 500, "the text could not be taken");
            }
        });
    }

    /** Whether the signature is the HMAC of {@code <timestamp>.<body>} and the timestamp is recent. */
    boolean signed(String timestamp, String signature, byte[] body) {
        if (timestamp == null
                || signature == null
                || !signature.startsWith("sha256=")
                || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(clock.millis() / 1000 - seconds) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body), given);
    }

    /** The signature of a webhook: HMAC-SHA256 of {@code <timestamp>.<body>}. */
    static byte[] sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(RoutingContext ctx, int status, String error) {
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (error == null) {
            response.end("{\"status\":\"taken\"}");
        } else {
            response.end(JSON.createObjectNode().put("error", error).toString());
        }
    }
}
