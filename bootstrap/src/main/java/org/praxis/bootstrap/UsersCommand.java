package org.praxis.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.identity.port.in.AdministerUsersUseCase.NewUser;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.Role;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code praxis users create|grant-role}: the operator's account tools, acting as {@link Actor#OPERATOR}. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Create users and grant roles.",
        subcommands = {UsersCommand.Create.class, UsersCommand.GrantRole.class})
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user. The password is read from standard input with --password-stdin, else generated and printed once.")
    static final class Create implements Runnable {
        @Mixin
        Settings settings;

        @Mixin
        IdentityOptions identity;

        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "3-32 letters, digits, '_', '.', '-'.")
        String username;

        @Option(names = "--email", required = true, description = "The user's e-mail address.")
        String email;

        @Option(names = "--role", defaultValue = "learner", description = "learner, author or admin. Default: ${DEFAULT-VALUE}.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @Override
        public void run() {
            var parsedRole = Role.parse(role).orElseThrow(() -> new StartupFailure("--role must be learner, author or admin, was " + role));
            withIdentity(settings, identity, services -> {
                String password = passwordFromStdin ? readLine() : services.tokens().newPassword();
                var created = refusalsAsFailures(() -> services.accounts().create(Actor.OPERATOR,
                        new NewUser(username, email, password, parsedRole)));
                var out = spec.commandLine().getOut();
                out.println("created " + created.role() + " " + created.username() + " (" + created.id() + ")");
                if (!passwordFromStdin) {
                    out.println("password: " + password + "  (shown once; change it after signing in)");
                }
                out.flush();
            });
        }

        private static String readLine() {
            try {
                var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new StartupFailure("--password-stdin: standard input has no password line");
                }
                return line;
            } catch (IOException e) {
                throw new StartupFailure("--password-stdin: cannot read standard input");
            }
        }
    }

    @Command(name = "grant-role", mixinStandardHelpOptions = true, description = "Give a user a role: learner, author or admin.")
    static final class GrantRole implements Runnable {
        @Mixin
        Settings settings;

        @Mixin
        IdentityOptions identity;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "The user name.")
        String username;

        @Parameters(index = "1", description = "learner, author or admin.")
        String role;

        @Override
        public void run() {
            var parsedRole = Role.parse(role).orElseThrow(() -> new StartupFailure("the role must be learner, author or admin, was " + role));
            withIdentity(settings, identity, services -> {
                var changed = refusalsAsFailures(() -> services.accounts().change(Actor.OPERATOR, username,
                        Optional.of(parsedRole), Optional.empty()));
                spec.commandLine().getOut().println(changed.username() + " is now " + changed.role());
                spec.commandLine().getOut().flush();
            });
        }
    }

    static void withIdentity(Settings settings, IdentityOptions options, java.util.function.Consumer<Wiring.Identity> work) {
        settings.check();
        Logging.level(settings.logLevel());
        try (var database = Database.open(settings, new SimpleMeterRegistry())) {
            database.migrate();
            var config = new Wiring.IdentityConfig(java.time.Clock.systemUTC(), options.argon2(), options.identitySettings(),
                    new org.praxis.mail.identity.LogMailer(), java.util.List.of(), false);
            work.accept(Wiring.identity(database.dataSource(), config));
        }
    }

    /** A use case's refusal is the operator's to fix: one line, no stack trace. */
    static <T> T refusalsAsFailures(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInput e) {
            var text = new StringBuilder();
            for (var error : e.errors()) {
                text.append(text.length() == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
            }
            throw new StartupFailure(text.toString());
        } catch (Conflict | NotFound e) {
            throw new StartupFailure(e.getMessage());
        }
    }
}
