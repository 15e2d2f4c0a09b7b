package io.firstcontact.server.runtime;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The event loop the routing engine runs on. The host, the read model, the event streams and the API's connections
 * all share it, so a request is decided, its reply written and its events pushed without crossing a thread. The
 * journal's connection to Redis lives on it too, so a commit is written and acknowledged here as well. Everything run
 * here must not block, and above all must not wait for Redis.
 *
 * <p>Deployed as a verticle so that it gets an event loop of its own from Vert.x's pool, apart from the management
 * listener's.
 */
final class EngineLoop extends VerticleBase implements Executor {
    private volatile String deployment;

    static EngineLoop deploy(Vertx vertx) {
        EngineLoop loop = new EngineLoop();
        try {
            loop.deployment = vertx.deployVerticle(loop)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the routing engine's event loop", e);
        }
        return loop;
    }

    Context context() {
        return context;
    }

    /** The Netty event loop under the context, for a client (Lettuce) that puts its connections on it. */
    EventLoop nettyEventLoop() {
        return ((ContextInternal) context).nettyEventLoop();
    }

    /** Runs {@code task} on the loop after what is already queued there, in submission order. */
    @Override
    public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    Future<Void> undeploy() {
        String id = deployment;
        return id == null ? Future.succeededFuture() : vertx.undeploy(id);
    }
}
