package io.firstcontact.channels.conversation;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.port.RoutingPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the stored-and-forwarded channels (email, SMS) take a customer's message in from their own worker threads: wait
 * for routing and the store with a bound, create the interaction idempotently on its source reference, and name
 * things with hashes that never read as a card number.
 */
public final class Intake {
    /** The longest wait for routing or the store before a message is left to be taken again later. */
    public static final long WAIT_SECONDS = 30;

    private Intake() {}

    /**
     * Creates the interaction, or finds the live one routing already has for the same source reference (created before
     * a crash, whose answer was lost). Blocks.
     *
     * @return the interaction's id
     * @throws NotTakenException when routing did not take it (unavailable, or refused it)
     */
    public static String create(RoutingPort routing, String source, Command.CreateInteraction command) {
        if (routing == null) {
            throw new NotTakenException("the channel has not started");
        }
        Decision d = await(routing.submit(source, null, command));
        String id = command.interactionId();
        for (Effect e : d.effects()) {
            if (e instanceof Effect.AlreadyExists a) {
                id = a.interactionId();
            } else if (e instanceof Effect.Refused refused) {
                throw new NotTakenException("routing refused it: " + refused.message());
            }
        }
        return id;
    }

    /** Waits until every record the book was given so far is in the store (its writes run in order on one thread). */
    public static void settle(ConversationBook book) {
        Executor io = book.io();
        await(CompletableFuture.runAsync(() -> {}, io));
    }

    /** Waits for {@code stage}, at most {@link #WAIT_SECONDS}. @throws NotTakenException when it fails or is late */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotTakenException("interrupted");
        } catch (ExecutionException e) {
            throw new NotTakenException(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new NotTakenException("no answer in " + WAIT_SECONDS + " s");
        }
    }

    /** {@code letters} letters ({@code a}–{@code p}) of the SHA-256 of {@code text}: a stable name, never digits. */
    public static String letters(String text, int letters) {
        if (letters < 1 || letters > 64) {
            throw new IllegalArgumentException("1–64 letters");
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder b = new StringBuilder(letters);
        for (int i = 0; i < letters; i++) {
            int nibble = (i % 2 == 0) ? (hash[i / 2] >> 4) & 0xf : hash[i / 2] & 0xf;
            b.append((char) ('a' + nibble));
        }
        return b.toString();
    }

    /** Routing or the store did not take a customer's message: it is left to be taken again (unseen, unanswered). */
    public static final class NotTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotTakenException(String message) {
            super(message);
        }
    }
}
