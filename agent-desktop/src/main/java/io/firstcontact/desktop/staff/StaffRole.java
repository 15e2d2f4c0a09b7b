package io.firstcontact.desktop.staff;

/** What a member of staff may do. An advisor works at the desk as one agent; supervisors and admins run the centre. */
public enum StaffRole {
    ADVISOR,
    SUPERVISOR,
    ADMIN
}
