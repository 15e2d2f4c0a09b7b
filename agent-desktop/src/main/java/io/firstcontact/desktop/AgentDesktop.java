package io.firstcontact.desktop;

import io.firstcontact.desktop.desk.DeskModule;
import io.firstcontact.desktop.push.PushChannel;
import io.firstcontact.desktop.staff.OidcSignIn;
import io.firstcontact.desktop.staff.SignInRoutes;
import io.firstcontact.desktop.staff.SignInThrottle;
import io.firstcontact.desktop.staff.StaffDirectory;
import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.staff.StaffSessions;
import io.firstcontact.desktop.supervisor.SupervisorModule;
import io.firstcontact.desktop.supervisor.SupervisorPorts;
import io.firstcontact.desktop.web.StaffPages;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.port.AdvisorDevices;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisor desktop and staff sign-in, as the server mounts them on its public listener:
 *
 * <ul>
 *   <li>{@code /signin}, {@code /auth/…}: staff sign in with a password or single sign-on, and out;
 *   <li>{@code /desk/}: the advisor's desk (advisor role), its API {@code /desk/api/…} and push feed
 *       {@code /desk/push};
 *   <li>{@code /supervisor/}: the supervisor view, {@code /supervisor/wallboard}: the live wallboard, with their API
 *       {@code /supervisor/api/…} and push feed {@code /supervisor/push} (supervisor role);
 *   <li>{@code /assets/…}, {@code /lib/…}: the pages' scripts, styles and libraries.
 * </ul>
 *
 * <p>It talks to routing only through the {@link RoutingPort} and reads the {@link LiveView} on the engine thread it is
 * confined to. The server subscribes {@link #sink()} <em>after</em> the read model, feeds it the entries recovery
 * replays, and {@link #start() starts} it before mounting.
 */
public final class AgentDesktop {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDesktop.class);

    private final Vertx vertx;
    private final DesktopOptions options;
    private final StaffSessions sessions;
    private final StaffGuard guard;
    private final PushChannel push;
    private final DeskModule desk;
    private final SupervisorModule supervisor;
    private final StaffPages pages = new StaffPages();
    private final InstantSource clock;
    private OidcSignIn oidc;

    /**
     * @param view the read model, fed on {@code engineThread}
     * @param engineThread the thread the read model is confined to (the engine's)
     * @param accounts the account directory (the cached one, warmed on arrival) for back-office records
     * @param interactionAccounts each interaction's customer, as the account context identified them, for screen pops
     * @param observer hears how long pushes and screen pops took
     * @param sessionRestored hears each advisor whose routing session a desk connection restored
     */
    public AgentDesktop(
            Vertx vertx,
            DesktopOptions options,
            RoutingPort routing,
            LiveView view,
            Executor engineThread,
            AccountDirectory accounts,
            InteractionAccounts interactionAccounts,
            InstantSource clock,
            DeskObserver observer,
            Consumer<String> sessionRestored) {
        this(
                vertx,
                options,
                routing,
                view,
                engineThread,
                accounts,
                interactionAccounts,
                clock,
                observer,
                sessionRestored,
                SupervisorPorts.defaults(),
                Conversations.NONE);
    }

    /**
     * @param supervision where supervisor actions are audited, and the channels supervisors join calls and chats
     *     through
     * @param conversations the written channels' conversations (chats side by side on the desk, each read, followed
     *     and answered in its own panel); {@link Conversations#NONE} without a written channel
     */
    public AgentDesktop(
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
            SupervisorPorts supervision,
            Conversations conversations) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = new StaffSessions(vertx, options.staff());
        this.guard = new StaffGuard(sessions);
        this.push = new PushChannel(vertx, sessions, options.push());
        this.desk = new DeskModule(
                vertx,
                options,
                routing,
                view,
                engineThread,
                accounts,
                interactionAccounts,
                clock,
                observer,
                sessionRestored,
                Objects.requireNonNull(conversations, "conversations"));
        this.supervisor =
                new SupervisorModule(vertx, options, routing, view, engineThread, clock, observer, supervision);
    }

    /** Discovers the single sign-on provider, when one is configured. */
    public Future<Void> start() {
        if (options.staff().oidc() == null) {
            return Future.succeededFuture();
        }
        return OidcSignIn.discover(vertx, options.staff().oidc())
                .onSuccess(o -> {
                    oidc = o;
                    LOG.info(
                            "staff single sign-on through {}",
                            options.staff().oidc().issuer());
                })
                .mapEmpty();
    }

    /** Follows committed entries; subscribe it after the read model. */
    public EffectSink sink() {
        EffectSink desks = desk.desks();
        EffectSink supervisors = supervisor.sink();
        return (input, decision) -> {
            desks.committed(input, decision);
            supervisors.committed(input, decision);
        };
    }

    /** After a restart from a snapshot, before the replay. */
    public void restore(EngineSnapshot snapshot) {
        desk.desks().restore(snapshot);
        supervisor.restore(snapshot);
    }

    /**
     * An entry recovery replays (the desks rebuild their contexts and the advisors' contact histories, the contacts'
     * stories follow it).
     */
    public void replayed(EngineInput input, Decision decision) {
        desk.desks().committed(input, decision);
        supervisor.replayed(input, decision);
    }

    /** Stops the desktop's own threads; the server calls it when it stops. */
    public void close() {
        desk.close();
        supervisor.close();
    }

    /** Recovery is over and routing is open: promised callbacks still waiting are timed again. */
    public void recovered() {
        desk.recovered();
    }

    /** The phones advisors sit at, for the voice adapter. */
    public AdvisorDevices devices() {
        return desk.devices();
    }

    /** Push connections open now (desks and wallboards). */
    public int connections() {
        return push.connections();
    }

    /** Wallboards (and supervisor views) open now. */
    public int wallboards() {
        return supervisor.wallboard().watching();
    }

    /** Adds the desktop's routes to the public listener's router. */
    public void mount(Router router) {
        StaffPages.secure(router, "/signin", "/desk/*", "/supervisor/*", "/auth/*", "/assets/*", "/lib/*");
        for (String path : new String[] {"/signin", "/desk/*", "/supervisor/*", "/auth/*"}) {
            router.route(path).handler(sessions.handler());
        }
        pages.assets(router);
        router.get("/")
                .handler(ctx -> ctx.response()
                        .setStatusCode(303)
                        .putHeader("Location", "/signin")
                        .end());
        router.get("/signin").handler(StaffPages.page("signin.html"));
        new SignInRoutes(
                        vertx,
                        sessions,
                        new StaffDirectory(options.staff().users()),
                        new SignInThrottle(
                                clock,
                                options.staff().attemptsPerAddress(),
                                options.staff().maxFailures(),
                                options.staff().lockout()),
                        oidc)
                .mount(router);
        router.get("/desk/").handler(guard.page(StaffRole.ADVISOR)).handler(StaffPages.page("desk.html"));
        desk.mount(router, guard, push);
        supervisor.mount(router, guard, push);
    }

    /** For tests and the wallboard: the session and role check. */
    public StaffGuard guard() {
        return guard;
    }

    public PushChannel push() {
        return push;
    }
}
