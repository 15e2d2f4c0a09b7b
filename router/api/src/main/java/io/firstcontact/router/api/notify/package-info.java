/** Messages to customers outside their conversation (SMS, email): the {@link io.firstcontact.router.api.notify.Notifier} port. JDK only. */
package io.firstcontact.router.api.notify;
