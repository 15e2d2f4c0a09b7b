package io.firstcontact.channels.email;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * Jakarta Mail sessions for the configured servers: TLS or STARTTLS as configured (required, never optional),
 * timeouts on every connection, and IMAP reads that never mark a message seen by themselves ({@code peek}): the centre
 * marks it seen once it is journaled.
 */
final class MailSessions {
    static final int TIMEOUT_MILLIS = 30_000;

    private MailSessions() {}

    /** The protocol's name for the server: {@code imap}/{@code imaps}, {@code smtp}/{@code smtps}. */
    static String protocol(String base, EmailOptions.Server server) {
        return server.security() == EmailOptions.Security.TLS ? base + "s" : base;
    }

    static int port(String base, EmailOptions.Server server) {
        if (server.port() != null) {
            return server.port();
        }
        boolean tls = server.security() == EmailOptions.Security.TLS;
        return base.equals("imap") ? (tls ? 993 : 143) : (tls ? 465 : 587);
    }

    static Session imap(EmailOptions.Server server) {
        Properties p = common("imap", server);
        String proto = protocol("imap", server);
        p.put("mail." + proto + ".peek", "true");
        return Session.getInstance(p);
    }

    static Session smtp(EmailOptions.Server server) {
        Properties p = common("smtp", server);
        String proto = protocol("smtp", server);
        p.put("mail." + proto + ".auth", String.valueOf(server.username() != null));
        return Session.getInstance(p);
    }

    private static Properties common(String base, EmailOptions.Server server) {
        Properties p = new Properties();
        String proto = protocol(base, server);
        p.put("mail.transport.protocol", base.equals("smtp") ? proto : "smtp");
        p.put("mail.store.protocol", base.equals("imap") ? proto : "imap");
        p.put("mail." + proto + ".host", server.host());
        p.put("mail." + proto + ".port", String.valueOf(port(base, server)));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail." + proto + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail." + proto + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        switch (server.security()) {
            case STARTTLS -> {
                p.put("mail." + proto + ".starttls.enable", "true");
                p.put("mail." + proto + ".starttls.required", "true");
                p.put("mail." + proto + ".ssl.checkserveridentity", "true");
            }
            case TLS -> p.put("mail." + proto + ".ssl.checkserveridentity", "true");
            case NONE -> {}
        }
        return p;
    }
}
