package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * One branch of a {@link Step.Branch}: if the subject {@code is} a value, or is {@code above} a number, go to a step.
 *
 * <p>Subjects: {@code pcn.status} (OPEN, PAID, CANCELLED, APPEALED), {@code pcn.amountDue} (pence),
 * {@code councilTax.balance} (pence), {@code account.found} (yes, no), {@code account.openRequests} (a count),
 * {@code calendar.<id>} (open, closed, emergency), {@code entry.<name>} (what the caller keyed into that name).
 *
 * @param subject what is tested
 * @param is the value it must have, or null
 * @param above the number it must exceed, or null
 * @param then the step to go to
 */
public record Rule(String subject, String is, Long above, String then) {

    /** The subjects a rule may test. */
    public enum Subject {
        PCN_STATUS("pcn.status", List.of("open", "paid", "cancelled", "appealed")),
        PCN_AMOUNT_DUE("pcn.amountDue", null),
        COUNCIL_TAX_BALANCE("councilTax.balance", null),
        ACCOUNT_FOUND("account.found", List.of("yes", "no")),
        OPEN_REQUESTS("account.openRequests", null),
        CALENDAR("calendar.", List.of("open", "closed", "emergency")),
        ENTRY("entry.", List.of());

        private final String name;
        /** The values {@code is} may take; null for a number (only {@code above}); empty for any text. */
        private final List<String> values;

        Subject(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }

        /** The subject {@code text} names, or null. */
        static Subject of(String text) {
            for (Subject s : values()) {
                if (s.name.endsWith(".")
                        ? text.startsWith(s.name) && text.length() > s.name.length()
                        : text.equals(s.name)) {
                    return s;
                }
            }
            return null;
        }

        public boolean numeric() {
            return values == null;
        }
    }

    @JsonCreator
    public Rule(
            @JsonProperty("if") String subject,
            @JsonProperty("is") String is,
            @JsonProperty("above") Long above,
            @JsonProperty("goto") String then) {
        if (subject == null) {
            throw new IllegalArgumentException("a branch rule needs if: (what it tests)");
        }
        Subject s = Subject.of(subject);
        if (s == null) {
            throw new IllegalArgumentException("a branch rule cannot test '" + subject
                    + "': it tests pcn.status, pcn.amountDue, councilTax.balance, account.found,"
                    + " account.openRequests, calendar.<id> or entry.<name>");
        }
        if ((is == null) == (above == null)) {
            throw new IllegalArgumentException("the branch rule on " + subject + " needs either is: or above:");
        }
        if (s.numeric() && is != null) {
            throw new IllegalArgumentException(subject + " is a number: test it with above:");
        }
        if (!s.numeric() && above != null) {
            throw new IllegalArgumentException(subject + " is not a number: test it with is:");
        }
        String value = is == null ? null : (s == Subject.ENTRY ? is : is.toLowerCase(Locale.ROOT));
        if (s == Subject.ACCOUNT_FOUND && value != null) {
            // YAML reads an unquoted yes or no as a boolean: both spellings mean the same here.
            value = value.equals("true") ? "yes" : value.equals("false") ? "no" : value;
        }
        if (value != null && !s.values.isEmpty() && !s.values.contains(value)) {
            throw new IllegalArgumentException(subject + " is one of " + s.values + ", not " + is);
        }
        this.subject = subject;
        this.is = value;
        this.above = above;
        this.then = FlowIds.require(then, "the goto: of the branch rule on " + subject);
    }

    public Subject kind() {
        return Subject.of(subject);
    }

    /** The calendar id or entry name after the subject's prefix ({@code calendar.office} → {@code office}). */
    public String argument() {
        return subject.substring(subject.indexOf('.') + 1);
    }
}
