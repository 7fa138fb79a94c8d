package org.praxis.persistence.common;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Applies the migrations shipped in the {@code praxis-db} jar. */
public final class Migrations {
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates and returns how many migrations were applied now (0 when already current). */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
