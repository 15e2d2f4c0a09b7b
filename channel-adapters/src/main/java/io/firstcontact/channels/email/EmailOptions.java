package io.firstcontact.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The email channel's configuration ({@code email:} in the server's YAML). The channel runs when {@code imap} and
 * {@code smtp} are given (in demo mode the server points both at its embedded mail server).
 *
 * @param mailbox a short id of the mailbox, part of each email's source reference ({@code email:<mailbox>:<id>})
 * @param address the centre's address: acknowledgements and replies come from it ({@code contact@council.example})
 * @param displayName the name they come from ({@value #DEFAULT_DISPLAY_NAME})
 * @param imap where mail is read
 * @param smtp where mail is sent
 * @param queue the queue new emails wait in ({@value #DEFAULT_QUEUE})
 * @param pollInterval how often the mailbox is looked at when its server has no IDLE ({@code 60s}); with IDLE new mail
 *     is seen as it arrives
 * @param maxAttachmentBytes the largest attachment kept ({@value #DEFAULT_MAX_ATTACHMENT_BYTES} bytes); a larger one is
 *     noted in the conversation and dropped
 * @param acknowledgement the text of the automatic acknowledgement of a new email
 * @param preferLastAdvisor how long a new email in a thread prefers the advisor who answered it last ({@code 8h})
 */
public record EmailOptions(
        String mailbox,
        String address,
        String displayName,
        Server imap,
        Server smtp,
        String queue,
        Duration pollInterval,
        Integer maxAttachmentBytes,
        String acknowledgement,
        Duration preferLastAdvisor) {

    public static final String DEFAULT_MAILBOX = "contact";
    public static final String DEFAULT_DISPLAY_NAME = "Contact centre";
    public static final String DEFAULT_QUEUE = "email";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final Duration DEFAULT_PREFER_LAST_ADVISOR = Duration.ofHours(8);
    public static final String DEFAULT_ACKNOWLEDGEMENT = """
            Thank you for your email. We have received it and an advisor will reply within one working day.

            To add to it, reply to this email: keep the subject as it is so that it reaches the same advisor.
            Please never send card details by email.""";

    public EmailOptions {
        mailbox = Objects.requireNonNullElse(mailbox, DEFAULT_MAILBOX);
        if (!mailbox.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            throw new IllegalArgumentException("email.mailbox is 1–32 letters, digits, '.', '_' or '-'");
        }
        if (address == null || !address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("email.address is the centre's email address");
        }
        displayName = Objects.requireNonNullElse(displayName, DEFAULT_DISPLAY_NAME);
        Objects.requireNonNull(imap, "email.imap is required");
        Objects.requireNonNull(smtp, "email.smtp is required");
        queue = Objects.requireNonNullElse(queue, DEFAULT_QUEUE);
        pollInterval = Objects.requireNonNullElse(pollInterval, DEFAULT_POLL_INTERVAL);
        if (pollInterval.toMillis() < 100) {
            throw new IllegalArgumentException("email.pollInterval is at least 100ms");
        }
        maxAttachmentBytes = Objects.requireNonNullElse(maxAttachmentBytes, DEFAULT_MAX_ATTACHMENT_BYTES);
        if (maxAttachmentBytes < 1) {
            throw new IllegalArgumentException("email.maxAttachmentBytes must be positive");
        }
        acknowledgement = Objects.requireNonNullElse(acknowledgement, DEFAULT_ACKNOWLEDGEMENT);
        preferLastAdvisor = Objects.requireNonNullElse(preferLastAdvisor, DEFAULT_PREFER_LAST_ADVISOR);
    }

    /** How the mail server is reached. */
    public enum Security {
        /** Plain text: only for a server on the same machine (the demo's, tests'). */
        NONE,
        /** Plain connection upgraded with STARTTLS (required). */
        STARTTLS,
        /** TLS from the start (IMAPS 993, SMTPS 465). */
        TLS
    }

    /**
     * A mail server.
     *
     * @param password the password, or null with {@code passwordFile}
     * @param passwordFile a file holding the password (kept out of the configuration)
     */
    public record Server(
            String host, Integer port, Security security, String username, String password, Path passwordFile) {
        public Server {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("a mail server has a host");
            }
            security = Objects.requireNonNullElse(security, Security.TLS);
            if (port != null && (port < 1 || port > 65_535)) {
                throw new IllegalArgumentException("a mail server's port is 1–65535");
            }
            if (password != null && passwordFile != null) {
                throw new IllegalArgumentException("give a mail server's password or its passwordFile, not both");
            }
        }

        /** The password, read from its file when one is named. */
        public String secret() {
            if (passwordFile == null) {
                return password;
            }
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("the mail password file " + passwordFile + " cannot be read", e);
            }
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Server[" + host + ":" + port + ", " + security + (username == null ? "" : ", " + username) + "]";
        }
    }
}
