package io.firstcontact.router.engine.model;

public enum AssignmentStatus {
    ACTIVE,
    WRAP_UP,
    DONE
}
