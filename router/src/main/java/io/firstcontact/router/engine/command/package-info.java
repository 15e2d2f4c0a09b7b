/** The engine's input schema: one sealed {@link io.firstcontact.router.engine.command.Command} per thing that can happen. */
package io.firstcontact.router.engine.command;
