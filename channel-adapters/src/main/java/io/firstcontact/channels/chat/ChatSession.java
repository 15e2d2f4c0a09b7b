package io.firstcontact.channels.chat;

import io.firstcontact.channels.conversation.Conversation;
import io.firstcontact.ivr.text.TextQuestion;

/**
 * One resident's chat, from the pre-chat form to its end (and its resumption): touched on the chat's own context
 * only, except the fields marked volatile, which the routing thread reads to route an entry here.
 */
final class ChatSession {

    /** Where the chat is, as the resident sees it. */
    enum Phase {
        /** The interaction is being created. */
        STARTING,
        /** In the IVR's flows (self-service first). */
        SELF_SERVICE,
        /** Handed over by the IVR (or resumed): being queued. */
        WAITING,
        /** Waiting in a queue: position and expected wait are pushed. */
        QUEUED,
        /** With an advisor. */
        CONNECTED,
        /** Over: it can be resumed within the window. */
        ENDED
    }

    final String id;
    final byte[] tokenHash;
    final String name;
    final String contact;
    final String topic;
    final String clientAddress;
    final Conversation conversation;

    volatile String interactionId;
    Phase phase = Phase.STARTING;
    /** The queue of the last visit. */
    String queue;
    /** The advisor the chat is with (or was with last). */
    String agentId;
    /** How many interactions the chat has been routed as (a resumption is a new one). */
    int interactions;

    ResidentSocket socket;
    /** The IVR's question waiting for an answer, or null. */
    TextQuestion question;
    /** A turn of the IVR is being answered: the resident waits for the next question. */
    boolean ivrBusy;

    long questionTimer = -1;
    long graceTimer = -1;
    long noResponseTimer = -1;
    long forgetTimer = -1;
    /** Last pushed place in line and expected wait (seconds, -1 none), to push only changes. */
    int position = -1;

    long waitSeconds = -2;
    boolean longWaitOffered;
    long endedAt = -1;
    /** When the transcript was last emailed, or -1. */
    long transcriptSentAt = -1;
    /** The resident's page is gone (routing was told): they have the grace period to come back. */
    boolean away;
    /** The resident left on purpose (the leave button): the end is theirs. */
    boolean left;

    ChatSession(
            String id,
            byte[] tokenHash,
            String name,
            String contact,
            String topic,
            String clientAddress,
            Conversation conversation) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.name = name;
        this.contact = contact;
        this.topic = topic;
        this.clientAddress = clientAddress;
        this.conversation = conversation;
    }

    boolean waiting() {
        return phase == Phase.SELF_SERVICE || phase == Phase.WAITING || phase == Phase.QUEUED;
    }

    /** Never prints the resident's name or contact. */
    @Override
    public String toString() {
        return "ChatSession[" + id + ", " + phase + "]";
    }
}
