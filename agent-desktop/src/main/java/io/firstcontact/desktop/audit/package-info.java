/** The audit trail of supervisor actions: who did what to whom, when, and what came of it. */
package io.firstcontact.desktop.audit;
