package io.firstcontact.desktop.supervisor;

import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.push.Feed;
import io.firstcontact.desktop.push.PushChannel;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.story.ContactStories;
import io.firstcontact.desktop.wallboard.Wallboard;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.desktop.web.StaffPages;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The supervisor's pages: the supervisor view ({@code /supervisor/}) with its API ({@code /supervisor/api/…}), the
 * live wallboard ({@code /supervisor/wallboard}) and the push feed both pages hold ({@code /supervisor/push}; the
 * supervisor view's, {@code ?chats=joined}, carries the chats its supervisor joined too: {@link JoinedChats}), all for
 * the supervisor role (an administrator may do what a supervisor may). Behind them: each contact's story ({@link
 * ContactStories}), the wallboard ({@link Wallboard}) and the audited commands.
 */
public final class SupervisorModule {
    private static final int MAX_BODY = 16 * 1024;

    private final ContactStories stories;
    private final AuditedCommands audited;
    private final Wallboard wallboard;
    private final SupervisorRoutes routes;
    private final JoinedChats joinedChats;
    private final ExecutorService render = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wallboard-push");
        t.setDaemon(true);
        return t;
    });

    public SupervisorModule(
            Vertx vertx,
            DesktopOptions options,
            RoutingPort routing,
            LiveView view,
            Executor engineThread,
            InstantSource clock,
            DeskObserver observer,
            SupervisorPorts ports) {
        Function<String, String> names = options.staff().advisorNames();
        this.stories = new ContactStories(view, names, ViewOptions.DEFAULT_ENDED_INTERACTIONS);
        this.audited = new AuditedCommands(routing, ports.audit(), clock::millis);
        this.wallboard = new Wallboard(
                view,
                ports.statistics(),
                names,
                engineThread,
                render,
                vertx,
                options.wallboard(),
                observer,
                clock::millis);
        this.joinedChats = new JoinedChats(ports.chats());
        this.routes =
                new SupervisorRoutes(view, engineThread, stories, audited, ports, joinedChats, names, clock::millis);
    }

    /** Follows committed entries, after the read model: the stories, the wallboard, the audit of commands. */
    public EffectSink sink() {
        return (input, decision) -> {
            stories.committed(input, decision);
            wallboard.committed(input, decision);
            audited.committed(input, decision);
        };
    }

    /** After a restart from a snapshot, before the replay. */
    public void restore(EngineSnapshot snapshot) {
        stories.restore(snapshot);
    }

    /** An entry recovery replays: the stories follow it (the wallboard is built when first watched). */
    public void replayed(EngineInput input, Decision decision) {
        stories.committed(input, decision);
    }

    public Wallboard wallboard() {
        return wallboard;
    }

    /** One connection fed by two feeds, each opened and closed with it. */
    private static Feed both(Feed first, Feed second) {
        return (connection, resumeAfter) -> {
            AutoCloseable a = first.open(connection, resumeAfter);
            AutoCloseable b = second.open(connection, resumeAfter);
            return () -> {
                try {
                    b.close();
                } finally {
                    a.close();
                }
            };
        };
    }

    public void close() {
        render.shutdownNow();
    }

    public void mount(Router router, StaffGuard guard, PushChannel push) {
        router.route("/supervisor/api/*").handler(JsonRoutes::pathIds).handler(guard.api(StaffRole.SUPERVISOR));
        router.post("/supervisor/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        routes.mount(router);
        Handler<RoutingContext> board = push.endpoint(wallboard.feed());
        Handler<RoutingContext> boardAndChats = push.endpoint(both(wallboard.feed(), joinedChats.feed()));
        router.get("/supervisor/push").handler(guard.api(StaffRole.SUPERVISOR)).handler(ctx -> {
            String chats = ctx.request().getParam("chats");
            if (chats == null) {
                board.handle(ctx); // a wallboard
            } else if (chats.equals("joined")) {
                boardAndChats.handle(ctx); // the supervisor view
            } else {
                Problem.invalid("chats is joined, or left out").write(ctx);
            }
        });
        router.get("/supervisor/")
                .handler(guard.page(StaffRole.SUPERVISOR))
                .handler(StaffPages.page("supervisor.html"));
        router.get("/supervisor/wallboard")
                .handler(guard.page(StaffRole.SUPERVISOR))
                .handler(StaffPages.page("wallboard.html"));
    }
}
