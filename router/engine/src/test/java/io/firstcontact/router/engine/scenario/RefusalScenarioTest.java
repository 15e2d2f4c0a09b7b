package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.billingWithAnn;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.engine.Driver;
import org.junit.jupiter.api.Test;

/** Retries, duplicates, inputs not built yet and card numbers: nothing changes by accident. */
class RefusalScenarioTest {

    private static Command.CreateInteraction call(String id, String sourceRef) {
        return new Command.CreateInteraction(
                id, "voice", Direction.INBOUND, sourceRef, null, null, Attributes.NONE, QueueRequest.to("billing"));
    }

    @Test
    void retriedInputWithTheSameIdempotencyKeyChangesNothing() {
        Driver d = billingWithAnn();
        Decision first = d.apply(call("c1", "voice:pbx1:1001"), "req-1");
        assertThat(first.facts()).isNotEmpty();
        String before = Council.stateApartFromClock(d.engine());

        Decision retry = d.apply(call("c1", "voice:pbx1:1001"), "req-1");
        assertThat(retry.facts()).isEmpty();
        assertThat(retry.effects()).containsExactly(new Effect.Duplicate("req-1"));
        // Even a different command under a seen key is not applied.
        Decision other = d.apply(call("c2", "voice:pbx1:1002"), "req-1");
        assertThat(other.effects()).containsExactly(new Effect.Duplicate("req-1"));
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
        assertThat(d.engine().position("c2")).isZero();
    }

    @Test
    void secondCreationForTheSameSourceNamesTheExistingInteraction() {
        Driver d = billingWithAnn();
        d.apply(call("c1", "voice:pbx1:1001"));
        String before = Council.stateApartFromClock(d.engine());
        Decision again = d.apply(call("c1-retry", "voice:pbx1:1001"));
        assertThat(again.facts()).isEmpty();
        assertThat(again.effects()).containsExactly(new Effect.AlreadyExists("c1"));
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
    }

    @Test
    void sourceRefCanBeUsedAgainOnceTheInteractionHasEnded() {
        Driver d = billingWithAnn();
        d.apply(call("c1", "voice:pbx1:1001"));
        d.hangUp("c1");
        Decision again = d.apply(call("c2", "voice:pbx1:1001"));
        assertThat(again.facts()).anySatisfy(f -> assertThat(f).isInstanceOf(Fact.InteractionCreated.class));
    }

    @Test
    void anInputJournaledBeforeItsCommandWasBuiltIsRefusedAgainAsNotSupportedYet() {
        Driver d = billingWithAnn();
        d.login("ann", true);
        d.apply(call("c1", "voice:pbx1:1001"));
        String before = Council.stateApartFromClock(d.engine());
        Decision refused = d.apply(new Command.RefusedAsNotSupported("Park"));
        assertThat(refused.facts()).isEmpty();
        assertThat(effects(refused, Effect.Refused.class)).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Refusal.NOT_SUPPORTED_YET);
            assertThat(r.message()).isEqualTo("Park is not supported yet");
        });
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
    }

    @Test
    void answeringAnOfferNobodyMadeIsRefusedAsNotFound() {
        Driver d = billingWithAnn();
        Decision refused = d.accept("o1-99-1");
        assertThat(effects(refused, Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.NOT_FOUND));
    }

    @Test
    void cardNumberInAnAttributeIsRefusedWithoutEchoingIt() {
        String card = "4111111111111111"; // Luhn-valid test Visa number
        assertThatThrownBy(() -> new Attribute("note", card))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(card)
                        .doesNotContain("4111")
                        .doesNotContain("1111"));
        assertThatThrownBy(() -> new Attribute("note", "card 4111 1111 1111 1111 exp 12/29"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4111"));
        assertThatThrownBy(() -> Attributes.of("uprn", "100023336956", "note", "pay with 4111-1111-1111-1111"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertyReferenceAndPhoneNumberAreAccepted() {
        Attributes ok = Attributes.of(
                "uprn", "100023336956", "phone", "07700 900123", "intl", "+44 20 7946 0958", "pcn", "WK12345678");
        assertThat(ok.get("uprn")).isEqualTo("100023336956");
        assertThat(ok.get("phone")).isEqualTo("07700 900123");
        // Twelve digits is too short for a card however it is written.
        assertThat(new Attribute("ref", "1000-2333-6956").value()).isEqualTo("1000-2333-6956");
    }
}
