/** Value types of the contact-centre domain shared by the engine's inputs, outputs and configuration. */
package io.firstcontact.router.api.model;
