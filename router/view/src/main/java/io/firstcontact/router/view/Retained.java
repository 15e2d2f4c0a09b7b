package io.firstcontact.router.view;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/** What has ended, by id, at most {@code capacity} of it: the oldest put is dropped first. */
final class Retained<V> {
    private final int capacity;
    private final Consumer<V> dropped;
    private final LinkedHashMap<String, V> byId = new LinkedHashMap<>();

    Retained(int capacity) {
        this(capacity, v -> {});
    }

    /** @param dropped told of each value dropped to keep within the capacity */
    Retained(int capacity, Consumer<V> dropped) {
        this.capacity = capacity;
        this.dropped = dropped;
    }

    void put(String id, V value) {
        byId.remove(id); // a re-put counts as the newest
        byId.put(id, value);
        Iterator<V> oldest = byId.values().iterator();
        while (byId.size() > capacity) {
            V old = oldest.next();
            oldest.remove();
            dropped.accept(old);
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
