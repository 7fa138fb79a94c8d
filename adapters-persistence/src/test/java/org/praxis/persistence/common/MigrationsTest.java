package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.schema.Tables;
import org.praxis.persistence.testing.FreshDatabase;
import org.praxis.persistence.testing.TestDatabase;

@ExtendWith(FreshDatabase.class)
class MigrationsTest {
    private final DataSource dataSource;
    private final DSLContext dsl;

    MigrationsTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = Jooq.over(dataSource);
    }

    @Test
    void aClonedDatabaseIsAlreadyAtTheLatestMigration() {
        assertEquals(0, Migrations.migrate(dataSource));
        long applied = ((Number) dsl.fetchValue("select count(*) from flyway_schema_history where success")).longValue();
        assertTrue(applied >= 1, "at least the identity migration is recorded");
    }

    @Test
    void theThreeRolesExist() {
        assertEquals(java.util.List.of("admin", "author", "learner"),
                dsl.select(Tables.ROLES.NAME).from(Tables.ROLES).orderBy(Tables.ROLES.NAME).fetch(Tables.ROLES.NAME));
    }

    @Test
    void userNamesAndEmailsAreUniqueRegardlessOfCase() {
        insertUser("Alice", "alice@example.org");

        assertThrows(IntegrityConstraintViolationException.class, () -> insertUser("alice", "other@example.org"));
        assertThrows(IntegrityConstraintViolationException.class, () -> insertUser("bob", "ALICE@example.org"));
        assertEquals(1, dsl.fetchCount(Tables.USERS));
    }

    @Test
    void eachTestClassGetsItsOwnDatabase() {
        try (var other = TestDatabase.shared().freshDatabase()) {
            insertUser("carol", "carol@example.org");
            assertEquals(0, Jooq.over(other).fetchCount(Tables.USERS), "a fresh clone holds no rows of another");
        }
    }

    private void insertUser(String username, String email) {
        var now = OffsetDateTime.parse("2026-11-21T10:15:30Z");
        dsl.insertInto(Tables.USERS)
                .set(Tables.USERS.ID, UUID.randomUUID())
                .set(Tables.USERS.USERNAME, username)
                .set(Tables.USERS.EMAIL, email)
                .set(Tables.USERS.CREATED_AT, now)
                .set(Tables.USERS.UPDATED_AT, now)
                .execute();
    }
}
