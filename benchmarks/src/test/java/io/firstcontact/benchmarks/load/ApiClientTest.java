package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiClientTest {
    @Test
    void aRequestMadeAfterTheClientIsClosedFailsWithoutBeingSent() throws Exception {
        int port;
        try (ServerSocket nobody = new ServerSocket(0)) {
            port = nobody.getLocalPort();
        }
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, "token", 1, 2);
        api.close();

        var answer = api.post("create", "/api/v1/interactions", "{}");

        assertThat(answer)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ApiClient.ClosedException.class);
    }
}
