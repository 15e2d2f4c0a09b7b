package io.firstcontact.ivr.rig;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Directive;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.engine.Event;
import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.ivr.engine.Question;
import io.firstcontact.ivr.engine.Wording;
import io.firstcontact.ivr.run.Conductor;
import io.firstcontact.ivr.run.Ivr;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one session the way a front end does, through the real {@link Conductor}: what the IVR says is kept as text
 * (its spoken words, values in words), each question waits for the test to answer it, and everything else runs at
 * once against the rig's ports.
 */
public final class Conversation {
    private final IvrSession session;
    private final Conductor conductor;
    private final List<String> heard = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    /** Every card array handed to the session, to check it was overwritten. */
    public final List<char[]> cardArrays = new ArrayList<>();

    private Directive.Ask asked;
    private Ending ending;
    private int heardAtLastAnswer;

    private Conversation(IvrSession session, Conductor conductor) {
        this.session = session;
        this.conductor = conductor;
    }

    static Conversation start(Ivr ivr, Call call) {
        Conversation c = new Conversation(ivr.open(call), new Conductor(ivr.ports()));
        c.run(c.session.start());
        return c;
    }

    public String interactionId() {
        return session.call().interactionId();
    }

    /** Keys (or writes) {@code digits} in answer to the question. */
    public Conversation key(String digits) {
        return answer(new Event.Keyed(digits));
    }

    /** Keys card digits (number, expiry or security code). */
    public Conversation card(String digits) {
        char[] chars = digits.toCharArray();
        cardArrays.add(chars);
        return answer(new Event.KeyedCard(chars));
    }

    /** Keys nothing until the question's timeout. */
    public Conversation silence() {
        return answer(new Event.NoInput());
    }

    public Conversation hangUp() {
        return answer(new Event.HungUp());
    }

    private Conversation answer(Event e) {
        if (asked == null) {
            throw new IllegalStateException(
                    "nothing is asked; the session " + (ending != null ? "ended: " + ending : "runs"));
        }
        asked = null;
        heardAtLastAnswer = heard.size();
        run(session.on(e));
        return this;
    }

    private void run(Directive first) {
        Directive d = first;
        while (true) {
            directives.add(d);
            switch (d) {
                case Directive.Play p -> {
                    p.lines().forEach(l -> heard.add(Wording.spoken(l)));
                    d = session.on(new Event.Done());
                }
                case Directive.Ask a -> {
                    a.lines().forEach(l -> heard.add(Wording.spoken(l)));
                    asked = a;
                    return;
                }
                case Directive.Finish f -> {
                    ending = f.ending();
                    return;
                }
                default ->
                    d = session.on(conductor
                            .perform(d, session.call())
                            .toCompletableFuture()
                            .join());
            }
        }
    }

    /** Everything said so far, one line per prompt. */
    public List<String> heard() {
        return List.copyOf(heard);
    }

    /** What was said since the last answer. */
    public String lastSaid() {
        return String.join(" ", heard.subList(heardAtLastAnswer, heard.size()));
    }

    /** The question waiting for an answer, or null. */
    public Question question() {
        return asked == null ? null : asked.question();
    }

    public Ending ending() {
        return ending;
    }

    public boolean ended() {
        return ending != null;
    }

    /** Every directive the session gave, in order. */
    public List<Directive> directives() {
        return List.copyOf(directives);
    }

    /** The names of the port directives carried out, in order ({@code PauseRecording}, {@code Authorise}, …). */
    public List<String> portWork() {
        return directives.stream()
                .filter(d -> !Conductor.channels(d))
                .map(d -> d.getClass().getSimpleName())
                .toList();
    }
}
