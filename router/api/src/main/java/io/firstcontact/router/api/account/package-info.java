/**
 * The account directory port: who the customer is and what the council knows of them (the screen pop's account
 * context), resolved from whatever identifies them at the edge, and what the contact centre records back to the back
 * office. JDK only; implementations (the demo residents file, the HTTP connector, the Hazelcast cache) live in the
 * {@code firstcontact-router-account} module.
 */
package io.firstcontact.router.api.account;
