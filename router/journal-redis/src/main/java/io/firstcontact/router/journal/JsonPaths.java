package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where Jackson failed, as a path of field names and indexes: {@code queues[2].wrapUpMillis}. Never a value. */
public final class JsonPaths {
    private JsonPaths() {}

    public static String of(JsonMappingException e) {
        return of("", e);
    }

    /** The path under {@code root} ({@code root.field[3].other}). */
    public static String of(String root, JsonMappingException e) {
        StringBuilder sb = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
