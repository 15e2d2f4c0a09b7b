/**
 * SMS: the {@link io.firstcontact.channels.sms.SmsGateway} port with its HTTP connector (one documented JSON shape) and
 * its log sink, the {@link io.firstcontact.channels.sms.MessageNotifier} that sends the centre's texts (callback
 * confirmations, payment receipts, the link offered on a long wait) through it, and — when enabled — residents' texts
 * received by a signed webhook, routed as interactions of the {@code sms} channel and answered from the desktop.
 */
package io.firstcontact.channels.sms;
