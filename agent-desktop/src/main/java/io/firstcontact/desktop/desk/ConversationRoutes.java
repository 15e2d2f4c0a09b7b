package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/**
 * A written conversation on the desk (a chat, beside the advisor's other chats), each route for the advisor who holds
 * the work named in the path ({@code /desk/api/work/{assignmentId}/…}):
 *
 * <ul>
 *   <li>{@code GET …/conversation} — its transcript so far ({@code entries}, each with its {@code seq});
 *   <li>{@code POST …/messages} — {@code {"clientId":…,"text":…}}: the advisor writes (a repeat of the same clientId
 *       adds nothing); card numbers are masked before the text is kept or shown;
 *   <li>{@code POST …/typing} — {@code {"on":true}}: the resident sees that the advisor is typing;
 *   <li>{@code GET …/attachments/{id}} — a file the resident sent, always as a download.
 * </ul>
 *
 * <p>New entries and the resident's typing reach the page over the desk's push ({@link ConversationFollows}).
 */
final class ConversationRoutes {
    private final DeskRoutes desk;
    private final Conversations conversations;

    ConversationRoutes(DeskRoutes desk, Conversations conversations) {
        this.desk = desk;
        this.conversations = conversations;
    }

    record Message(String clientId, String text) {}

    record Typing(Boolean on) {}

    void mount(Router router) {
        JsonRoutes.handle(
                router.get("/desk/api/work/:id/conversation"),
                (p, ctx) -> desk.ownWork(p, ctx)
                        .thenCompose(as -> conversations.transcript(as.interactionId()))
                        .thenApply(t -> ConversationJson.transcript(
                                t.orElseThrow(() -> Problem.notFound("this work has no written conversation")))));
        JsonRoutes.handle(router.post("/desk/api/work/:id/messages"), (p, ctx) -> {
            Message b = JsonRoutes.body(ctx, Message.class);
            ConversationJson.requireMessage(b.clientId(), b.text());
            return desk.ownWork(p, ctx)
                    .thenCompose(as -> conversations
                            .write(as.interactionId(), author(p), b.clientId(), b.text())
                            .toCompletableFuture())
                    .handle((e, failure) -> {
                        if (failure != null) {
                            throw ConversationJson.refusal(failure);
                        }
                        return (JsonNode) ConversationJson.entry(e);
                    });
        });
        JsonRoutes.handle(router.post("/desk/api/work/:id/typing"), (p, ctx) -> {
            Typing b = JsonRoutes.body(ctx, Typing.class);
            boolean on = Boolean.TRUE.equals(b.on());
            return desk.ownWork(p, ctx).thenApply(as -> {
                conversations.typing(as.interactionId(), author(p), on);
                return null;
            });
        });
        router.get("/desk/api/work/:id/attachments/:attachmentId").handler(this::attachment);
    }

    private void attachment(RoutingContext ctx) {
        StaffPrincipal p = io.firstcontact.desktop.staff.StaffGuard.principal(ctx);
        String attachmentId = ctx.pathParam("attachmentId");
        var context = Vertx.currentContext();
        desk.ownWork(p, ctx)
                .thenCompose(as -> conversations.attachment(as.interactionId(), attachmentId))
                .whenComplete((content, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        Throwable c = failure instanceof CompletionException ? failure.getCause() : failure;
                        (c instanceof Problem pr ? pr : Problem.notFound("no such work")).write(ctx);
                        return;
                    }
                    if (content.isEmpty()) {
                        Problem.notFound("no such attachment").write(ctx);
                        return;
                    }
                    Attachment a = content.get().attachment();
                    // Always a download, never shown in the page: whatever the file holds, it runs nothing here.
                    ctx.response()
                            .putHeader("Content-Type", "application/octet-stream")
                            .putHeader(
                                    "Content-Disposition",
                                    "attachment; filename*=UTF-8''"
                                            + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8)
                                                    .replace("+", "%20"))
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Content-Security-Policy", "sandbox")
                            .putHeader("Cache-Control", "no-store")
                            .end(Buffer.buffer(content.get().bytes()));
                }));
    }

    /** What the other side sees of the advisor: their name as signed in. */
    static Author author(StaffPrincipal p) {
        return Author.advisor(p.agentId(), ConversationJson.firstName(p.name()));
    }
}
