package io.firstcontact.desktop.story;

import io.firstcontact.desktop.story.OfferReasons.Why;

/**
 * The advisors an offer's reasons name one by one: the first {@code max} by why they were not offered it, then by
 * id, kept as they come — O(max) per advisor at worst, and nobody else is sorted or put in words.
 */
final class FirstNamed {
    private final Why[] whys;
    private final String[] agentIds;
    private int size;

    FirstNamed(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        whys = new Why[max];
        agentIds = new String[max];
    }

    /** Keeps the advisor if they come before the last kept (or fewer than {@code max} are kept). */
    void offer(Why why, String agentId) {
        int i;
        if (size < whys.length) {
            i = size++;
        } else if (before(why, agentId, size - 1)) {
            i = size - 1;
        } else {
            return;
        }
        for (; i > 0 && before(why, agentId, i - 1); i--) {
            whys[i] = whys[i - 1];
            agentIds[i] = agentIds[i - 1];
        }
        whys[i] = why;
        agentIds[i] = agentId;
    }

    private boolean before(Why why, String agentId, int i) {
        int c = why.compareTo(whys[i]);
        return c < 0 || (c == 0 && agentId.compareTo(agentIds[i]) < 0);
    }

    int size() {
        return size;
    }

    Why why(int i) {
        return whys[i];
    }

    String agentId(int i) {
        return agentIds[i];
    }
}
