package io.firstcontact.router.view;

import java.util.Iterator;
import java.util.LinkedHashMap;

/** What has ended, by id, at most {@code capacity} of it: the oldest put is dropped first. */
final class Retained<V> {
    private final int capacity;
    private final LinkedHashMap<String, V> byId = new LinkedHashMap<>();

    Retained(int capacity) {
        this.capacity = capacity;
    }

    void put(String id, V value) {
        byId.remove(id); // a re-put counts as the newest
        byId.put(id, value);
        Iterator<V> oldest = byId.values().iterator();
        while (byId.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    V get(String id) {
        return byId.get(id);
    }

    V remove(String id) {
        return byId.remove(id);
    }

    int size() {
        return byId.size();
    }
}
