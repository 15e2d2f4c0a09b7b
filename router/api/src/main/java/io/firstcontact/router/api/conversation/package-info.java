/**
 * Written conversations (web chat, email, SMS) as the advisor's desktop and the supervisor see them: the
 * {@link io.firstcontact.router.api.conversation.Conversations} port that the channels implement and the desktop uses.
 * Transcripts are personal data: they are kept by the channels, never in the routing journal. JDK only.
 */
package io.firstcontact.router.api.conversation;
