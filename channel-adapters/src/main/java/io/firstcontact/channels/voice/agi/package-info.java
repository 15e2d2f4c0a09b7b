/**
 * The FastAGI front end and its scripts: entry (identify, menu, queue), the waiting caller's announcements, the
 * callback and SMS-link keys. Sessions run on virtual threads.
 */
package io.firstcontact.channels.voice.agi;
