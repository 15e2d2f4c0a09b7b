package io.firstcontact.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The door every request of {@code /api/v1} passes once, after authentication and before any route: every text it
 * carries from outside — each path segment, each query parameter's name and value, the headers the API reads, and in
 * a body every field name, string and number — is checked with the {@link CardNumberTripwire}. A hit is answered 422
 * ({@code /problems/card-number}) naming only where it was, never the value, and the request goes no further, so
 * nothing of it reaches the engine, the journal, an event, a trace or a log. A body is read here as a stream of JSON
 * tokens first: one that is not JSON, or gives a key twice, is answered 400 before any route sees it.
 *
 * <p>One body is let through with a card number in it: a resident's reply to the IVR ({@link #CARD_ENTRY}), which is
 * how a chat pays by card. The IVR's text front end takes it as a char array that its payment clears; a card number
 * written where no card is asked for is dropped unread there. Its path, query and headers are screened as any other.
 */
final class RequestScreen implements Handler<RoutingContext> {
    /** The request headers whose values the API reads (and may keep: the idempotency key is remembered). */
    static final List<String> HEADERS = List.of(Idempotency.HEADER, "Last-Event-ID", "If-Match");

    private static final String READING = "firstcontact.readingBody";

    /** The IVR's reply route ({@code POST /api/v1/interactions/{id}/ivr/replies}), whose body may answer a card question. */
    static final java.util.regex.Pattern CARD_ENTRY =
            java.util.regex.Pattern.compile("/api/v1/interactions/[^/]+/ivr/replies");

    @Override
    public void handle(RoutingContext ctx) {
        ctx.remove(READING);
        try {
            screenPath(ctx.request().path());
            for (Map.Entry<String, String> q : ctx.queryParams()) {
                if (CardNumberTripwire.containsCardNumber(q.getKey())) {
                    throw ApiProblem.cardNumber("query");
                }
                if (CardNumberTripwire.containsCardNumber(q.getValue())) {
                    throw ApiProblem.cardNumber("query " + q.getKey());
                }
            }
            for (String header : HEADERS) {
                for (String value : ctx.request().headers().getAll(header)) {
                    if (CardNumberTripwire.containsCardNumber(value)) {
                        throw ApiProblem.cardNumber("header " + header);
                    }
                }
            }
            HttpMethod m = ctx.request().method();
            Buffer body = ctx.body().buffer();
            if ((m == HttpMethod.POST || m == HttpMethod.PUT) && body != null && body.length() > 0) {
                boolean cardEntry = m == HttpMethod.POST
                        && CARD_ENTRY.matcher(ctx.request().path()).matches();
                screenBody(body.getBytes(), !cardEntry);
            }
        } catch (ApiProblem p) {
            Api.writeProblem(ctx, p);
            return;
        } catch (IllegalArgumentException e) { // a malformed %-escape in the path or the query
            Api.writeProblem(ctx, ApiProblem.malformed("the request's path or query is not correctly %-encoded"));
            return;
        }
        ctx.next();
    }

    /**
     * Whether a {@code Content-Type} names JSON: {@code application/json} or {@code application/<name>+json}, with
     * parameters (a {@code charset} only if it is UTF-8, the one encoding of JSON).
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json")
                || (type.startsWith("application/")
                        && type.endsWith("+json")
                        && type.length() > "application/+json".length()
                        && type.indexOf('/') == type.lastIndexOf('/'));
        if (!json) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2
                            || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the body with {@code bodies}, remembering that it is being read: a failure before it is read in full (bytes
     * that are not HTTP, such as a malformed chunk size, or a connection closed mid-body) is the request's, not a bug.
     */
    static Handler<RoutingContext> reading(BodyHandler bodies) {
        return ctx -> {
            ctx.put(READING, Boolean.TRUE);
            bodies.handle(ctx);
        };
    }

    /** Whether the request failed while its body was being read. */
    static boolean failedWhileReading(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(READING));
    }

    /** Refuses (400) a path whose %-escapes are broken, which no route could even be matched against. */
    static void wellEncodedPath(RoutingContext ctx) {
        try {
            URLDecoder.decode(ctx.request().path(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Api.writeProblem(
                    ctx,
                    new ApiProblem(
                            400,
                            "malformed-request",
                            "The request cannot be read",
                            "the request's path is not correctly %-encoded",
                            List.of(),
                            false));
            return;
        }
        ctx.next();
    }

    private static void screenPath(String rawPath) {
        for (String segment : rawPath.split("/")) {
            // Decoded as a form value would be ('+' read as a space too): a looser reading can only find more.
            if (CardNumberTripwire.containsCardNumber(URLDecoder.decode(segment, StandardCharsets.UTF_8))) {
                throw ApiProblem.cardNumber("path");
            }
        }
    }

    /**
     * Reads the body token by token: malformed JSON or a duplicate key is 400, a card number anywhere 422 — in a value
     * only when {@code cards} (the IVR's reply route lets one through).
     */
    static void screenBody(byte[] body, boolean cards) {
        try (JsonParser parser = PublicJson.MAPPER.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        if (CardNumberTripwire.containsCardNumber(parser.currentName())) {
                            throw ApiProblem.cardNumber(path(parser.getParsingContext(), false));
                        }
                    }
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (cards && CardNumberTripwire.containsCardNumber(parser.getText())) {
                            throw ApiProblem.cardNumber(path(parser.getParsingContext(), true));
                        }
                    }
                    default -> {
                        // structure, booleans and null carry no text
                    }
                }
            }
        } catch (StreamReadException e) {
            throw duplicateOrMalformed(e);
        } catch (JsonProcessingException e) {
            throw ApiProblem.malformed("malformed JSON");
        } catch (IOException e) {
            throw ApiProblem.malformed("the body cannot be read");
        }
    }

    private static ApiProblem duplicateOrMalformed(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
            String at = path(p.getParsingContext(), false);
            return new ApiProblem(
                    400,
                    "malformed-request",
                    "The request cannot be read",
                    "a field is given twice",
                    List.of(new ApiProblem.FieldError(at, "a field is given twice in this object")));
        }
        return ApiProblem.malformed("malformed JSON");
    }

    /**
     * Where the parser is, as {@code queue.requirements[1].skill}: with the current field's name, or (for a name that
     * must not be repeated) the object holding it.
     */
    static String path(JsonStreamContext at, boolean withCurrentName) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if ((c != at || withCurrentName) && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && !sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
