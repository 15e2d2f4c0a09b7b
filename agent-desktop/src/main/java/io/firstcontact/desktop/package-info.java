/** The advisor desktop: staff sign-in, the desk's web app and its HTTP/WebSocket API. */
package io.firstcontact.desktop;
