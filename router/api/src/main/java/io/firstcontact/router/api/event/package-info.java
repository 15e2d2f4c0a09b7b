/**
 * The engine's outputs: {@link io.firstcontact.router.api.event.Fact}s (what happened: journaled, streamed to
 * statistics and the event API) and {@link io.firstcontact.router.api.event.Effect}s (what the edges must do,
 * released only after the entry holding them is committed).
 */
package io.firstcontact.router.api.event;
