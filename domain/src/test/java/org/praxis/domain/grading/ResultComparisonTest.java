package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.GraderSettings.SqlComparison;

class ResultComparisonTest {
    private static final ResultComparison UNORDERED = new ResultComparison(SqlComparison.DEFAULT);
    private static final ResultComparison ORDERED = new ResultComparison(new SqlComparison(true, false, BigDecimal.ZERO));

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static QueryResult result(List<String> columns, List<List<Object>> rows) {
        return QueryResult.of(columns, rows);
    }

    @Test
    void rowsInAnotherOrderMatchWhenOrderDoesNotMatter() {
        var expected = result(List.of("name", "n"), List.of(row("a", n("1")), row("b", n("2"))));
        var actual = result(List.of("name", "n"), List.of(row("b", n("2")), row("a", n("1"))));
        assertEquals(Optional.empty(), UNORDERED.difference(expected, actual));
    }

    @Test
    void rowsInAnotherOrderAreNamedWhenOrderMatters() {
        var expected = result(List.of("name"), List.of(row("a"), row("b")));
        var actual = result(List.of("name"), List.of(row("b"), row("a")));
        assertEquals(Optional.of("the rows are right but not in the expected order: row 1 differs: expected ('a'), got ('b')"),
                ORDERED.difference(expected, actual));
    }

    @Test
    void aWrongValueInOrderedRowsNamesTheRow() {
        var expected = result(List.of("x"), List.of(row(n("1")), row(n("2")), row(n("3")), row(n("4"))));
        var actual = result(List.of("x"), List.of(row(n("1")), row(n("2")), row(n("3")), row(n("5"))));
        assertEquals(Optional.of("row 4 differs: expected (4), got (5)"), ORDERED.difference(expected, actual));
    }

    @Test
    void duplicatesCountAsInAMultiset() {
        var expected = result(List.of("x"), List.of(row("a"), row("a"), row("b")));
        var actual = result(List.of("x"), List.of(row("a"), row("b"), row("b")));
        assertEquals(Optional.of("1 expected row missing, e.g. ('a'); 1 row not expected, e.g. ('b')"), UNORDERED.difference(expected, actual));
    }

    @Test
    void aDifferentNumberOfColumnsIsNamedFirst() {
        var expected = result(List.of("a", "b", "c"), List.of());
        var actual = result(List.of("a", "b"), List.of());
        assertEquals(Optional.of("expected 3 columns, got 2"), UNORDERED.difference(expected, actual));
    }

    @Test
    void missingAndExtraRowsAreCounted() {
        var expected = result(List.of("x"), List.of(row("a"), row("b"), row("c")));
        assertEquals(Optional.of("expected 3 rows, got 1 (2 missing)"), UNORDERED.difference(expected, result(List.of("x"), List.of(row("a")))));
        assertEquals(Optional.of("expected 1 row, got 3 (2 too many)"), UNORDERED.difference(result(List.of("x"), List.of(row("a"))), expected));
    }

    @Test
    void columnNamesCountOnlyWhenTheyMatter() {
        var expected = result(List.of("total"), List.of(row(n("1"))));
        var actual = result(List.of("sum"), List.of(row(n("1"))));
        assertEquals(Optional.empty(), UNORDERED.difference(expected, actual));
        var named = new ResultComparison(new SqlComparison(false, true, BigDecimal.ZERO));
        assertEquals(Optional.of("column 1 should be named 'total', was 'sum'"), named.difference(expected, actual));
        assertEquals(Optional.empty(), named.difference(expected, result(List.of("TOTAL"), List.of(row(n("1"))))));
    }

    @Test
    void numbersCompareByValueWhateverTheirScale() {
        var expected = result(List.of("x"), List.of(row(n("2"))));
        assertEquals(Optional.empty(), UNORDERED.difference(expected, result(List.of("x"), List.of(row(n("2.000"))))));
        assertEquals(Optional.of("1 expected row missing, e.g. (2); 1 row not expected, e.g. (2.001)"),
                UNORDERED.difference(expected, result(List.of("x"), List.of(row(n("2.001"))))));
    }

    @Test
    void numbersWithinTheToleranceMatchInclusive() {
        var tolerant = new ResultComparison(new SqlComparison(false, false, n("0.01")));
        var expected = result(List.of("x"), List.of(row(n("0.3")), row(n("10"))));
        assertEquals(Optional.empty(), tolerant.difference(expected, result(List.of("x"), List.of(row(n("0.30000000000000004")), row(n("10.01"))))));
        assertEquals(Optional.of("1 expected row missing, e.g. (10); 1 row not expected, e.g. (10.02)"),
                tolerant.difference(expected, result(List.of("x"), List.of(row(n("0.3")), row(n("10.02"))))));
    }

    @Test
    void nullEqualsOnlyNull() {
        var expected = result(List.of("x"), List.of(row((Object) null)));
        assertEquals(Optional.empty(), UNORDERED.difference(expected, result(List.of("x"), List.of(row((Object) null)))));
        assertEquals(Optional.of("1 expected row missing, e.g. (NULL); 1 row not expected, e.g. ('')"),
                UNORDERED.difference(expected, result(List.of("x"), List.of(row("")))));
    }

    @Test
    void timestampsWithATimeZoneCompareAsInstants() {
        var expected = result(List.of("at"), List.of(row(Instant.parse("2026-01-01T10:00:00Z"))));
        assertEquals(Optional.empty(), UNORDERED.difference(expected, result(List.of("at"), List.of(row(Instant.parse("2026-01-01T10:00:00.000Z"))))));
    }

    @Test
    void aTruncatedResultIsTooLarge() {
        var expected = result(List.of("x"), List.of(row("a")));
        var actual = new QueryResult(List.of("x"), List.of(row("a"), row("b")), true);
        assertEquals(Optional.of("the query returned more than 2 rows, far more than expected"), UNORDERED.difference(expected, actual));
    }

    @Test
    void onlyPlainValuesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> result(List.of("x"), List.of(row(1))));
        assertThrows(IllegalArgumentException.class, () -> result(List.of("x"), List.of(row("a", "b"))));
    }
}
