package io.firstcontact.channels.email;

import io.firstcontact.channels.conversation.Intake;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the IMAP mailbox on a thread of its own: reads every unseen email and hands it to the {@link Inbox}, marks
 * it seen once the inbox has it journaled, then waits for the next with IDLE — or, where the server has no IDLE,
 * looks again after the poll interval. IDLE is renewed every {@value #IDLE_RENEW_MINUTES} minutes (RFC 2177 asks for
 * less than 29). A lost connection is opened again after a delay that doubles up to a minute; an email routing could
 * not take stays unseen and is read again after the same delay.
 */
final class MailboxWatcher implements Runnable {
    static final int IDLE_RENEW_MINUTES = 25;
    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final EmailOptions options;
    private final Inbox inbox;
    private final Session session;
    private final Object lock = new Object();
    private final ScheduledExecutorService renewals =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "email-idle-renewal"));
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Store store;
    private volatile Folder folder;
    private volatile boolean idling;
    private volatile int handled;

    MailboxWatcher(EmailOptions options, Inbox inbox) {
        this.options = options;
        this.inbox = inbox;
        this.session = MailSessions.imap(options.imap());
        this.thread = new Thread(this, "email-" + options.mailbox());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops following the mailbox and waits for the current email (if any) to be done with. */
    void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        Store s = store;
        if (s != null) {
            try {
                s.close(); // ends an IDLE in progress
            } catch (MessagingException e) {
                LOG.debug("email: closing the mailbox: {}", e.toString());
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(MailSessions.TIMEOUT_MILLIS / 1000 + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renewals.shutdownNow();
    }

    /** Whether the mailbox is followed with IDLE now (rather than polled). */
    boolean idling() {
        return idling;
    }

    /** Emails handled since start. */
    int handled() {
        return handled;
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (!stopped) {
            try {
                connect();
                retry = FIRST_RETRY;
                follow();
            } catch (MessagingException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                LOG.warn(
                        "email: the mailbox {} failed ({}); trying again in {}",
                        options.mailbox(),
                        e.toString(),
                        retry);
                close();
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        close();
    }

    private void connect() throws MessagingException {
        EmailOptions.Server imap = options.imap();
        Store s = session.getStore(MailSessions.protocol("imap", imap));
        s.connect(imap.host(), MailSessions.port("imap", imap), imap.username(), imap.secret());
        store = s;
        Folder f = s.getFolder("INBOX");
        f.open(Folder.READ_WRITE);
        folder = f;
        idling = s instanceof IMAPStore is && is.hasCapability("IDLE");
        LOG.info("email: following the mailbox {} ({})", options.mailbox(), idling ? "IDLE" : "polling");
    }

    private void follow() throws MessagingException {
        Folder f = folder;
        Duration retry = FIRST_RETRY;
        while (!stopped) {
            if (!drain(f)) {
                pause(retry); // routing did not take an email: it is read again after the delay
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                continue;
            }
            retry = FIRST_RETRY;
            if (stopped) {
                return;
            }
            if (idling && f instanceof IMAPFolder imap) {
                ScheduledFuture<?> renewal = renewals.schedule(
                        () -> {
                            try {
                                imap.getMessageCount(); // any command ends the IDLE, which is then issued again
                            } catch (MessagingException e) {
                                LOG.debug("email: renewing IDLE: {}", e.toString());
                            }
                        },
                        IDLE_RENEW_MINUTES,
                        TimeUnit.MINUTES);
                try {
                    imap.idle(true);
                } finally {
                    renewal.cancel(false);
                }
            } else {
                pause(options.pollInterval());
                if (!f.isOpen()) {
                    throw new MessagingException("the mailbox was closed");
                }
            }
        }
    }

    /** Handles every unseen email in order. @return false when one has to wait (routing did not take it) */
    private boolean drain(Folder f) throws MessagingException {
        Message[] unseen = f.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message m : unseen) {
            if (stopped) {
                return true;
            }
            if (m.isExpunged()) {
                continue;
            }
            Inbox.Handled h;
            try {
                h = inbox.handle(new MimeMessage((MimeMessage) m));
            } catch (Intake.NotTakenException e) {
                LOG.warn("email: an email was not taken ({}); it stays unseen and is read again", e.getMessage());
                return false;
            } catch (MessagingException | IOException | RuntimeException e) {
                // It cannot be read as an email at all: set aside for a person, flagged, never read again here.
                LOG.warn("email: an email cannot be read and is set aside, flagged ({})", e.toString());
                m.setFlags(new Flags(Flags.Flag.FLAGGED), true);
                m.setFlag(Flags.Flag.SEEN, true);
                continue;
            }
            m.setFlag(Flags.Flag.SEEN, true);
            handled++;
            inbox.acknowledge(h);
        }
        return true;
    }

    private void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        synchronized (lock) {
            long left;
            while (!stopped && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void close() {
        Store s = store;
        store = null;
        folder = null;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException e) {
                LOG.debug("email: closing the mailbox: {}", e.toString());
            }
        }
    }
}
