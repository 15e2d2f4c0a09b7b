package io.firstcontact.ivr.voice;

import io.firstcontact.ivr.engine.Event;
import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.ivr.engine.Line;
import io.firstcontact.ivr.engine.Question;
import io.firstcontact.ivr.engine.Value;
import io.firstcontact.ivr.flow.FlowsCheck;
import io.firstcontact.ivr.flow.IvrFlows;
import io.firstcontact.ivr.flow.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * Says lines and asks questions over one FastAGI channel, in the commands and replies Asterisk speaks (see the
 * recorded sessions in the tests): {@code STREAM FILE} for a prompt's words, {@code SAY NUMBER}, {@code SAY DIGITS},
 * {@code SAY ALPHA} and {@code SAY DATETIME} for values, {@code GET DATA} for the answer. A reply of
 * {@code result=-1} means the caller hung up; {@code 200 result= (timeout)} that they keyed nothing; a {@code HANGUP}
 * line and a {@code 511} (dead channel) surface as {@link AgiHangupException}.
 *
 * <p>Card digits: they arrive in the {@code GET DATA} reply, which Asterisk-Java holds as a {@code String} (its reply
 * object) until the next command replaces it; they are copied into the char array the payment owns at once, and the
 * next command follows immediately. No command this class sends ever carries a card digit: the only number read back
 * is the card's last four.
 */
final class AgiSpeech {
    /** Keys that interrupt a prompt in a question: the caller may answer before it ends. */
    static final String BARGE_IN = "0123456789*#";

    /** A second of silence (an Asterisk core sound): the prompt of a GET DATA that only collects the rest. */
    static final String SILENCE = "silence/1";

    private static final String ZONE = IvrSession.ZONE.getId();

    private final AgiChannel channel;
    private final IvrFlows flows;

    AgiSpeech(AgiChannel channel, IvrFlows flows) {
        this.channel = channel;
        this.flows = flows;
    }

    /** Says the lines; {@link Event.Done}, or {@link Event.HungUp}. */
    Event play(List<Line> lines) throws AgiException {
        for (Line line : lines) {
            for (Sound s : sounds(line)) {
                s.play(channel, "");
                if (hungUp()) {
                    return new Event.HungUp();
                }
            }
        }
        return new Event.Done();
    }

    /**
     * Says the lines (a key interrupts them) and collects the answer: {@link Event.Keyed}, {@link Event.KeyedCard} for a
     * card question, {@link Event.NoInput}, or {@link Event.HungUp}.
     */
    Event ask(List<Line> lines, Question q) throws AgiException {
        List<Sound> sounds = new ArrayList<>();
        lines.forEach(l -> sounds.addAll(sounds(l)));
        // The last file plays as the GET DATA prompt itself; everything before it can be interrupted by a key.
        String last = !sounds.isEmpty() && sounds.getLast() instanceof Sound.File f ? f.name() : null;
        List<Sound> before = last != null ? sounds.subList(0, sounds.size() - 1) : sounds;
        char first = 0;
        for (Sound s : before) {
            first = s.play(channel, BARGE_IN);
            if (hungUp()) {
                return new Event.HungUp();
            }
            if (first != 0) {
                break;
            }
        }
        String prompt = first != 0 || last == null ? SILENCE : last;
        int wanted = first != 0 ? q.maxDigits() - 1 : q.maxDigits();
        String rest = "";
        if (wanted > 0) {
            rest = channel.getData(prompt, q.timeout().toMillis(), wanted);
            AgiReply reply = channel.getLastReply();
            if ("-1".equals(rest) || (reply != null && reply.getResultCode() == -1 && rest.startsWith("-"))) {
                return new Event.HungUp();
            }
            if (rest == null) {
                rest = "";
            }
        }
        if (first == 0 && rest.isEmpty()) {
            return new Event.NoInput(); // 200 result= (timeout), or # alone
        }
        if (q.sensitive()) {
            char[] digits = new char[(first != 0 ? 1 : 0) + rest.length()];
            int i = 0;
            if (first != 0) {
                digits[i++] = first;
            }
            rest.getChars(0, rest.length(), digits, i);
            return new Event.KeyedCard(digits);
        }
        return new Event.Keyed(first != 0 ? first + rest : rest);
    }

