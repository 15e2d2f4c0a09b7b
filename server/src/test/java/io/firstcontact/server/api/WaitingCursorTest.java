package io.firstcontact.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.model.CardNumberTripwire;
import org.junit.jupiter.api.Test;

/** A waiting page's cursor comes back to the API, through its card-number tripwire: it must never look like a card. */
class WaitingCursorTest {
    /** The read model's cursor for a place in line entered at a millisecond whose 13 digits are Luhn-valid. */
    private static final String LUHN_VALID_PLACE = "0:1795512730007:1057";

    @Test
    void aCursorLeavesTheApiOpaqueAndComesBackAsItWas() {
        assertThat(CardNumberTripwire.containsCardNumber(LUHN_VALID_PLACE))
                .as("the read model's own form would trip")
                .isTrue();
        String outward = ViewRoutes.outward(LUHN_VALID_PLACE);
        assertThat(CardNumberTripwire.containsCardNumber(outward)).isFalse();
        assertThat(ViewRoutes.inward(outward)).isEqualTo(LUHN_VALID_PLACE);
        assertThat(ViewRoutes.outward(null)).isNull();
    }

    @Test
    void aCursorThatIsNotOneOfOursIs422() {
        assertThatThrownBy(() -> ViewRoutes.inward("not base64 at all!"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(422));
    }
}
