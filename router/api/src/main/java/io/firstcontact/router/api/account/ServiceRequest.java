package io.firstcontact.router.api.account;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An open service request ("case"): a missed bin, a housing repair, a fly-tipping report.
 *
 * @param reference the back office's reference for it ({@code SR-204518}): printable, without spaces
 * @param type what it is about, as an id ({@code missed-bin}, {@code bulky-waste}, {@code housing-repair})
 * @param status where it stands
 * @param openedOn the day it was raised
 * @param nextStep what happens next and when ("scheduled for collection on Thursday"), or null
 * @param ownerAdvisorId the advisor who owns it (the same id as the advisor's in routing), or null when a team does
 */
public record ServiceRequest(
        String reference, String type, Status status, LocalDate openedOn, NextStep nextStep, String ownerAdvisorId) {

    public ServiceRequest {
        reference = Fields.id(reference, "a service request reference");
        type = Fields.id(type, "a service request type");
        Objects.requireNonNull(status, "service request status");
        Objects.requireNonNull(openedOn, "service request opened date");
        ownerAdvisorId = Fields.optionalId(ownerAdvisorId, "a service request's owner");
    }

    /** Where an open service request stands. */
    public enum Status {
        /** Raised, not yet looked at. */
        RECEIVED,
        IN_PROGRESS,
        /** A visit or collection is booked (see the next step). */
        SCHEDULED,
        /** Waiting for the customer (a photo, an access date). */
        AWAITING_CUSTOMER
    }

    /**
     * What happens next.
     *
     * @param description in the back office's words, for the advisor to read out
     * @param due the day it is due
     */
    public record NextStep(String description, LocalDate due) {
        public NextStep {
            description = Fields.text(description, "a next step", 200);
            Objects.requireNonNull(due, "next step date");
        }
    }
}
