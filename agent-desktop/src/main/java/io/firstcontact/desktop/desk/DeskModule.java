package io.firstcontact.desktop.desk;

import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.crosssell.CrossSellPrompts;
import io.firstcontact.desktop.push.PushChannel;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The advisor's desk: its API under {@code /desk/api} (state, offers, work, wrap-up, cross-sell, scripts, callbacks,
 * calls, hold, transfers and consults) and its push feed at {@code /desk/push}.
 */
public final class DeskModule {
    private static final int MAX_BODY = 64 * 1024;

    private final LiveView view;
    private final Executor engineThread;
    private final Desks desks;
    private final DeskDevices devices = new DeskDevices();
    private final DeskRoutes routes;
    private final ScriptRoutes scripts;
    private final CallRoutes calls;
    private final CallControlRoutes callControls;
    private final PromisedCallbacks callbacks;
    private final ConversationRoutes conversations;
    private final DeskFeed feed;
    private final java.util.concurrent.ExecutorService render =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "desk-push");
                t.setDaemon(true);
                return t;
            });

    public DeskModule(
            Vertx vertx,
            DesktopOptions options,
            RoutingPort routing,
            LiveView view,
            Executor engineThread,
            AccountDirectory accounts,
            InteractionAccounts interactionAccounts,
            InstantSource clock,
            DeskObserver observer,
            Consumer<String> sessionRestored,
            Conversations conversations) {
        this.view = view;
        this.engineThread = engineThread;
        this.desks = new Desks(
                view,
                options.reasonAttribute(),
                new BackOfficeContacts(accounts, interactionAccounts, options.wrapUpCodes()),
                options.staff().advisorNames());
        DeskLiveness liveness =
                new DeskLiveness(vertx, routing, engineThread, view, options.sessionGrace(), sessionRestored);
        this.routes = new DeskRoutes(routing, engineThread, view, desks, options, devices);
        this.scripts = new ScriptRoutes(routes, desks, options.scripts(), accounts, interactionAccounts, clock);
        this.callbacks = new PromisedCallbacks(vertx, routing, clock);
        this.calls = new CallRoutes(routes, routing, view, desks, callbacks, clock, options.reasonAttribute());
        this.callControls =
                new CallControlRoutes(routes, view, desks, options.staff().advisorNames());
        this.feed = new DeskFeed(
                desks,
                engineThread,
                liveness,
                new ScreenPops(interactionAccounts, new CrossSellPrompts(options.crossSell()), observer),
                observer,
                render,
                conversations);
        this.conversations = new ConversationRoutes(routes, conversations);
    }

    /** Follows committed entries; subscribe it after the read model. */
    public Desks desks() {
        return desks;
    }

    public DeskDevices devices() {
        return devices;
    }

    /** Stops rendering pushes (the server is stopping). */
    public void close() {
        render.shutdownNow();
    }

    /** After recovery: the promised callbacks still waiting get their timers again. */
    public void recovered() {
        engineThread.execute(() -> callbacks.rearm(view, desks));
    }

    public void mount(Router router, StaffGuard guard, PushChannel push) {
        router.route("/desk/api/*").handler(JsonRoutes::pathIds).handler(guard.api(StaffRole.ADVISOR));
        router.post("/desk/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        routes.mount(router);
        scripts.mount(router);
        calls.mount(router);
        callControls.mount(router);
        conversations.mount(router);
        router.get("/desk/push").handler(guard.api(StaffRole.ADVISOR)).handler(push.endpoint(feed));
    }
}
