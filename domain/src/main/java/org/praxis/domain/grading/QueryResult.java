package org.praxis.domain.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a query returned, as plain values: column labels, then rows whose values are {@code null},
 * {@link BigDecimal} (every number), {@link Boolean}, {@link String}, {@link LocalDate},
 * {@link LocalDateTime}, {@link LocalTime} or {@link Instant} (a time stamp with a time zone).
 * {@code truncated}: the query returned more rows than were read back.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {
    public QueryResult {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        var copy = new ArrayList<List<Object>>();
        for (List<Object> row : Objects.requireNonNull(rows, "rows")) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for " + columns.size() + " columns");
            }
            for (Object value : row) {
                if (value != null && !(value instanceof BigDecimal || value instanceof Boolean || value instanceof String
                        || value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime
                        || value instanceof Instant)) {
                    throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
                }
            }
            // values may be NULL, which List.copyOf refuses
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static QueryResult of(List<String> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, false);
    }
}
