package io.firstcontact.desktop.desk;

import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.push.PushChannel;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The advisor's desk: its API under {@code /desk/api}, its push feed at {@code /desk/push}. */
public final class DeskModule {
    private static final int MAX_BODY = 64 * 1024;

    private final Desks desks;
    private final DeskDevices devices = new DeskDevices();
    private final DeskRoutes routes;
    private final DeskFeed feed;

    public DeskModule(
            Vertx vertx,
            DesktopOptions options,
            RoutingPort routing,
            LiveView view,
            Executor engineThread,
            Consumer<String> sessionRestored) {
        this.desks = new Desks(view, options.reasonAttribute());
        DeskLiveness liveness =
                new DeskLiveness(vertx, routing, engineThread, view, options.sessionGrace(), sessionRestored);
        this.routes = new DeskRoutes(routing, engineThread, view, desks, options, devices, WorkExtras.NONE);
        this.feed = new DeskFeed(desks, engineThread, liveness, new ScreenPops());
    }

    /** Follows committed entries; subscribe it after the read model. */
    public Desks desks() {
        return desks;
    }

    public DeskDevices devices() {
        return devices;
    }

    public void mount(Router router, StaffGuard guard, PushChannel push) {
        router.route("/desk/api/*").handler(guard.api(StaffRole.ADVISOR));
        router.post("/desk/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        routes.mount(router);
        router.get("/desk/push").handler(guard.api(StaffRole.ADVISOR)).handler(push.endpoint(feed));
    }
}
