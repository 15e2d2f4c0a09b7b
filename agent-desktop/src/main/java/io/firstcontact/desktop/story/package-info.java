/**
 * Each contact's decision trace in words, followed from the committed journal entries the read model's trace lists:
 * where it queued, to whom it was offered and why (the routing rule of docs/routing-contract.md §2–3, read against the
 * read model at the moment of the offer), what became of each offer and how it ended.
 */
package io.firstcontact.desktop.story;
