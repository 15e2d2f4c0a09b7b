/**
 * The journal in Redis (docs/routing-contract.md §8): the routing lease with its epoch counter, the journal stream
 * with explicit {@code <epoch>-<seq>} ids (so a deposed leader's appends fail), and an embedded
 * redis-server for the default single-node run and for tests.
 *
 * <p>Only commands of Redis 6.2 are used, so Valkey works too.
 */
package io.firstcontact.router.journal.redis;
