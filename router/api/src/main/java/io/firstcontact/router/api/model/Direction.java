package io.firstcontact.router.api.model;

public enum Direction {
    INBOUND,
    CALLBACK,
    OUTBOUND
}
