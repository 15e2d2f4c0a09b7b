package io.firstcontact.channels.email;

import io.firstcontact.channels.conversation.Intake;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids and the names derived from them. A thread's conversation is named after its first message's id (a hash
 * of it, in letters only so that no name ever reads as a card number); the centre's own messages carry their
 * conversation's name in their id, so that a reply to any of them finds its thread even when the resident's mail
 * program trimmed the References.
 */
final class MessageIds {
    static final String KEY_PREFIX = "email-";
    private static final int HASH_LETTERS = 32;
    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,900})>");
    private static final Pattern OURS =
            Pattern.compile("(" + KEY_PREFIX + "[a-p]{" + HASH_LETTERS + "})\\.[A-Za-z0-9]+@.+");
    private static final Pattern KEY = Pattern.compile(KEY_PREFIX + "[a-p]{" + HASH_LETTERS + "}");

    private MessageIds() {}

    /** The ids of a header's value ({@code References}, {@code In-Reply-To}), in order, without their angle brackets. */
    static List<String> parse(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Matcher m = ID.matcher(header);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The conversations a message may belong to, most likely first: those named by the centre's own ids it answers,
     * then the thread's first message (the first of its References), then the others.
     */
    static List<String> candidateKeys(List<String> references, List<String> inReplyTo) {
        LinkedHashSet<String> ours = new LinkedHashSet<>();
        LinkedHashSet<String> theirs = new LinkedHashSet<>();
        List<String> all = new ArrayList<>(inReplyTo);
        all.addAll(references);
        for (String id : all) {
            Matcher m = OURS.matcher(id);
            if (m.matches()) {
                ours.add(m.group(1));
            }
        }
        for (String id : references) {
            theirs.add(keyOf(id));
        }
        for (String id : inReplyTo) {
            theirs.add(keyOf(id));
        }
        ours.addAll(theirs);
        return List.copyOf(ours);
    }

    /** The name of the conversation a message starts. */
    static String keyOf(String messageId) {
        return KEY_PREFIX + Intake.letters(messageId, HASH_LETTERS);
    }

    /** Whether {@code key} names an email conversation. */
    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The conversation an interaction of this channel belongs to: its id begins with it (see {@link #interactionPrefix}). */
    static String keyOfInteraction(String interactionId) {
        if (interactionId == null || interactionId.length() < KEY_PREFIX.length() + HASH_LETTERS) {
            return null;
        }
        String key = interactionId.substring(0, KEY_PREFIX.length() + HASH_LETTERS);
        return isKey(key) ? key : null;
    }

    /** What a thread's interactions' ids begin with: its conversation's name. */
    static String interactionPrefix(String key) {
        return key + "-";
    }

    /**
     * The source reference of the interaction a message creates: {@code email:<mailbox>:<message-id>}, or the id's hash
     * in its place when the id is too long, not plain ASCII or would read as a card number.
     */
    static String sourceRef(String mailbox, String messageId) {
        String plain = "email:" + mailbox + ":" + messageId;
        if (Ids.valid(plain) && !CardNumberTripwire.containsCardNumber(plain)) {
            return plain;
        }
        return "email:" + mailbox + ":#" + keyOf(messageId).substring(KEY_PREFIX.length());
    }

    /** A message's own name in its conversation (the entry's client id): repeats of it add nothing. */
    static String entryId(String messageId) {
        return "mail-" + keyOf(messageId).substring(KEY_PREFIX.length());
    }

    /** An id for a message the centre sends in a conversation: {@code <key>.<random>@<domain>}. */
    static String ours(String key, String random, String domain) {
        return key + "." + random + "@" + domain;
    }
}
