/**
 * The Asterisk Manager Interface through Asterisk-Java, wrapped at the edge: its events become {@link
 * io.firstcontact.channels.voice.ami.AmiEvent} records on its own thread, its actions are sent asynchronously and
 * answer with futures. Nothing outside this package sees an Asterisk-Java event.
 */
package io.firstcontact.channels.voice.ami;
