package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void hostingPlatformUrlsBecomeJdbcUrlsWithTheirCredentials() {
        var url = DatabaseUrl.parse("postgres://praxis:s%40cret@db.example.org:6543/learning?sslmode=require", null, null);
        assertEquals("jdbc:postgresql://db.example.org:6543/learning?sslmode=require", url.jdbcUrl());
        assertEquals("praxis", url.user());
        assertEquals("s@cret", url.password());
        assertEquals("jdbc:postgresql://db.example.org:6543/learning", url.redacted());
    }

    @Test
    void separateCredentialsWinAndPortDefaultsTo5432() {
        var url = DatabaseUrl.parse("postgresql://ignored:ignored@localhost/praxis", "app", "pw");
        assertEquals("jdbc:postgresql://localhost:5432/praxis", url.jdbcUrl());
        assertEquals("app", url.user());
        assertEquals("pw", url.password());
    }

    @Test
    void jdbcUrlsAreTakenAsTheyAre() {
        var url = DatabaseUrl.parse("jdbc:postgresql://h:1/d", "u", null);
        assertEquals("jdbc:postgresql://h:1/d", url.jdbcUrl());
        assertEquals("u", url.user());
        assertEquals("", url.password());
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingSecrets() {
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://root:hunter2@h/d", null, null));
        assertEquals("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql: (got mysql:)", e.getMessage());
    }
}
