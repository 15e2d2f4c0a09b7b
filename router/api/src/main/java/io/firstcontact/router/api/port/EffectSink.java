package io.firstcontact.router.api.port;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;

/**
 * Receives each decision once its journal entry is committed, in sequence order: the adapters' offers, the event
 * stream's facts. Called on the engine thread; implementations hand off, never block.
 */
@FunctionalInterface
public interface EffectSink {
    void committed(EngineInput input, Decision decision);
}
