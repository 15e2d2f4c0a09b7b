package io.firstcontact.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A prompt's text cut into words and slots, and the sound file of each stretch of words. */
class PromptTest {

    @Test
    void oneStretchOfWordsPlaysTheSoundItself() {
        assertThat(new Prompt("p", "firstcontact/p", "Welcome.", null).sounds()).containsExactly("firstcontact/p");
    }

    @Test
    void stretchesBetweenSlotsPlayNumberedSoundsAndPunctuationIsNotSpoken() {
        Prompt p = new Prompt("p", "fc/sr", "Your {type} report from {opened} is scheduled for {due}.", null);

        assertThat(p.sounds()).containsExactly("fc/sr-1", "fc/sr-2", "fc/sr-3");
        assertThat(p.slots()).containsExactly("due", "opened", "type");
    }

    @Test
    void aChatTextMustHaveTheSameSlots() {
        assertThatThrownBy(() -> new Prompt("p", "fc/p", "It is {amount}.", "It is due."))
                .hasMessage("prompt p: chat must have the same slots as text");
    }

    @Test
    void anUnclosedSlotIsRefused() {
        assertThatThrownBy(() -> new Prompt("p", "fc/p", "It is {amount.", null))
                .hasMessage("prompt p: a { without its }");
    }

    @Test
    void aSoundOutsideTheSoundsDirectoryIsRefused() {
        assertThatThrownBy(() -> new Prompt("p", "../etc/passwd", "x", null)).hasMessageContaining("sound must be");
    }
}
