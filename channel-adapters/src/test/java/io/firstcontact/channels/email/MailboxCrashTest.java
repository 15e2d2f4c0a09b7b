package io.firstcontact.channels.email;

import static io.firstcontact.channels.TestRouting.await;
import static io.firstcontact.channels.TestRouting.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.port.DeposedException;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel stops between reading an email and marking it seen — before routing journaled it, or after — and starts
 * again on the same transcripts: the email is routed once, kept once, acknowledged once, and marked seen.
 */
class MailboxCrashTest {
    @TempDir
    Path dir;

    MailRig rig;

    @BeforeEach
    void start() {
        rig = new MailRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aCrashBeforeTheJournalLosesNothing() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        rig.start(new Failing(rig.routing, false, tries));
        rig.deliver(rig.resident("first@example.org", "Bin not collected", "My bin was missed."));
        await("the email tried", () -> tries.get() >= 1);
        rig.stop();
        assertThat(rig.unseen()).isEqualTo(1);
        assertThat(rig.created()).isEmpty();

        rig.start();

        await("marked seen", () -> unseen() == 0);
        assertThat(rig.created()).hasSize(1);
        assertThat(residentEntries(rig.created().getFirst().interactionId())).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheJournalBeforeTheEmailIsMarkedSeenCreatesNoDuplicate() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        rig.start(new Failing(rig.routing, true, tries));
        rig.deliver(rig.resident("first@example.org", "Bin not collected", "My bin was missed."));
        await("the email journaled", () -> rig.created().size() == 1);
        rig.stop();
        assertThat(rig.unseen()).isEqualTo(1);

        rig.start();

        await("marked seen", () -> unseen() == 0);
        assertThat(rig.created()).as("routed once").hasSize(1);
        String id = rig.created().getFirst().interactionId();
        assertThat(residentEntries(id)).as("kept once").isEqualTo(1);
        await("acknowledged", () -> rig.sentToResident().size() == 1);
    }

    @Test
    void aThreadKeptBeforeARestartIsReadAndAnsweredFromTheDesktopAfterIt() throws Exception {
        rig.start();
        rig.routing.logIn("adv-1");
        rig.deliver(rig.resident("first@example.org", "Bin not collected", "My bin was missed."));
        await("routed", () -> rig.created().size() == 1);
        await("acknowledged", () -> rig.sentToResident().size() == 1);
        String id = rig.created().getFirst().interactionId();
        rig.stop();

        rig.start();

        assertThat(join(rig.book.transcript(id)).orElseThrow().entries())
                .extracting(Entry::text)
                .contains("My bin was missed.");
        join(rig.book.write(id, Author.advisor("adv-1", "Sam"), "r-1", "Collected today."));
        await("the reply", () -> rig.sentToResident().size() == 2);
        assertThat(rig.sentToResident().get(1).getHeader("In-Reply-To", null)).isEqualTo("<first@example.org>");
    }

    private long residentEntries(String interactionId) {
        return join(rig.book.transcript(interactionId)).orElseThrow().entries().stream()
                .filter(e -> e.author().role() == Author.Role.RESIDENT)
                .count();
    }

    private int unseen() {
        try {
            return rig.unseen();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Routing as a node that lost its lead sees it: every command fails — before it is journaled, or after (the entry
     * committed, the answer lost). The channel cannot tell which; it must be right either way.
     */
    private record Failing(RoutingPort real, boolean afterJournal, AtomicInteger tries) implements RoutingPort {
        @Override
        public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
            tries.incrementAndGet();
            if (!afterJournal) {
                return CompletableFuture.failedFuture(new IllegalStateException("routing is not open"));
            }
            return real.submit(source, idempotencyKey, command)
                    .thenCompose(d -> CompletableFuture.failedFuture(new DeposedException("lost the lead")));
        }

        @Override
        public Subscription subscribe(EffectSink listener) {
            return real.subscribe(listener);
        }
    }
}
