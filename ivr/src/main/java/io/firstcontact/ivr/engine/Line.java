package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.flow.Prompt;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt as the IVR says it now: the prompt and the values of its slots. A call plays the prompt's sound files
 * and says the values between them; a chat shows its text (or its chat text) with the values in words.
 */
public record Line(Prompt prompt, Map<String, Value> values) {
    public Line {
        Objects.requireNonNull(prompt, "prompt");
        values = Map.copyOf(values);
    }

    public static Line of(Prompt prompt) {
        return new Line(prompt, Map.of());
    }
}
