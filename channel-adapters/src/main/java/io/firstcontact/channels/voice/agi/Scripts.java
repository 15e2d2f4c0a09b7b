package io.firstcontact.channels.voice.agi;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/** What the FastAGI scripts share: submitting to routing from their virtual thread, and reading the call's id. */
final class Scripts {
    /** How long a script waits for routing's decision before it gives up (the caller is in silence meanwhile). */
    static final Duration DECISION_TIMEOUT = Duration.ofSeconds(5);

    private Scripts() {}

    /** Submits and waits for the committed decision; a script runs on its own virtual thread, so waiting is cheap. */
    static Decision decide(RoutingPort routing, String source, String key, Command command) throws RoutingUnavailable {
        try {
            return routing.submit(source, key, command).get(DECISION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoutingUnavailable(command.type() + ": interrupted");
        } catch (ExecutionException e) {
            throw new RoutingUnavailable(command.type() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new RoutingUnavailable(
                    command.type() + ": no decision within " + DECISION_TIMEOUT.toSeconds() + " s");
        }
    }

    /** The call's interaction id from the channel variable the entry script set, or null. */
    static String interactionId(AgiChannel channel) throws AgiException {
        String id = channel.getVariable("FC_INTERACTION_ID");
        return id == null || id.isBlank() ? null : id.strip();
    }

    /** Routing did not take the command (not open, deposed, too slow). */
    static final class RoutingUnavailable extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        RoutingUnavailable(String message) {
            super(message);
        }
    }
}
