package io.firstcontact.router.api.model;

/** Whether a skill requirement may relax with waiting time. Language or safeguarding are hard. */
public enum Strictness {
    HARD,
    SOFT
}
