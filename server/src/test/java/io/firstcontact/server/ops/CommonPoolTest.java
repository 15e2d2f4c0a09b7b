package io.firstcontact.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommonPoolTest {
    @Test
    void onTwoProcessorsTheCommonPoolGetsTwoThreadsSoCallbacksDoNotEachStartAThread() {
        assertThat(CommonPool.parallelismFor(2, Optional.empty())).hasValue(2);
        assertThat(CommonPool.parallelismFor(1, Optional.empty())).hasValue(2);
    }

    @Test
    void onALargerMachineTheJdksOwnChoiceStands() {
        assertThat(CommonPool.parallelismFor(3, Optional.empty())).isEmpty();
        assertThat(CommonPool.parallelismFor(16, Optional.empty())).isEmpty();
    }

    @Test
    void anOperatorsOwnSettingIsLeftAsItIs() {
        assertThat(CommonPool.parallelismFor(2, Optional.of("1"))).isEmpty();
    }
}
