package io.firstcontact.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.wire.PublicJson;
import java.util.List;

/**
 * An RFC 9457 problem: thrown by a handler, written as {@code application/problem+json} with {@code type}, {@code
 * title}, {@code status}, {@code detail}, {@code instance} and, for invalid input, {@code errors} naming each field.
 * The detail never echoes a submitted value.
 */
public final class ApiProblem extends RuntimeException {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final long serialVersionUID = 1L;

    /** One invalid field: {@code field} is a JSON path such as {@code queue.requirements[1].skill}. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;
    /** Whether {@code instance} (the request's path) is written: not when the path may hold what was refused. */
    private final boolean withInstance;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, true);
    }

    /** @param withInstance whether the request's path is written back as {@code instance} */
    ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors, boolean withInstance) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.withInstance = withInstance;
    }

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(
                422, "invalid-request", "The request is not valid", message, List.of(new FieldError(field, message)));
    }

    public static ApiProblem malformed(String detail) {
        return new ApiProblem(400, "malformed-request", "The request cannot be read", detail);
    }

    /**
     * What looks like a payment card number, found at {@code field} ({@code path}, {@code query <name>}, {@code header
     * <name>} or a JSON path into the body). Neither the value nor the request's path is written back.
     */
    public static ApiProblem cardNumber(String field) {
        return new ApiProblem(
                422,
                "card-number",
                "A card number is not accepted",
                "a value looks like a payment card number (a Luhn-valid run of 13–19 digits); card details must never"
                        + " be sent to FirstContact, and nothing was changed",
                List.of(new FieldError(field, "looks like a card number")),
                false);
    }

    /** A path parameter that cannot be an id: {@code field} is {@code path <name>}. */
    public static ApiProblem malformedPath(String name) {
        String message = "the path's " + name + " must be 1–128 printable ASCII characters without spaces";
        return new ApiProblem(
                400,
                "malformed-request",
                "The request cannot be read",
                message,
                List.of(new FieldError("path " + name, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "The request conflicts with the current state", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Not allowed for this principal", detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "unavailable", "Routing is not available", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return "/problems/" + slug;
    }

    public ObjectNode toJson(String instance) {
        ObjectNode o = PublicJson.MAPPER.createObjectNode();
        o.put("type", type());
        o.put("title", title);
        o.put("status", status);
        if (getMessage() != null) {
            o.put("detail", getMessage());
        }
        if (instance != null && withInstance) {
            o.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            ArrayNode a = o.putArray("errors");
            for (FieldError e : errors) {
                a.addObject().put("field", e.field()).put("message", e.message());
            }
        }
        return o;
    }
}
