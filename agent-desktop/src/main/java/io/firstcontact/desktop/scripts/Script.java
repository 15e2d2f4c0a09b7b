package io.firstcontact.desktop.scripts;

import io.firstcontact.router.api.model.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guided form for one kind of contact (a missed bin, a council-tax move), configured by administrators and shown
 * with the offer when the contact's reason is one of {@code reasons}. Its answers go into the wrap-up and to the back
 * office.
 *
 * @param id the form's id, as the back office knows it ({@code missed-bin})
 * @param title what the advisor reads
 * @param reasons the contact reasons it is for (values of the reason attribute, e.g. the IVR's service)
 * @param questions in order
 */
public record Script(String id, String title, List<String> reasons, List<Question> questions) {
    public static final int MAX_QUESTIONS = 30;

    public Script {
        Ids.require(id, "script id");
        title = title == null || title.isBlank() ? id : title.strip();
        reasons = List.copyOf(Objects.requireNonNullElse(reasons, List.of()));
        questions = List.copyOf(Objects.requireNonNull(questions, "script " + id + ": questions are required"));
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("script " + id + " needs 1–" + MAX_QUESTIONS + " questions");
        }
        List<String> seen = new ArrayList<>();
        for (Question q : questions) {
            if (seen.contains(q.id())) {
                throw new IllegalArgumentException("script " + id + " asks " + q.id() + " twice");
            }
            seen.add(q.id());
        }
    }

    /**
     * One question.
     *
     * @param kind TEXT (free text), YES_NO, CHOICE (one of {@code choices}), DATE or NUMBER
     * @param required whether the form can be submitted without it
     */
    public record Question(String id, String label, Kind kind, List<String> choices, boolean required) {
        public Question {
            Ids.require(id, "question id");
            label = label == null || label.isBlank() ? id : label.strip();
            kind = Objects.requireNonNullElse(kind, Kind.TEXT);
            choices = List.copyOf(Objects.requireNonNullElse(choices, List.of()));
            if ((kind == Kind.CHOICE) == choices.isEmpty()) {
                throw new IllegalArgumentException("question " + id + ": choices are given for CHOICE, and only then");
            }
        }
    }

    public enum Kind {
        TEXT,
        YES_NO,
        CHOICE,
        DATE,
        NUMBER
    }
}
