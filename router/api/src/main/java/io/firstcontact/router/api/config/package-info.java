/**
 * Routing configuration: versioned data, validated as a whole and applied atomically by a journaled input.
 * Records validate their own fields; {@link io.firstcontact.router.api.config.RoutingConfig} validates references.
 */
package io.firstcontact.router.api.config;
