package org.praxis.domain.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.praxis.domain.grading.GraderSettings.SqlComparison;

/**
 * Compares a learner's query result with the reference result of the same data set (GR2). Rows are
 * compared as a list when order matters, else as multisets; numbers by value within the tolerance,
 * NULL equal only to NULL. The difference is described for the learner; callers drop the description
 * for hidden data sets, whose values must never be shown.
 */
public final class ResultComparison {
    /** How many values of a row a message shows at most, so one wide row does not flood the feedback. */
    private static final int SHOWN_VALUES = 8;

    private final SqlComparison settings;

    public ResultComparison(SqlComparison settings) {
        this.settings = settings;
    }

    /** Empty when the results match; else what differs, first problem only. */
    public Optional<String> difference(QueryResult expected, QueryResult actual) {
        if (expected.columns().size() != actual.columns().size()) {
            return Optional.of("expected " + plural(expected.columns().size(), "column") + ", got " + actual.columns().size());
        }
        if (settings.columnNamesMatter()) {
            for (int i = 0; i < expected.columns().size(); i++) {
                String want = expected.columns().get(i);
                String got = actual.columns().get(i);
                if (!want.equalsIgnoreCase(got)) {
                    return Optional.of("column " + (i + 1) + " should be named '" + want + "', was '" + got + "'");
                }
            }
        }
        if (actual.truncated()) {
            return Optional.of("the query returned more than " + plural(actual.rows().size(), "row") + ", far more than expected");
        }
        int want = expected.rows().size();
        int got = actual.rows().size();
        if (want != got) {
            return Optional.of("expected " + plural(want, "row") + ", got " + got
                    + (got < want ? " (" + (want - got) + " missing)" : " (" + (got - want) + " too many)"));
        }
        if (settings.orderMatters()) {
            Optional<String> ordered = firstDifferentRow(expected.rows(), actual.rows());
            if (ordered.isPresent() && firstDifferentRow(sorted(expected.rows()), sorted(actual.rows())).isEmpty()) {
                return Optional.of("the rows are right but not in the expected order: " + ordered.get());
            }
            return ordered;
        }
        return unorderedDifference(sorted(expected.rows()), sorted(actual.rows()));
    }

    private Optional<String> firstDifferentRow(List<List<Object>> expected, List<List<Object>> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (!sameRow(expected.get(i), actual.get(i))) {
                return Optional.of("row " + (i + 1) + " differs: expected " + show(expected.get(i)) + ", got " + show(actual.get(i)));
            }
        }
        return Optional.empty();
    }

    private Optional<String> unorderedDifference(List<List<Object>> expected, List<List<Object>> actual) {
        var unmatched = new ArrayList<>(actual);
        var missing = new ArrayList<List<Object>>();
        for (List<Object> row : expected) {
            int match = indexOfSame(unmatched, row);
            if (match < 0) {
                missing.add(row);
            } else {
                unmatched.remove(match);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(plural(missing.size(), "expected row") + " missing, e.g. " + show(missing.get(0))
                + "; " + plural(unmatched.size(), "row") + " not expected, e.g. " + show(unmatched.get(0)));
    }

    private int indexOfSame(List<List<Object>> rows, List<Object> row) {
        for (int i = 0; i < rows.size(); i++) {
            if (sameRow(rows.get(i), row)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameRow(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.subtract(y).abs().compareTo(settings.numericTolerance()) <= 0;
        }
        return a.equals(b);
    }

    /** Rows in a canonical order (NULLs first, then by type, then by value), for multiset comparison. */
    private static List<List<Object>> sorted(List<List<Object>> rows) {
        var copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }

    private static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        int order = ((Comparable<Object>) a).compareTo(b);
        return order;
    };

    private static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    static String show(List<Object> row) {
        var shown = row.stream().limit(SHOWN_VALUES).map(ResultComparison::show).collect(Collectors.joining(", "));
        return "(" + shown + (row.size() > SHOWN_VALUES ? ", ..." : "") + ")";
    }

    private static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof String text) {
            String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return "'" + cut + "'";
        }
        return value.toString();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
