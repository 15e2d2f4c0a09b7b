/**
 * The switchboard: the calls and legs the adapter follows, routing's decisions carried out on them (ring, bridge,
 * withdraw, transfer, hold, callbacks, consults), what happened on the phones reported back, and the
 * resynchronisation on every connection to Asterisk. Confined to one Vert.x context.
 */
package io.firstcontact.channels.voice.calls;
