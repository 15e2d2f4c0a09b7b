package io.firstcontact.router.api.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answers to a scripted form an advisor went through with the customer (a missed-bin report, a change of
 * address), for the back office to act on. Recorded once per {@code (interactionId, formId)}.
 *
 * @param formId the script's id ({@code missed-bin})
 * @param interactionId the contact it was filled in during
 * @param customerRef the customer, or null when they were not identified
 * @param advisorId the advisor who filled it in
 * @param at when it was submitted
 * @param answers the answers, in the form's order
 */
public record FormAnswers(
        String formId, String interactionId, String customerRef, String advisorId, Instant at, List<Answer> answers) {
    public static final int MAX_ANSWERS = 100;

    public FormAnswers {
        formId = Fields.id(formId, "formId");
        interactionId = Fields.id(interactionId, "interactionId");
        customerRef =
                customerRef == null ? null : AccountKey.customerRef(customerRef).value();
        advisorId = Fields.id(advisorId, "advisorId");
        Objects.requireNonNull(at, "form time");
        answers = Fields.list(answers, "answers", MAX_ANSWERS);
        List<String> seen = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            if (seen.contains(a.question())) {
                throw new IllegalArgumentException("question " + a.question() + " is answered twice");
            }
            seen.add(a.question());
        }
    }

    /**
     * One answer. Free text from a conversation: a card number typed into it is refused.
     *
     * @param question the question's id in the script
     * @param value what was answered, at most {@value #MAX_VALUE} characters
     */
    public record Answer(String question, String value) {
        public static final int MAX_VALUE = 2000;

        public Answer {
            question = Fields.id(question, "a question id");
            value = Fields.text(value, "the answer to " + question, MAX_VALUE);
        }
    }
}
