/** Sinks behind the {@link io.firstcontact.router.api.notify.Notifier} port: the log sink until a gateway is configured. */
package io.firstcontact.channels.notify;
