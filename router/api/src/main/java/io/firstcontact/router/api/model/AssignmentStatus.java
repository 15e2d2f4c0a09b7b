package io.firstcontact.router.api.model;

public enum AssignmentStatus {
    ACTIVE,
    WRAP_UP,
    DONE
}
