package io.firstcontact.ivr.text;

import io.firstcontact.ivr.engine.Directive;
import io.firstcontact.ivr.engine.Event;
import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.ivr.engine.Question;
import io.firstcontact.ivr.engine.Wording;
import io.firstcontact.ivr.run.Conductor;
import io.firstcontact.router.api.model.CardNumberTripwire;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One resident's way through the flows in a chat: {@link #begin()}, then a {@link #reply} (or {@link #noReply()} when
 * the chat's timer for the question ran out, or {@link #left()} when they closed the chat) for each question, until a
 * turn {@linkplain TextTurn#ended() ends}. Each call completes when the IVR has what it says next (the back office
 * and the gateway answer asynchronously); never blocks the caller's thread. One call at a time: a reply while the last
 * one is still being answered is refused.
 *
 * <p>A reply is read once, turned into what the flows take (a menu key, digits, or for a card question a char array
 * the payment owns and clears), and dropped: it is never kept, logged or echoed. A card number written where no card is
 * asked for is refused unread ({@code card-not-here}) and the turn's echo hides it.
 */
public final class TextConversation {
    private static final Set<String> ADVISOR_WORDS =
            Set.of("advisor", "adviser", "agent", "person", "human", "someone", "operator");
    private static final char MASK = '•';

    private final IvrSession session;
    private final Conductor conductor;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Question asked;
    private volatile boolean ended;

    TextConversation(IvrSession session, Conductor conductor) {
        this.session = session;
        this.conductor = conductor;
    }

    public String interactionId() {
        return session.call().interactionId();
    }

    /** The first turn: the welcome and the first question. */
    public CompletionStage<TextTurn> begin() {
        enter();
        return advance(session.start(), new ArrayList<>(), null);
    }

    /** The resident's answer to the question asked (a copy of their text; the caller drops its own). */
    public CompletionStage<TextTurn> reply(CharSequence text) {
        char[] chars = new char[text.length()];
        CharBuffer.wrap(text).get(chars);
        return reply(chars);
    }

    /** The resident's answer as characters, which this overwrites once read. */
    public CompletionStage<TextTurn> reply(char[] text) {
        try {
            enter();
            Question q = asked;
            if (q == null) {
                throw new IllegalStateException("nothing was asked");
            }
            Event event;
            String echo;
            if (q.sensitive()) {
                char[] digits = digits(text);
                if (digits.length == 0 && advisorWord(text)) {
                    event = new Event.Keyed(session.flows().limits().advisorKey());
                    echo = null;
                } else {
                    echo = mask(q.kind(), digits);
                    event = new Event.KeyedCard(digits);
                }
            } else if (CardNumberTripwire.containsCardNumber(CharBuffer.wrap(text))) {
                echo = "(card details removed)";
                event = new Event.Withheld(); // dropped unread: the resident is asked again
            } else {
                echo = null;
                event = new Event.Keyed(answer(q, new String(text).strip()));
            }
            asked = null;
            return advance(session.on(event), new ArrayList<>(), echo);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    /** The chat waited the question's timeout and the resident wrote nothing. */
    public CompletionStage<TextTurn> noReply() {
        enter();
        asked = null;
        return advance(session.on(new Event.NoInput()), new ArrayList<>(), null);
    }

    /** The resident closed the chat: what the IVR still has to do (unmute, record the outcome) is done. */
    public CompletionStage<TextTurn> left() {
        enter();
        asked = null;
        return advance(session.on(new Event.HungUp()), new ArrayList<>(), null);
    }

    public boolean ended() {
        return ended;
    }

    private void enter() {
        if (ended) {
            throw new IllegalStateException("the conversation has ended");
        }
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("the last reply is still being answered");
        }
    }

    private CompletionStage<TextTurn> advance(Directive first, List<String> messages, String echo) {
        Directive d = first;
        try {
            while (true) {
                switch (d) {
                    case Directive.Play p -> {
                        messages.add(Wording.chat(p.lines()));
                        d = session.on(new Event.Done());
                    }
                    case Directive.Ask a -> {
                        messages.add(Wording.chat(a.lines()));
                        asked = a.question();
                        busy.set(false);
                        return CompletableFuture.completedFuture(
                                new TextTurn(messages, TextQuestion.of(a.question()), null, echo));
                    }
                    case Directive.Finish f -> {
                        ended = true;
                        busy.set(false);
                        return CompletableFuture.completedFuture(new TextTurn(messages, null, f.ending(), echo));
                    }
                    default -> {
                        return conductor
                                .perform(d, session.call())
                                .thenCompose(e -> advance(session.on(e), messages, echo))
                                .whenComplete((turn, failure) -> {
                                    if (failure != null) {
                                        busy.set(false); // a fault of the session's: the chat may still leave
                                    }
                                });
                    }
                }
            }
        } catch (RuntimeException e) {
            busy.set(false);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What the flows take from a free answer: a menu key, an advisor request, or digits (a reference keeps its letters). */
    private String answer(Question q, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (ADVISOR_WORDS.stream().anyMatch(lower::contains)) {
            return session.flows().limits().advisorKey();
        }
        return switch (q.kind()) {
            case MENU -> text;
            case AMOUNT -> text.replace("£", "").replaceAll("\\.00$", "").replaceAll("[\\s,]", "");
            default -> text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        };
    }

    private static boolean advisorWord(char[] text) {
        String lower = new String(text).strip().toLowerCase(Locale.ROOT);
        return ADVISOR_WORDS.stream().anyMatch(lower::contains);
    }

    /** The digits of {@code text}, in a new array (spaces, hyphens and slashes between them are what people type). */
    private static char[] digits(char[] text) {
        int n = 0;
        for (char c : text) {
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        char[] digits = new char[n];
        int i = 0;
        for (char c : text) {
            if (c >= '0' && c <= '9') {
                digits[i++] = c;
            }
        }
        return digits;
    }

    private static String mask(Question.Kind kind, char[] digits) {
        return switch (kind) {
            case CARD_NUMBER ->
                digits.length >= 4
                        ? String.valueOf(MASK).repeat(4) + " " + new String(digits, digits.length - 4, 4)
                        : String.valueOf(MASK).repeat(4);
            case EXPIRY -> "" + MASK + MASK + "/" + MASK + MASK;
            default -> String.valueOf(MASK).repeat(Math.max(3, digits.length));
        };
    }
}
