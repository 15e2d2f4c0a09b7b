/**
 * The IVR as the server runs it: its flows and their versions in the data directory, the supervisors' emergency
 * closures, the ports it reaches (routing, the account directory, the sandbox gateway, the receipts' log sink) and the
 * chats in its text front end. The voice adapter hands its calls to the same {@link io.firstcontact.ivr.run.Ivr}.
 */
package io.firstcontact.server.ivr;
