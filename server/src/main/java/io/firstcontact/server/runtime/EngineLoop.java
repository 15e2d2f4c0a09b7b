package io.firstcontact.server.runtime;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The event loop the routing engine runs on: the host, the read model and the listeners that follow committed entries
 * (the event streams' logs, the desks, the wallboard). The journal's connection to Redis lives on it too, so a commit is
 * written and acknowledged here as well. The public listener's connections do not: they are spread over the other
 * loops ({@link #apart()}), so a thousand wallboards' socket writes never delay a decision or a commit. Everything run
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

    /** The Netty event loop under the context, for a client (Lettuce) that puts its connections on it. */
    EventLoop nettyEventLoop() {
        return ((ContextInternal) context).nettyEventLoop();
    }

    /**
     * A fresh context on each of Vert.x's other event loops: the public listener's connections (the API's, the desks'
     * and the wallboards' sockets) live there, so their reads and writes never queue behind, or in front of, routing's
     * work on this loop. Vert.x has at least two event loops (two per core by default); were there only this one, its
     * context is returned.
     */
    List<Context> apart() {
        EventLoop mine = nettyEventLoop();
        VertxInternal v = (VertxInternal) vertx;
        List<Context> out = new ArrayList<>();
        for (EventExecutor e : v.nettyEventLoopGroup()) {
            if (e != mine && e instanceof EventLoop other) {
                out.add(v.contextBuilder().withEventLoop(other).build());
            }
        }
        return out.isEmpty() ? List.of(context) : List.copyOf(out);
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
