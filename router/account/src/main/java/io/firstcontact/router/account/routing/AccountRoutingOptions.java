package io.firstcontact.router.account.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Routing on the citizen's account: the advisor who owns the caller's open case, or who last helped them within
 * {@code lookBack}, is preferred for {@code window} after the caller starts waiting.
 *
 * @param enabled whether the preference applies at all
 * @param window how long the preferred advisor is a PREFER target from the start of the wait; then routing is as usual
 * @param lookBack how far back "last helped" reaches (the router's own assignments and the back office's contacts)
 * @param disabledQueues queues where it never applies (a supervisor can change this at run time)
 */
public record AccountRoutingOptions(Boolean enabled, Duration window, Duration lookBack, List<String> disabledQueues) {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(7);

    public static final AccountRoutingOptions DEFAULT = new AccountRoutingOptions(null, null, null, null);

    public AccountRoutingOptions {
        enabled = Objects.requireNonNullElse(enabled, Boolean.TRUE);
        window = Objects.requireNonNullElse(window, DEFAULT_WINDOW);
        lookBack = Objects.requireNonNullElse(lookBack, DEFAULT_LOOK_BACK);
        disabledQueues = List.copyOf(Objects.requireNonNullElse(disabledQueues, List.of()));
        if (window.isNegative() || window.isZero() || lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("account.routing.window and account.routing.lookBack must be positive");
        }
    }
}
