package io.firstcontact.router.engine.model;

public enum Direction {
    INBOUND,
    CALLBACK,
    OUTBOUND
}
