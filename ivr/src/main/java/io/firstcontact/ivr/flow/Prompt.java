package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something the IVR says: its text (what a chat shows, and what a recording or text-to-speech speaks) and the sound
 * file a telephone call plays.
 *
 * <p>A text may hold slots, {@code {amount}}, that the step fills in when it speaks: a chat shows the value in words
 * ({@code £65.00}), a call says it (Asterisk's {@code SAY NUMBER}, {@code SAY DIGITS}, {@code SAY DATETIME}). The words
 * between slots are recorded separately: with one stretch of words the file is {@code sound}; with several, the n-th
 * is {@code sound-n} (1-based). Stretches of punctuation only are not spoken.
 *
 * @param id the prompt's id, unique in the flows
 * @param sound the sound file, as Asterisk names it (no extension, relative to its sounds directory:
 *     {@code firstcontact/welcome})
 * @param text the words, at most {@value #MAX_TEXT} characters
 * @param chat the words a chat shows instead, where the spoken ones do not fit a keyboard ("type 1" for "press 1"),
 *     with the same slots; null to show {@code text}
 */
public record Prompt(String id, String sound, String text, String chat) {
    public static final int MAX_TEXT = 1_000;

    @JsonCreator
    public Prompt(
            @JsonProperty("id") String id,
            @JsonProperty("sound") String sound,
            @JsonProperty("text") String text,
            @JsonProperty("chat") String chat) {
        this.id = FlowIds.require(id, "prompt id");
        if (sound == null || !sound.matches("[a-z0-9][a-z0-9_/-]{0,99}") || sound.contains("..")) {
            throw new IllegalArgumentException("prompt " + id
                    + ": sound must be a file name of lower-case letters, digits, - _ and / (no extension)");
        }
        this.sound = sound;
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("prompt " + id + ": every prompt has a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("prompt " + id + ": text is longer than " + MAX_TEXT + " characters");
        }
        if (CardNumberTripwire.containsCardNumber(text)) {
            throw new IllegalArgumentException("prompt " + id + ": text holds what looks like a card number");
        }
        this.text = text.strip();
        parts(this.id, this.text); // validates the slots
        if (chat != null) {
            if (chat.isBlank() || chat.length() > MAX_TEXT || CardNumberTripwire.containsCardNumber(chat)) {
                throw new IllegalArgumentException("prompt " + id + ": chat is 1–" + MAX_TEXT + " characters");
            }
            this.chat = chat.strip();
            if (!slotsOf(parts(this.id, this.chat)).equals(slotsOf(parts(this.id, this.text)))) {
                throw new IllegalArgumentException("prompt " + id + ": chat must have the same slots as text");
            }
        } else {
            this.chat = null;
        }
    }

    /** The prompt as a chat shows it: {@code chat} if given, else {@code text}, cut into words and slots. */
    public List<Part> chatParts() {
        return parts(id, chat != null ? chat : text);
    }

    /** One piece of a prompt's text: words to say, or a slot the step fills in. */
    public sealed interface Part {
        /** Words; {@code sound} is null when they are punctuation only (nothing to play). */
        record Words(String text, String sound) implements Part {}

        record Slot(String name) implements Part {}
    }

    /** The text cut into words and slots, with each stretch of words' sound file. */
    public List<Part> parts() {
        return parts(id, text);
    }

    /** The names of the slots, in order of first use. */
    public Set<String> slots() {
        return slotsOf(parts());
    }

    private static Set<String> slotsOf(List<Part> parts) {
        Set<String> names = new TreeSet<>();
        for (Part p : parts) {
            if (p instanceof Part.Slot s) {
                names.add(s.name());
            }
        }
        return names;
    }

    /** The sound files of the spoken stretches, in order. */
    public List<String> sounds() {
        List<String> files = new ArrayList<>();
        for (Part p : parts()) {
            if (p instanceof Part.Words w && w.sound() != null) {
                files.add(w.sound());
            }
        }
        return files;
    }

    private List<Part> parts(String id, String text) {
        List<String[]> raw = new ArrayList<>(); // {kind, value}: "w" words, "s" slot
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = text.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("prompt " + id + ": a } without its {");
            }
            if (open < 0) {
                raw.add(new String[] {"w", text.substring(i)});
                break;
            }
            if (open > i) {
                raw.add(new String[] {"w", text.substring(i, open)});
            }
            if (close < 0) {
                throw new IllegalArgumentException("prompt " + id + ": a { without its }");
            }
            String name = text.substring(open + 1, close);
            if (!name.matches("[a-z][a-zA-Z0-9]{0,30}")) {
                throw new IllegalArgumentException(
                        "prompt " + id + ": slot {" + name + "} must be a name of letters and digits");
            }
            raw.add(new String[] {"s", name});
            i = close + 1;
        }
        long spoken = raw.stream().filter(r -> r[0].equals("w") && speaks(r[1])).count();
        List<Part> parts = new ArrayList<>(raw.size());
        int n = 0;
        for (String[] r : raw) {
            if (r[0].equals("s")) {
                parts.add(new Part.Slot(r[1]));
            } else if (speaks(r[1])) {
                n++;
                parts.add(new Part.Words(r[1], spoken == 1 ? sound : sound + "-" + n));
            } else {
                parts.add(new Part.Words(r[1], null));
            }
        }
        return parts;
    }

    private static boolean speaks(String words) {
        return words.chars().anyMatch(Character::isLetterOrDigit);
    }
}
