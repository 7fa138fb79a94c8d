package org.praxis.application.progress;

/**
 * How submissions to external graders (the SQL sandbox) are graded: {@code INLINE} in the request's
 * transaction, or {@code QUEUED} as a grading job (PR6) that the request waits for a short time.
 * Built-in graders are always inline.
 */
public enum GradingMode {
    INLINE, QUEUED
}
