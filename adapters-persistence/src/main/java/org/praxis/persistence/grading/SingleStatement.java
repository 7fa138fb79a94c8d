package org.praxis.persistence.grading;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.core.Parser;

/**
 * Whether a submission is exactly one SQL statement, split the way the JDBC driver would split it
 * (quotes, dollar quotes, comments and a trailing semicolon are understood). The server refuses a
 * second command in one extended-protocol Parse as well, so a statement the driver would miss is
 * still refused there.
 */
final class SingleStatement {
    /** Comments only, after the driver has split on semicolons outside quotes and comments: a trailing "; -- done" is not a statement. */
    private static final java.util.regex.Pattern COMMENTS = java.util.regex.Pattern.compile("--[^\\n]*|/\\*(?s:.*?)\\*/");

    /**
     * Statements that would end the sandbox's transaction (and so keep the run's tables, rows of hidden
     * data sets included) or open another. Functions and DO blocks cannot end a transaction that
     * the client opened, so the first word of the statement decides.
     */
    private static final java.util.Set<String> TRANSACTION_CONTROL = java.util.Set.of("begin", "start", "commit", "end", "abort",
            "rollback", "savepoint", "release", "prepare");

    private SingleStatement() {
    }

    private static String firstWord(String sql) {
        String code = COMMENTS.matcher(sql).replaceAll(" ").strip();
        int end = 0;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return code.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Empty when {@code sql} is one statement; else why not, for the learner. */
    static Optional<String> problemWith(String sql) {
        if (sql == null || sql.isBlank()) {
            return Optional.of("The answer is empty: submit one SQL query.");
        }
        try {
            var statements = Parser.parseJdbcSql(sql, true, false, true, false, false).stream()
                    .filter(query -> !COMMENTS.matcher(query.nativeSql).replaceAll("").isBlank())
                    .count();
            if (statements == 0) {
                return Optional.of("The answer has no SQL statement: submit one SQL query.");
            }
            if (statements > 1) {
                return Optional.of("The answer has " + statements + " statements: submit exactly one SQL query.");
            }
            String first = firstWord(sql);
            if (TRANSACTION_CONTROL.contains(first)) {
                return Optional.of("Transaction control (" + first.toUpperCase(java.util.Locale.ROOT) + ") is not allowed: submit one SQL query.");
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("The answer could not be read as SQL: " + e.getMessage());
        }
    }
}
