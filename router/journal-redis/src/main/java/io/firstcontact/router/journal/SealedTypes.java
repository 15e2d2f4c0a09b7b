package io.firstcontact.router.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Finds the concrete records under sealed interfaces, for naming them in JSON. */
final class SealedTypes {
    private SealedTypes() {}

    /**
     * The leaf records under {@code roots}, each under its simple name, sorted by name. Walks
     * {@link Class#getPermittedSubclasses()} recursively through nested sealed interfaces.
     *
     * @throws IllegalStateException if a root is not sealed, a leaf is not a record, or two leaves share a simple name
     */
    static TreeMap<String, Class<?>> leavesByName(List<Class<?>> roots) {
        TreeMap<String, Class<?>> byName = new TreeMap<>();
        for (Class<?> root : roots) {
            if (!root.isSealed()) {
                throw new IllegalStateException(root.getName() + " is not sealed");
            }
            List<Class<?>> leaves = new ArrayList<>();
            collect(root, leaves);
            for (Class<?> leaf : leaves) {
                Class<?> other = byName.putIfAbsent(leaf.getSimpleName(), leaf);
                if (other != null && other != leaf) {
                    throw new IllegalStateException("the journal names types by their simple name, and "
                            + leaf.getName() + " and " + other.getName() + " share the name " + leaf.getSimpleName());
                }
            }
        }
        return byName;
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else if (type.isRecord()) {
            out.add(type);
        } else {
            throw new IllegalStateException(
                    type.getName() + " is neither a record nor sealed; the journal can only name records");
        }
    }
}
