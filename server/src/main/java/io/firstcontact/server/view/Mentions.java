package io.firstcontact.server.view;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ids a command, fact or effect names: its {@code String} record components called {@code interactionId},
 * {@code offerId} or {@code assignmentId}. It goes by component name, so a type added to the engine later is covered
 * without a change here. The accessors of each class are looked up once and cached.
 */
final class Mentions {

    /** What an id names. */
    enum Kind {
        INTERACTION("interactionId"),
        OFFER("offerId"),
        ASSIGNMENT("assignmentId");

        private final String component;

        Kind(String component) {
            this.component = component;
        }

        static Kind of(String component) {
            for (Kind k : values()) {
                if (k.component.equals(component)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Receives each id a value names. */
    @FunctionalInterface
    interface Sink {
        void mentioned(Kind kind, String id);
    }

    private record Reader(Kind kind, MethodHandle accessor) {}

    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<List<Reader>> READERS = new ClassValue<>() {
        @Override
        protected List<Reader> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<Reader> readers = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Kind kind = Kind.of(c.getName());
                if (kind == null || c.getType() != String.class) {
                    continue;
                }
                try {
                    MethodHandle h = MethodHandles.publicLookup().unreflect(c.getAccessor());
                    readers.add(new Reader(kind, h.asType(READ)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(type.getName() + "." + c.getName() + " cannot be read", e);
                }
            }
            return List.copyOf(readers);
        }
    };

    private Mentions() {}

    /** Hands every non-null id {@code value} names to {@code sink}, in component order. */
    static void of(Object value, Sink sink) {
        for (Reader r : READERS.get(value.getClass())) {
            Object id;
            try {
                id = (Object) r.accessor().invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                // Record accessors declare no checked exceptions; this cannot happen.
                throw new IllegalStateException(e);
            }
            if (id != null) {
                sink.mentioned(r.kind(), (String) id);
            }
        }
    }
}
