/**
 * The written conversations chat, email and SMS share: the transcripts as staff and residents see them ({@link
 * io.firstcontact.channels.conversation.ConversationBook}, the desktop's {@code Conversations} port), kept sealed on
 * disk for a retention period ({@link io.firstcontact.channels.conversation.TranscriptStore}), never in the routing
 * journal.
 */
package io.firstcontact.channels.conversation;
