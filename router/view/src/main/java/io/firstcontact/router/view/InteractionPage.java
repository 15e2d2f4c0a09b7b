package io.firstcontact.router.view;

import java.util.List;

/**
 * One page of {@link LiveView#interactions}, in arrival order.
 *
 * @param items the interactions, as {@link LiveView#interaction} shows each
 * @param nextCursor the cursor of the next page, or null when this is the last
 */
public record InteractionPage(List<InteractionView> items, String nextCursor) {
    public InteractionPage {
        items = List.copyOf(items);
    }
}
