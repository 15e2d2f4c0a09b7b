package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void theEnginesOfferIdsSortInTheOrderTheyWereMade() {
        List<String> made = List.of("o1-9-1", "o1-9-2", "o1-9-10", "o1-10-1", "o1-100-1", "o2-101-1");
        List<String> sorted = new ArrayList<>(made.reversed());
        sorted.sort(NaturalOrder.IDS);
        assertThat(sorted).isEqualTo(made);
    }

    @Test
    void differentIdsNeverCompareEqual() {
        assertThat(NaturalOrder.compare("a01", "a1")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.compare("a01", "a1")))
                .isEqualTo(-Integer.signum(NaturalOrder.compare("a1", "a01")));
        assertThat(NaturalOrder.compare("a1", "a1")).isZero();
        assertThat(NaturalOrder.compare("a1", "a1b")).isNegative();
        assertThat(NaturalOrder.compare("a", "1")).isPositive();
        assertThat(NaturalOrder.compare("x99999999999999999999", "x100000000000000000000"))
                .isNegative();
    }
}
