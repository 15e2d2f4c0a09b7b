package io.firstcontact.desktop.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.XFrameHandler;
import java.io.IOException;
import java.io.InputStream;
import org.webjars.WebJarVersionLocator;

/**
 * The staff pages and what they load: the pages themselves (served to whoever the route's guard lets through), this
 * module's scripts and styles under {@code /assets}, and the browser libraries under {@code /lib/<name>/…}, served from
 * their WebJars at whatever version is on the class path. Every staff response carries a strict Content Security
 * Policy (scripts from this server only: no inline script, no eval), refuses framing and sniffing.
 */
public final class StaffPages {
    public static final String RESOURCES = "firstcontact-desktop/";

    private final WebJarVersionLocator webJars = new WebJarVersionLocator();

    /** Security headers for every staff path. */
    public static void secure(Router router, String... paths) {
        Handler<RoutingContext> csp = CSPHandler.create()
                .setDirective("default-src", "'self'")
                .addDirective("script-src", "'self'")
                .addDirective("style-src", "'self'")
                .addDirective("img-src", "'self' data:")
                .addDirective("connect-src", "'self'")
                .addDirective("frame-ancestors", "'none'")
                .addDirective("base-uri", "'none'")
                .addDirective("form-action", "'self'");
        Handler<RoutingContext> frames = XFrameHandler.create(XFrameHandler.DENY);
        for (String path : paths) {
            router.route(path).handler(csp).handler(frames).handler(ctx -> {
                ctx.response()
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer");
                ctx.next();
            });
        }
    }

    /** Mounts {@code /assets/*} and the libraries the pages use. */
    public void assets(Router router) {
        router.get("/assets/*")
                .handler(StaticHandler.create(RESOURCES + "assets").setCachingEnabled(false));
        library(router, "lit-html");
        library(router, "picocss__pico");
        library(router, "chart.js");
    }

    /** Serves a WebJar (and, in tests, one from the test class path) under {@code /lib/<name>/…}. */
    public void library(Router router, String webJar) {
        String version = webJars.version(webJar);
        if (version == null) {
            throw new IllegalStateException("the WebJar " + webJar + " is not on the class path");
        }
        router.get("/lib/" + webJar + "/*")
                .handler(StaticHandler.create("META-INF/resources/webjars/" + webJar + "/" + version)
                        .setMaxAgeSeconds(86_400));
    }

    /** A page from this module's resources, read once. */
    public static Handler<RoutingContext> page(String name) {
        Buffer html = read(RESOURCES + name);
        return ctx -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(html);
    }

    private static Buffer read(String resource) {
        try (InputStream in = StaffPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
