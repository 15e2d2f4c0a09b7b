/**
 * The host around the routing engine (docs/routing-contract.md §8): a sequencer stamps each command with {@code (epoch, seq, at)},
 * the engine decides on one thread, a group committer writes input and decision to the journal, and only then are
 * the effects released and the callers answered. Deadlines come back as sequenced inputs on timers set for their
 * exact instants. Everything with I/O sits behind a small port ({@link io.firstcontact.router.api.port.Journal},
 * {@link io.firstcontact.router.api.port.Scheduler}, {@link io.firstcontact.router.api.port.EffectSink}).
 */
package io.firstcontact.router.host;
