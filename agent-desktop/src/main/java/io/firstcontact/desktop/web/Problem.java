package io.firstcontact.desktop.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 9457 problem, as the server's API writes them: thrown by a handler, written by the router's failure handler.
 *
 * @param status the HTTP status
 * @param type a short id of the kind of problem ({@code forbidden}, {@code invalid})
 * @param detail what went wrong, for a person; never echoes user input that may be personal
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String CONTENT_TYPE = "application/problem+json";

    private final int status;
    private final String type;
    /** The field the problem is about ({@code path id}), or null. */
    private final String field;

    public Problem(int status, String type, String detail) {
        this(status, type, detail, null);
    }

    private Problem(int status, String type, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    /** A path segment that cannot be an id: never echoed back. */
    public static Problem malformedPath() {
        return new Problem(
                400,
                "malformed-request",
                "the path's ids must be 1–128 printable ASCII characters without spaces",
                "path id");
    }

    public static Problem unauthenticated() {
        return new Problem(401, "unauthenticated", "sign in first");
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", detail);
    }

    public static Problem invalid(String detail) {
        return new Problem(422, "invalid", detail);
    }

    public static Problem malformed(String detail) {
        return new Problem(400, "malformed-request", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public void write(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("type", "https://firstcontact.io/problems/" + type);
        body.put("title", type);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", ctx.request().path());
        if (field != null) {
            body.putArray("errors").addObject().put("field", field).put("message", getMessage());
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }
}
