package io.firstcontact.ivr.text;

import io.firstcontact.ivr.engine.Question;
import java.time.Duration;
import java.util.List;

/**
 * What the resident is asked to answer.
 *
 * @param kind what is asked
 * @param sensitive card data: the chat shows a masked field and keeps the reply out of the transcript
 * @param options the answers a menu takes ({@code 1}, {@code 2}, …); empty for a free answer
 * @param timeout how long the chat may wait before it reports {@link TextConversation#noReply()}
 */
public record TextQuestion(Question.Kind kind, boolean sensitive, List<String> options, Duration timeout) {
    public TextQuestion {
        options = List.copyOf(options);
    }

    static TextQuestion of(Question q) {
        return new TextQuestion(q.kind(), q.sensitive(), q.keys(), q.timeout());
    }
}
