/**
 * The engine's mutable state and its indexes. Owned by one thread; nothing here is thread-safe and nothing here
 * may be used outside the engine. Iteration that can influence a decision runs only over ordered collections.
 */
package io.firstcontact.router.engine.internal;
