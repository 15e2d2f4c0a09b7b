package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites one journal entry, as a JSON tree, from schema version {@code n} to version {@code n + 1}: renames, moves
 * or fills in fields so that the current records can read it. It may change the tree in place and return it, or
 * return a new tree. The codec sets {@code schemaVersion} itself after each step.
 */
@FunctionalInterface
public interface Upcaster {
    ObjectNode upcast(ObjectNode entry);
}
