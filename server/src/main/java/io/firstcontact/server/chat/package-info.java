/**
 * The server's wiring of the web chat: its options, its transcripts' store under the data directory (sealed, kept for
 * the configured retention and deleted at its deadline), its reads of the read model, its self-service through the
 * IVR's text front end, and its public endpoints beside the API.
 */
package io.firstcontact.server.chat;