    /** Whether the last reply said the caller hung up ({@code 200 result=-1}). */
    private boolean hungUp() {
        AgiReply reply = channel.getLastReply();
        return reply != null && reply.getStatus() == AgiReply.SC_SUCCESS && reply.getResultCode() == -1;
    }

    /** What one line plays: its files, and its values said. */
    private List<Sound> sounds(Line line) {
        List<Sound> out = new ArrayList<>();
        for (Prompt.Part p : line.prompt().parts()) {
            switch (p) {
                case Prompt.Part.Words w -> {
                    if (w.sound() != null) {
                        out.add(new Sound.File(w.sound()));
                    }
                }
                case Prompt.Part.Slot s -> {
                    Value v = line.values().get(s.name());
                    if (v != null) {
                        out.addAll(said(v));
                    }
                }
            }
        }
        return out;
    }

    private List<Sound> said(Value v) {
        return switch (v) {
            case Value.Money m -> money(m.pence());
            case Value.Count c -> List.of(new Sound.Number(c.count()));
            case Value.Spelled s ->
                List.of(
                        s.characters().chars().allMatch(Character::isDigit)
                                ? new Sound.Digits(s.characters())
                                : new Sound.Alpha(s.characters()));
            case Value.Day d -> List.of(new Sound.DateTime(d.at().toEpochSecond(), d.weekday() ? "A" : "dB"));
            case Value.Time t ->
                List.of(new Sound.DateTime(t.at().toEpochSecond(), t.at().getMinute() == 0 ? "Ip" : "IMp"));
            case Value.Said s ->
                s.prompt().sounds().stream().map(f -> (Sound) new Sound.File(f)).toList();
        };
    }

    /** "Sixty five pounds and fifty pence", "one pound", "fifty pence". */
    private List<Sound> money(long pence) {
        long pounds = pence / 100;
        long rest = pence % 100;
        List<Sound> out = new ArrayList<>();
        if (pounds > 0 || rest == 0) {
            out.add(new Sound.Number(pounds));
            out.add(file(pounds == 1 ? FlowsCheck.POUND : FlowsCheck.POUNDS));
        }
        if (rest > 0) {
            if (pounds > 0) {
                out.add(file(FlowsCheck.AND));
            }
            out.add(new Sound.Number(rest));
            out.add(file(FlowsCheck.PENCE));
        }
        return out;
    }

    private Sound file(String promptId) {
        return new Sound.File(flows.prompt(promptId).sounds().getFirst());
    }

    /**
     * One AGI command that makes a sound, with the keys that may interrupt it ({@code ""}: none, as
     * {@code STREAM FILE beep ""} in the recordings); returns the key that did, or 0.
     */
    private sealed interface Sound {
        char play(AgiChannel c, String escape) throws AgiException;

        record File(String name) implements Sound {
            @Override
            public char play(AgiChannel c, String escape) throws AgiException {
                return c.streamFile(name, escape);
            }
        }

        record Number(long n) implements Sound {
            @Override
            public char play(AgiChannel c, String escape) throws AgiException {
                return c.sayNumber(Long.toString(n), escape);
            }
        }

        record Digits(String digits) implements Sound {
            @Override
            public char play(AgiChannel c, String escape) throws AgiException {
                return c.sayDigits(digits, escape);
            }
        }

        record Alpha(String characters) implements Sound {
            @Override
            public char play(AgiChannel c, String escape) throws AgiException {
                return c.sayAlpha(characters, escape);
            }
        }

        record DateTime(long epochSecond, String format) implements Sound {
            @Override
            public char play(AgiChannel c, String escape) throws AgiException {
                return c.sayDateTime(epochSecond, escape, format, ZONE);
            }
        }
    }
}
