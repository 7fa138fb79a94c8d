package org.praxis.application.progress.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A domain event as plain data: its type and its fields as strings, numbers, booleans, lists and
 * maps. This is what is stored (the learner's event log) and what clients receive.
 */
public record EventView(String type, Map<String, Object> fields) {
    public EventView {
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
