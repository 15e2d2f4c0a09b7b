package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RedisClientsTest {

    @Test
    void an_nio_loop_is_lent_to_lettuce_and_a_loop_that_cannot_carry_its_sockets_is_not() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup local = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        DefaultEventLoop plain = new DefaultEventLoop();
        try {
            // This module has no native transport on its class path: Lettuce opens NIO sockets.
            assertThat(RedisClients.carries(nio.next(), NioSocketChannel.class)).isTrue();
            assertThat(RedisClients.onEventLoop(nio.next())).isPresent();

            assertThat(RedisClients.carries(local.next(), NioSocketChannel.class))
                    .isFalse();
            assertThat(RedisClients.onEventLoop(local.next())).isEmpty();
            assertThat(RedisClients.onEventLoop(plain)).isEmpty();
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            local.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            plain.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
