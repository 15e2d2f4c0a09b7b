package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * First contact resolution and avoidable contact: a contact is resolved first time when the same customer does not
 * come back within 7 days; a contact that comes back is a repeat, counted by its reason.
 */
class FirstContactResolutionTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);

    private final Floor floor = new Floor(MONDAY.atTime(9, 0));

    private OutcomeFigures day(LocalDate date) {
        return floor.stats.openOutcomes().stream()
                .filter(r -> r.date().equals(date))
                .map(r -> floor.stats.outcomeFigures(r, floor.now()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCustomerWhoComesBackWithinTheWindowWasNotResolvedTheFirstTime() {
        floor.callFrom("c1", "cust-1").callFrom("c2", "cust-2").hangUp("c1").hangUp("c2");
        floor.advance(Duration.ofDays(3)).callFrom("c3", "cust-1").hangUp("c3");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.contacts()).isEqualTo(2);
        assertThat(monday.identified()).isEqualTo(2);
        assertThat(monday.repeated()).isEqualTo(1);
        assertThat(monday.firstContactResolution()).isEqualTo(0.5);
        assertThat(monday.firstContactFinal()).isFalse();
        OutcomeFigures thursday = day(MONDAY.plusDays(3));
        assertThat(thursday.repeats()).isEqualTo(1);
        assertThat(thursday.avoidableContact()).isEqualTo(1.0);
        assertThat(thursday.repeatsByReason()).containsEntry("queue:billing", 1L);
    }

    @Test
    void aContactExactlySevenDaysLaterIsStillARepeatAndOneAMillisecondLaterIsNot() {
        floor.callFrom("c1", "cust-1").callFrom("c2", "cust-2");
        floor.advance(Duration.ofDays(7)).callFrom("c3", "cust-1");
        floor.advanceSeconds(0.001).callFrom("c4", "cust-2");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.repeated()).isEqualTo(1);
        assertThat(monday.firstContactResolution()).isEqualTo(0.5);
    }

    @Test
    void withoutACustomerReferenceTheCallerNumberRecognisesTheCustomer() {
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001")).hangUp("c1");
        floor.callWith("c2", Attributes.NONE).hangUp("c2");
        floor.advance(Duration.ofHours(2));
        floor.callWith("c3", Attributes.of("callerNumber", "+441632960001")).hangUp("c3");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.contacts()).isEqualTo(3);
        assertThat(monday.identified()).isEqualTo(2);
        assertThat(monday.repeated()).isEqualTo(1);
        assertThat(monday.repeats()).isEqualTo(1);
        assertThat(monday.firstContactResolution()).isEqualTo(0.5);
    }

    private void emailFrom(String id, String address) {
        floor.apply(new Command.CreateInteraction(
                id,
                "email",
                Direction.INBOUND,
                "email:" + id,
                null,
                null,
                Attributes.of("email", address),
                QueueRequest.to("email")));
    }

    private void identified(String id, String customerRef) {
        floor.apply(new Command.IdentifyCustomer(id, customerRef));
    }

    @Test
    void aResidentWhoPhonesThenEmailsAboutTheSameBinIsARepeatOnceBothAreIdentified() {
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001"));
        identified("c1", "cust-1");
        floor.hangUp("c1").advance(Duration.ofDays(1));
        emailFrom("e1", "resident@example.org");
        identified("e1", "cust-1");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.identified()).isEqualTo(1);
        assertThat(monday.repeated()).isEqualTo(1);
        assertThat(monday.firstContactResolution()).isZero();
        OutcomeFigures tuesday = day(MONDAY.plusDays(1));
        assertThat(tuesday.identified()).isEqualTo(1);
        assertThat(tuesday.repeats()).isEqualTo(1);
    }

    @Test
    void aCallerKnownByNumberAndThenIdentifiedIsCountedOnce() {
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001"));
        floor.advance(Duration.ofHours(1));
        floor.callWith("c2", Attributes.of("callerNumber", "+441632960001")); // a repeat by the number
        identified("c2", "cust-1");
        floor.advance(Duration.ofHours(1));
        floor.callFrom("c3", "cust-1"); // a repeat of c2 by the reference

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.contacts()).isEqualTo(3);
        assertThat(monday.identified()).isEqualTo(3);
        assertThat(monday.repeated())
                .as("c1 and c2 came back, each counted once")
                .isEqualTo(2);
        assertThat(monday.repeats()).as("c2 and c3").isEqualTo(2);
    }

    @Test
    void aCallerIdentifiedAfterTheirNumberCalledAgainIsNotCountedTwice() {
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001"));
        floor.advanceSeconds(1).callWith("c2", Attributes.of("callerNumber", "+441632960001"));
        identified("c1", "cust-1"); // its lookup finished after the second call came: that one judged it already
        identified("c2", "cust-1");
        floor.advance(Duration.ofHours(1)).callFrom("c3", "cust-1");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.identified()).isEqualTo(3);
        assertThat(monday.repeated()).as("c1 by c2, c2 by c3").isEqualTo(2);
        assertThat(monday.repeats()).isEqualTo(2);
    }

    @Test
    void aCallerWithNothingToRecogniseThemIsIdentifiedByTheReferenceTheyKeyedIn() {
        floor.callWith("c1", Attributes.NONE);
        identified("c1", "cust-1");
        floor.advance(Duration.ofHours(1)).callFrom("c2", "cust-1");

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.identified()).isEqualTo(2);
        assertThat(monday.repeated()).isEqualTo(1);
    }

    @Test
    void repeatsAreCountedByTheWrapUpCodeOfTheContactThatCameBack() {
        floor.advisor("ann", true)
                .callFrom("c1", "cust-1")
                .answer("c1")
                .end("c1")
                .advanceSeconds(30);
        floor.callFrom("c2", "cust-1").answer("c2").wrapUpCodes("c2", "missed-bin", "complaint");
        floor.end("c2").advanceSeconds(30);

        assertThat(day(MONDAY).repeatsByReason())
                .containsEntry("missed-bin", 1L)
                .hasSize(1);
    }

    @Test
    void aDaysFiguresAreFinalOnceItsWindowHasPassed() {
        floor.callFrom("c1", "cust-1");
        floor.advance(Duration.ofDays(8));

        OutcomeFigures monday = day(MONDAY);
        assertThat(monday.firstContactFinal()).isTrue();
        assertThat(monday.firstContactResolution()).isEqualTo(1.0);
    }
}
