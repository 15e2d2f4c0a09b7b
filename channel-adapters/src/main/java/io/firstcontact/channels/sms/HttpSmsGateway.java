package io.firstcontact.channels.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Sends texts through an SMS provider's HTTP API in one common JSON shape (docs/sms.md): {@code POST <gatewayUrl>}
 * with {@code Authorization: Bearer <token>}, {@code Idempotency-Key} and the body {@code {"from": "Council", "to":
 * "+447700900123", "text": "…"}}. A 2xx answer means accepted; a 4xx, refused ({@link SmsRefusedException}: the number
 * or text is wrong, sending again will not help); anything else, or no answer within the timeout, failed.
 */
public final class HttpSmsGateway implements SmsGateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsOptions options;
    private final HttpClient client;

    public HttpSmsGateway(SmsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        if (options.gatewayUrl() == null) {
            throw new IllegalArgumentException("the HTTP SMS gateway needs sms.gatewayUrl");
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CompletionStage<Void> send(String to, String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("from", options.sender())
                .put("to", to)
                .put("text", text);
        HttpRequest.Builder request = HttpRequest.newBuilder(options.gatewayUrl())
                .timeout(options.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (options.gatewayToken() != null) {
            request.header("Authorization", "Bearer " + options.gatewayToken());
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(new SmsNotSentException("the SMS gateway could not be reached: "
                                + rootOf(error).getClass().getSimpleName()));
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return null;
                    }
                    if (status >= 400 && status < 500) {
                        throw new CompletionException(
                                new SmsRefusedException("the SMS gateway refused the text: HTTP " + status));
                    }
                    throw new CompletionException(new SmsNotSentException("the SMS gateway failed: HTTP " + status));
                });
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t;
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway could not be reached, or failed: sending again later may work. */
    public static final class SmsNotSentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SmsNotSentException(String reason) {
            super(reason);
        }
    }
}
