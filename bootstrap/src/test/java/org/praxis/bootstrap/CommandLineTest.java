package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.persistence.testing.TestDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CommandLineTest {

    @Test
    void theEmbeddedDatabaseKeepsRowsAcrossARestartAndABulkLoadsSettingsOnlyForItsOwnServer(@TempDir Path dataDir) throws Exception {
        var settings = settings("--data-dir", dataDir.toString());
        // the load command's own way to its database
        try (var database = LoadSampleCommand.database(settings)) {
            assertEquals("off", show(database, "autovacuum"));
            assertEquals("1GB", show(database, "shared_buffers"));
            assertEquals("off", show(database, "full_page_writes"));
            database.migrate();
            try (var c = database.dataSource().getConnection()) {
                c.createStatement().execute("insert into users (id, username, email, created_at, updated_at) values "
                        + "('00000000-0000-0000-0000-000000000001', 'kept', 'kept@example.org', now(), now())");
            }
        }
        try (var database = Database.open(settings, new SimpleMeterRegistry())) {
            assertEquals(0, database.migrate(), "nothing to migrate the second time");
            assertEquals("on", show(database, "autovacuum"));
            assertEquals("on", show(database, "full_page_writes"));
            try (var c = database.dataSource().getConnection();
                    var rows = c.createStatement().executeQuery("select username from users")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
            }
        }
    }

    private static String show(Database database, String setting) throws Exception {
        try (var c = database.dataSource().getConnection(); var rows = c.createStatement().executeQuery("show " + setting)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void aTakenPortIsOneClearLine() throws Exception {
        try (var taken = new ServerSocket(0)) {
            var result = run("serve", "--port", Integer.toString(taken.getLocalPort()), "--database-url", testDatabaseUrl());
            assertEquals(1, result.code());
            assertEquals("praxis: port " + taken.getLocalPort() + " is already in use; set PORT to a free port",
                    result.err().strip());
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var result = run("migrate", "--database-url", "postgres://nobody:secret@localhost:" + closedPort + "/praxis");
        assertEquals(1, result.code());
        String err = result.err().strip();
        assertTrue(err.startsWith("praxis: cannot reach the database at jdbc:postgresql://localhost:" + closedPort + "/praxis: "), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace");
        assertTrue(!err.contains("secret"), "the password never appears");
    }

    @Test
    void migrateAppliesNothingToACurrentDatabase() {
        var result = run("migrate", "--database-url", testDatabaseUrl());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("0 migration(s) applied"), result.out());
    }

    @Test
    void everyCommandExplainsItself() {
        var result = run("serve", "--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("--database-url"), result.out());
        assertTrue(result.out().contains("Env: PRAXIS_DATA_DIR"), result.out());
    }

    private static String testDatabaseUrl() {
        try (var ds = TestDatabase.shared().freshDatabase()) {
            return ds.getJdbcUrl().replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");
        }
    }

    private static Settings settings(String... args) {
        var settings = new Settings();
        new picocli.CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            Settings mixin = settings;
        }).parseArgs(args);
        return settings;
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
