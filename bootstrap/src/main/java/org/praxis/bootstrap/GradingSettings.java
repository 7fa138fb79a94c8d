package org.praxis.bootstrap;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.praxis.application.progress.GradingMode;

/**
 * Grading jobs (PR6), from PRAXIS_GRADING_* (docs/configuration.md): the mode (inline by default), how
 * long a queued submission waits before answering 202, how many background workers, their lease and
 * how many attempts a job gets.
 */
public record GradingSettings(GradingMode mode, Duration waitFor, int workers, Duration lease, int maxAttempts, Duration idlePoll) {
    public static final String MODE = "PRAXIS_GRADING_MODE";
    public static final String WAIT_MS = "PRAXIS_GRADING_WAIT_MS";
    public static final String WORKERS = "PRAXIS_GRADING_WORKERS";
    public static final String LEASE_SECONDS = "PRAXIS_GRADING_LEASE_SECONDS";
    public static final String MAX_ATTEMPTS = "PRAXIS_GRADING_MAX_ATTEMPTS";

    public GradingSettings {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(waitFor);
        Objects.requireNonNull(lease);
        Objects.requireNonNull(idlePoll);
        if (waitFor.isNegative() || workers < 0 || workers > 16 || lease.isZero() || lease.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid grading settings");
        }
    }

    public static GradingSettings defaults() {
        return new GradingSettings(GradingMode.INLINE, Duration.ofMillis(2000), 2, Duration.ofSeconds(30), 3, Duration.ofMillis(200));
    }

    /** Queued, waiting {@code wait}, with no background workers: tests drive {@code runOnce()} themselves. */
    public static GradingSettings queuedWithoutWorkers(Duration wait) {
        var d = defaults();
        return new GradingSettings(GradingMode.QUEUED, wait, 0, d.lease(), d.maxAttempts(), d.idlePoll());
    }

    public static GradingSettings fromEnv(Map<String, String> env) {
        var d = defaults();
        try {
            String mode = env.getOrDefault(MODE, "inline").trim().toUpperCase(Locale.ROOT);
            return new GradingSettings(GradingMode.valueOf(mode.isEmpty() ? "INLINE" : mode),
                    Duration.ofMillis(number(env, WAIT_MS, d.waitFor().toMillis())), (int) number(env, WORKERS, d.workers()),
                    Duration.ofSeconds(number(env, LEASE_SECONDS, d.lease().toSeconds())),
                    (int) number(env, MAX_ATTEMPTS, d.maxAttempts()), d.idlePoll());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("PRAXIS_GRADING_*: mode must be inline or queued, wait >= 0 ms, 0 to 16 workers,"
                    + " a lease of at least 1 s and at least 1 attempt (" + e.getMessage() + ")");
        }
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String text = env.get(name);
        return text == null || text.isBlank() ? fallback : Long.parseLong(text.trim());
    }
}
