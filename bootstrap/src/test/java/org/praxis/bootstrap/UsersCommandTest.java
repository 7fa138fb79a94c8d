package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.IdentitySettings;
import org.praxis.application.identity.port.in.SignInUseCase;
import org.praxis.domain.identity.Actor;
import org.praxis.mail.identity.LogMailer;
import org.praxis.persistence.testing.TestDatabase;
import org.praxis.security.identity.Argon2Parameters;

import com.zaxxer.hikari.HikariDataSource;

/** {@code praxis users create|grant-role}, and the first admin at start-up. */
class UsersCommandTest {
    private static final String[] CHEAP = {"--argon2-memory-kib", "1024", "--argon2-iterations", "1"};

    private static String[] args(String url, String... args) {
        var all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--database-url", url));
        all.addAll(List.of(CHEAP));
        return all.toArray(String[]::new);
    }

    @Test
    void createMakesAUserWithAGeneratedPasswordAndGrantRoleChangesIt() {
        try (var db = TestDatabase.shared().freshDatabase()) {
            String url = url(db);
            var created = run(args(url, "users", "create", "--username", "ops_ada", "--email", "ops.ada@example.org", "--role", "author"));
            assertEquals(0, created.code(), created.err());
            assertTrue(created.out().startsWith("created author ops_ada ("), created.out());
            String password = created.out().lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow()
                    .substring("password: ".length()).split(" ")[0];
            var identity = identity(db);
            var token = identity.signIn().signIn(new SignInUseCase.Command("ops_ada", password, "127.0.0.1", null)).token();
            assertEquals("author", role(identity, token));

            var granted = run(args(url, "users", "grant-role", "ops_ada", "admin"));
            assertEquals(0, granted.code(), granted.err());
            assertEquals("ops_ada is now admin", granted.out().strip());
            assertEquals("admin", role(identity, token));

            var taken = run(args(url, "users", "create", "--username", "OPS_ADA", "--email", "x@example.org"));
            assertEquals(1, taken.code());
            assertEquals("praxis: The user name 'OPS_ADA' is taken.", taken.err().strip());
            var unknown = run(args(url, "users", "grant-role", "nobody", "author"));
            assertEquals("praxis: There is no user 'nobody'.", unknown.err().strip());
            var badRole = run(args(url, "users", "grant-role", "ops_ada", "owner"));
            assertEquals("praxis: the role must be learner, author or admin, was owner", badRole.err().strip());
        }
    }

    @Test
    void theConfiguredAdminExistsAfterStartAndTheDemoAdminIsMadeOnce() {
        try (var db = TestDatabase.shared().freshDatabase()) {
            var identity = identity(db);
            var out = new StringWriter();
            AdminBootstrap.run(identity, options(), true, new PrintWriter(out, true));
            assertTrue(out.toString().startsWith("Demo admin created: username 'admin', password '"), out.toString());
            String password = out.toString().split("password '")[1].split("'")[0];
            var token = identity.signIn().signIn(new SignInUseCase.Command("admin", password, "127.0.0.1", null)).token();
            assertEquals("admin", role(identity, token));

            var again = new StringWriter();
            AdminBootstrap.run(identity, options(), true, new PrintWriter(again, true));
            assertEquals("", again.toString(), "printed once only");

            AdminBootstrap.run(identity, options("--admin-username", "root", "--admin-password", "the root password"), false,
                    new PrintWriter(new StringWriter()));
            var root = identity.signIn().signIn(new SignInUseCase.Command("root", "the root password", "127.0.0.1", null)).token();
            assertEquals("admin", role(identity, root));
            AdminBootstrap.run(identity, options("--admin-username", "root", "--admin-password", "a rotated password"), false,
                    new PrintWriter(new StringWriter()));
            org.junit.jupiter.api.Assertions.assertThrows(Unauthenticated.class,
                    () -> identity.signIn().authenticate(Optional.of(root)), "rotating the password ends the old sessions");
        }
    }

    private static IdentityOptions options(String... args) {
        var options = new IdentityOptions();
        new picocli.CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            IdentityOptions mixin = options;
        }).parseArgs(args);
        return options;
    }

    private static Wiring.Identity identity(HikariDataSource db) {
        return Wiring.identity(db, new Wiring.IdentityConfig(Clock.systemUTC(), new Argon2Parameters(1024, 1, 1),
                IdentitySettings.defaults("http://localhost"), new LogMailer(), List.of(), false));
    }

    private static String role(Wiring.Identity identity, String token) {
        return ((Actor.Member) identity.signIn().authenticate(Optional.of(token))).role().code();
    }

    private static String url(HikariDataSource db) {
        return db.getJdbcUrl().replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");
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
