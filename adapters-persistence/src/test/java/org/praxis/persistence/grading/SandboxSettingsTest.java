package org.praxis.persistence.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.persistence.common.DatabaseUrl;

class SandboxSettingsTest {
    @Test
    void theDefaultSandboxIsItsOwnDatabaseOnTheApplicationsServer() {
        var settings = SandboxSettings.sameServer(new DatabaseUrl("jdbc:postgresql://db:5432/praxis?sslmode=require", "app", "secret"));
        assertEquals("jdbc:postgresql://db:5432/praxis_sandbox?sslmode=require", settings.admin().jdbcUrl());
        assertEquals("praxis_sandbox", settings.database());
        assertEquals("praxis_sandbox", settings.role());
        assertEquals(Optional.empty(), settings.password());
    }

    @Test
    void credentialsInTheUrlNeverReachTheSandboxPool() {
        var settings = SandboxSettings.onServer(new DatabaseUrl("jdbc:postgresql://localhost:5432/sandbox?user=postgres&sslmode=require&Password=x",
                "postgres", ""));
        assertEquals("jdbc:postgresql://localhost:5432/sandbox?sslmode=require", settings.sandboxJdbcUrl());
        var only = SandboxSettings.onServer(new DatabaseUrl("jdbc:postgresql://localhost:5432/sandbox?user=postgres", "postgres", ""));
        assertEquals("jdbc:postgresql://localhost:5432/sandbox", only.sandboxJdbcUrl());
    }

    @Test
    void namesThatWouldNeedQuotingAreRefused() {
        var url = new DatabaseUrl("jdbc:postgresql://localhost/sandbox", "u", "p");
        assertThrows(IllegalArgumentException.class, () -> new SandboxSettings(url, "x; drop role y", Optional.empty(), 4, 1000, "64MB", "4MB"));
        assertThrows(IllegalArgumentException.class, () -> SandboxSettings.onServer(new DatabaseUrl("jdbc:postgresql://localhost/Sand-Box", "u", "p")));
        assertThrows(IllegalArgumentException.class, () -> new SandboxSettings(url, "r", Optional.empty(), 4, 1000, "64MB'; --", "4MB"));
    }
}
