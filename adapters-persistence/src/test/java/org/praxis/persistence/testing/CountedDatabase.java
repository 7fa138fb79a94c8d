package org.praxis.persistence.testing;

import org.praxis.persistence.common.WireCounter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A pool on a test database whose every connection goes through a {@link WireCounter}. Close both when done. */
public record CountedDatabase(HikariDataSource dataSource, WireCounter counter) implements AutoCloseable {

    /** A pool of {@code poolSize} on the same database as {@code database}, through a new counter. */
    public static CountedDatabase over(HikariDataSource database, int poolSize) {
        var counter = WireCounter.inFrontOf(database.getJdbcUrl());
        var config = new HikariConfig();
        config.setJdbcUrl(counter.proxied(database.getJdbcUrl()));
        config.setUsername(database.getUsername());
        config.setPassword(database.getPassword());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setPoolName("counted-" + counter.port());
        return new CountedDatabase(new HikariDataSource(config), counter);
    }

    @Override
    public void close() {
        dataSource.close();
        counter.close();
    }
}
