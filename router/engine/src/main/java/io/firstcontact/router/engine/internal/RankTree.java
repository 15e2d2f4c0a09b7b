package io.firstcontact.router.engine.internal;

import java.util.Comparator;

/**
 * An order-statistic set: insert, remove and rank in O(log n). A treap whose priorities are a fixed mix of a
 * caller-given long (never random), so its shape, like everything in the engine, depends only on the inputs.
 */
final class RankTree<T> {
    private final Comparator<? super T> order;
    private final java.util.function.ToLongFunction<? super T> seed;
    private Node<T> root;

    private static final class Node<T> {
        final T value;
        final long priority;
        Node<T> left;
        Node<T> right;
        int size = 1;

        Node(T value, long priority) {
            this.value = value;
            this.priority = priority;
        }
    }

    RankTree(Comparator<? super T> order, java.util.function.ToLongFunction<? super T> seed) {
        this.order = order;
        this.seed = seed;
    }

    int size() {
        return size(root);
    }

    void add(T value) {
        root = insert(root, new Node<>(value, mix(seed.applyAsLong(value))));
    }

    void remove(T value) {
        root = delete(root, value);
    }

    /** How many elements order before {@code value} (which need not be present). */
    int countBefore(T value) {
        int count = 0;
        Node<T> n = root;
        while (n != null) {
            int c = order.compare(value, n.value);
            if (c <= 0) {
                n = n.left;
            } else {
                count += size(n.left) + 1;
                n = n.right;
            }
        }
        return count;
    }

    private static int size(Node<?> n) {
        return n == null ? 0 : n.size;
    }

    private static <T> Node<T> fix(Node<T> n) {
        n.size = 1 + size(n.left) + size(n.right);
        return n;
    }

    private Node<T> insert(Node<T> n, Node<T> x) {
        if (n == null) {
            return x;
        }
        if (order.compare(x.value, n.value) < 0) {
            n.left = insert(n.left, x);
            if (n.left.priority > n.priority) {
                Node<T> l = n.left;
                n.left = l.right;
                l.right = fix(n);
                return fix(l);
            }
        } else {
            n.right = insert(n.right, x);
            if (n.right.priority > n.priority) {
                Node<T> r = n.right;
                n.right = r.left;
                r.left = fix(n);
                return fix(r);
            }
        }
        return fix(n);
    }

    private Node<T> delete(Node<T> n, T value) {
        if (n == null) {
            return null;
        }
        int c = order.compare(value, n.value);
        if (c < 0) {
            n.left = delete(n.left, value);
        } else if (c > 0) {
            n.right = delete(n.right, value);
        } else {
            return merge(n.left, n.right);
        }
        return fix(n);
    }

    private Node<T> merge(Node<T> a, Node<T> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            return fix(a);
        }
        b.left = merge(a, b.left);
        return fix(b);
    }

    /** SplitMix64's finaliser: spreads consecutive seeds into balanced priorities. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
