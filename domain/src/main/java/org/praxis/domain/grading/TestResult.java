package org.praxis.domain.grading;

import java.util.Objects;

/**
 * The result of one test case. {@code hidden} tests report pass/fail only: their message must never
 * reveal the hidden data, and adapters must not show {@code message} for them to learners.
 */
public record TestResult(String name, boolean passed, boolean hidden, String message, long runMillis) {
    public TestResult {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
        if (runMillis < 0) {
            throw new IllegalArgumentException("run time cannot be negative");
        }
    }
}
