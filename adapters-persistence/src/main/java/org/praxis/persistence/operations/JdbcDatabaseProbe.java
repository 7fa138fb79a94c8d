package org.praxis.persistence.operations;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.praxis.application.operations.port.out.DatabaseProbe;

/**
 * Readiness: borrow a connection and let the driver check it. The pool may wait far longer for a
 * connection than a probe may take, so the check runs aside and is abandoned at the limit.
 */
public final class JdbcDatabaseProbe implements DatabaseProbe {
    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "praxis-db-probe");
        thread.setDaemon(true);
        return thread;
    });

    public JdbcDatabaseProbe(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    @Override
    public boolean answers(Duration within) {
        int seconds = (int) Math.max(1, within.toSeconds());
        var check = CompletableFuture.supplyAsync(() -> {
            try (var connection = dataSource.getConnection()) {
                return connection.isValid(seconds);
            } catch (Exception e) {
                return false;
            }
        }, checker);
        try {
            return check.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
