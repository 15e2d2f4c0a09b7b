/**
 * The server's email and SMS: the email channel on the configured mailbox (or, in demo mode, on an embedded mail
 * server), the SMS gateway behind the {@link io.firstcontact.router.api.notify.Notifier} port, and residents' texts by
 * the gateway's signed webhook when enabled.
 */
package io.firstcontact.server.mail;
