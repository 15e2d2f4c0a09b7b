package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a JSON (or YAML) value was expected to be, in words a person reads without knowing Java: "an object with the
 * fields queue, tier", "a string", "a whole number", "true or false", "a list", "one of LONGEST_IDLE, …". Used by every
 * reader of outside input (the API's bodies, the configuration file, the routing configuration) to say what it wanted
 * where it got something else; never quotes the value it got.
 */
public final class JsonExpected {
    private JsonExpected() {}

    /** What a value of {@code type} looks like; {@code lowerCaseEnums} for readers that ignore the case of enums. */
    public static String of(JavaType type, boolean lowerCaseEnums) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        if (type.isMapLikeType()) {
            return "an object of names and values";
        }
        return of(type.getRawClass(), lowerCaseEnums);
    }

    /** As {@link #of(JavaType, boolean)}, for a class. */
    public static String of(Class<?> c, boolean lowerCaseEnums) {
        if (c == String.class || c == Path.class) {
            return "a string";
        }
        if (c == int.class
                || c == long.class
                || c == short.class
                || c == Integer.class
                || c == Long.class
                || c == Short.class) {
            return "a whole number";
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
            return "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c.isEnum()) {
            return "one of " + String.join(", ", values(c, lowerCaseEnums));
        }
        if (Collection.class.isAssignableFrom(c) || c.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(c)) {
            return "an object of names and values";
        }
        if (c.isRecord()) {
            return "an object with the fields " + String.join(", ", fields(c));
        }
        return "an object";
    }

    /** The names an enum accepts, as written. */
    public static List<String> values(Class<?> enumType, boolean lowerCase) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(v -> ((Enum<?>) v).name())
                .map(n -> lowerCase ? n.toLowerCase(Locale.ROOT) : n)
                .toList();
    }

    /** A record's fields, in order. */
    public static List<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /**
     * A value a record refused, said about the field: the refusal's message starts with the field it is about ("port
     * must be 0–65535") when that is one of the record's, and is then joined to the record's path ({@code http.port
     * must be 0–65535}); else it is said about the record ({@code queues[1]: queue q1 overflows to itself}).
     *
     * @param field the path of the field (or of the record) the message is about
     * @param message the message, starting with that path
     */
    public record Refusal(String field, String message) {
        public static Refusal of(String path, Class<?> record, String refusal) {
            String text = refusal == null ? "invalid value" : refusal;
            int space = text.indexOf(' ');
            String first = space > 0 ? text.substring(0, space) : text;
            if (record != null && record.isRecord() && fields(record).contains(first)) {
                String field = path.isEmpty() ? first : path + "." + first;
                return new Refusal(field, field + text.substring(first.length()));
            }
            return new Refusal(path, path.isEmpty() ? text : path + ": " + text);
        }
    }

    /** "the valid fields are a, b, c" for an unknown field, from what the reader knew. */
    public static String validFields(UnrecognizedPropertyException e) {
        Collection<Object> known = e.getKnownPropertyIds();
        if (known == null || known.isEmpty()) {
            return "no fields are expected here";
        }
        List<String> names = known.stream().map(Objects::toString).toList();
        // Jackson lists them in no stable order; the record's own order reads best.
        Class<?> owner = e.getReferringClass();
        if (owner != null && owner.isRecord()) {
            List<String> ordered =
                    fields(owner).stream().filter(names::contains).toList();
            if (ordered.size() == names.size()) {
                names = ordered;
            }
        } else {
            names = names.stream().sorted().collect(Collectors.toList());
        }
        return "the valid fields are " + String.join(", ", names);
    }
}
