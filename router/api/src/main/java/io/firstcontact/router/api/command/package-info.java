/** The engine's input schema: one sealed {@link io.firstcontact.router.api.command.Command} per thing that can happen. */
package io.firstcontact.router.api.command;
