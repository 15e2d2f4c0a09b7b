/**
 * Email: an IMAP mailbox followed with IDLE (polling only where the server has no IDLE), one interaction per
 * conversation threaded by Message-ID, In-Reply-To and References, an automatic acknowledgement, automatic mail
 * (auto-replies, bounces, loops) never answered, attachments kept within limits, and the advisor's reply sent over
 * SMTP in the same thread. Jakarta Mail (Angus) stays inside this package.
 */
package io.firstcontact.channels.email;
