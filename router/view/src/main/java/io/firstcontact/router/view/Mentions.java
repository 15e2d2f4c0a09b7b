package io.firstcontact.router.view;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ids a command, fact or effect names: its {@code String} record components called {@code interactionId},
 * {@code offerId} or {@code assignmentId} (and, for the event stream's per-advisor filter, {@code agentId}). It goes
 * by component name, so a type added to the engine later is covered without a change here. The accessors of each
 * class are looked up once and cached.
 */
public final class Mentions {

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
    private static final String AGENT = "agentId";

    private static final ClassValue<List<Reader>> READERS = new ClassValue<>() {
        @Override
        protected List<Reader> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<Reader> readers = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Kind kind = Kind.of(c.getName());
                if (kind != null && c.getType() == String.class) {
                    readers.add(new Reader(kind, accessor(type, c)));
                }
            }
            return List.copyOf(readers);
        }
    };

    /** The {@code String agentId} component's accessor of each record class, or null. */
    private static final ClassValue<MethodHandle> AGENT_READER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (c.getName().equals(AGENT) && c.getType() == String.class) {
                        return accessor(type, c);
                    }
                }
            }
            return null;
        }
    };

    private static MethodHandle accessor(Class<?> type, RecordComponent c) {
        try {
            return MethodHandles.publicLookup().unreflect(c.getAccessor()).asType(READ);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + "." + c.getName() + " cannot be read", e);
        }
    }

    private Mentions() {}

    /** Hands every non-null id {@code value} names to {@code sink}, in component order. */
    static void of(Object value, Sink sink) {
        for (Reader r : READERS.get(value.getClass())) {
            Object id = read(r.accessor(), value);
            if (id != null) {
                sink.mentioned(r.kind(), (String) id);
            }
        }
    }

    /** The advisor {@code value} names in its {@code agentId} component, or null. */
    public static String agentId(Object value) {
        MethodHandle h = AGENT_READER.get(value.getClass());
        return h == null ? null : (String) read(h, value);
    }

    private static Object read(MethodHandle accessor, Object value) {
        try {
            return (Object) accessor.invokeExact(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // Record accessors declare no checked exceptions; this cannot happen.
            throw new IllegalStateException(e);
        }
    }
}
