package io.firstcontact.channels.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chat's followers hear its end once, after the entry that says so; one who comes later hears it at once. */
class ConversationEndTest {
    /** What a follower heard, in order: each entry's text, and "(ended)". */
    private static final class Heard implements Conversations.Listener {
        final List<String> said = new ArrayList<>();

        @Override
        public void added(Entry entry) {
            said.add(entry.text());
        }

        @Override
        public void ended() {
            said.add("(ended)");
        }
    }

    @Test
    void aFollowerHearsTheLastNoticeThenTheEndOnce() {
        Conversation chat = new Conversation("chat-1", "chat", record -> {});
        Heard heard = new Heard();
        chat.follow(heard);

        chat.add(Author.CENTRE, "The chat has ended.", 1L);
        chat.open(false);
        chat.open(false);

        assertThat(heard.said).containsExactly("The chat has ended.", "(ended)");
    }

    @Test
    void aFollowerWhoComesAfterTheEndIsToldAtOnce() {
        Conversation chat = new Conversation("chat-1", "chat", record -> {});
        chat.open(false);
        Heard heard = new Heard();

        chat.follow(heard);

        assertThat(heard.said).containsExactly("(ended)");
    }

    @Test
    void aResumedChatThatEndsAgainIsHeardEndingAgain() {
        Conversation chat = new Conversation("chat-1", "chat", record -> {});
        Heard heard = new Heard();
        chat.follow(heard);
        chat.open(false);

        chat.open(true);
        chat.open(false);

        assertThat(heard.said).containsExactly("(ended)", "(ended)");
    }
}
