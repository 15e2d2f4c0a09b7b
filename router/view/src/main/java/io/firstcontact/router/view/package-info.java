/**
 * The server's read model built from committed decisions: {@link io.firstcontact.router.view.LiveView} follows every
 * committed journal entry (and is rebuilt by replaying the journal) and answers the API's queries about queues,
 * waiting interactions with positions and expected waits ({@link io.firstcontact.router.view.ExpectedWait}), offers,
 * assignments, advisors and per-interaction traces, as immutable records. Everything runs on the engine thread.
 */
package io.firstcontact.router.view;
