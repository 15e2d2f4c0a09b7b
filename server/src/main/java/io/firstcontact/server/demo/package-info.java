/**
 * The demo: a small model of the customer's council contact centre ({@link io.firstcontact.server.demo.DemoCentre})
 * and simulated residents and advisors driving it through the routing gateway
 * ({@link io.firstcontact.server.demo.DemoTraffic}), so that a server started with no configuration shows a living
 * centre. Time passes through {@link io.firstcontact.server.demo.DemoTimers}, so tests run it in virtual time.
 */
package io.firstcontact.server.demo;
