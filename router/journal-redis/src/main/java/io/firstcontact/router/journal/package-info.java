/**
 * The journal codec: the exact, stable JSON form of the engine's inputs, decisions and snapshots, as the host writes
 * them to its journal and reads them back on recovery. The engine types stay free of serialisation annotations;
 * everything Jackson needs is configured here (mix-ins and programmatically registered type names).
 */
package io.firstcontact.router.journal;
