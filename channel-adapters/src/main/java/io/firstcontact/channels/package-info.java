/**
 * The channel edges: web chat ({@code chat}), email ({@code email}) and SMS ({@code sms}), and the written
 * conversations they share ({@code conversation}). Each talks to routing only through the router API's ports.
 */
package io.firstcontact.channels;
