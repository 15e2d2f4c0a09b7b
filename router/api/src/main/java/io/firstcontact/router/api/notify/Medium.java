package io.firstcontact.router.api.notify;

/** How a {@link Message} reaches its recipient. */
public enum Medium {
    SMS,
    EMAIL
}
