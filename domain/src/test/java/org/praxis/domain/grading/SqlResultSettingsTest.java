package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.GraderSettings.SqlComparison;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.GraderSettings.SqlResult;

class SqlResultSettingsTest {
    private static final String SCHEMA = "create table t(x int);";

    @Test
    void theSampleRowsAreTheFirstVisibleDataSet() {
        var sql = new SqlResult(SCHEMA, "insert into t values (1);", List.of(new SqlDataSet("empty", true, "")), "select x from t",
                SqlComparison.DEFAULT, 500);
        assertEquals(List.of(new SqlDataSet("sample", false, "insert into t values (1);"), new SqlDataSet("empty", true, "")), sql.dataSets());
        assertEquals("create table t(x int);\n\ninsert into t values (1);", sql.learnerSetup());
    }

    @Test
    void testCaseNamesAreUniqueAndNeverSample() {
        assertThrows(IllegalArgumentException.class, () -> new SqlResult(SCHEMA, "", List.of(new SqlDataSet("sample", true, "")),
                "select 1", SqlComparison.DEFAULT, 500));
        assertThrows(IllegalArgumentException.class, () -> new SqlResult(SCHEMA, "", List.of(new SqlDataSet("a", true, ""),
                new SqlDataSet("a", false, "")), "select 1", SqlComparison.DEFAULT, 500));
    }

    @Test
    void schemaReferenceAndAPositiveLimitAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new SqlResult(" ", "select 1", false, 500));
        assertThrows(IllegalArgumentException.class, () -> new SqlResult(SCHEMA, "", false, 500));
        assertThrows(IllegalArgumentException.class, () -> new SqlResult(SCHEMA, "select 1", false, 0));
        assertThrows(IllegalArgumentException.class, () -> new SqlComparison(false, false, new BigDecimal("-0.1")));
    }
}
