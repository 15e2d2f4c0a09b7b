package io.firstcontact.server.demo;

/**
 * Who a simulated caller is: one of the demo back office's residents, so that a demo screen pop shows their account.
 *
 * @param customerRef their customerRef
 * @param callerNumber the number they call from (E.164), or null (withheld)
 * @param email the address they write from, or null
 */
public record DemoResident(String customerRef, String callerNumber, String email) {}
