package org.praxis.bootstrap;

import java.util.concurrent.Callable;

import org.praxis.persistence.reliability.Invariants;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks the learning loop's invariants over the whole database (docs/reliability.md): prints each
 * violation and exits 1 if there is any. Read-only apart from bringing the schema current, as serve does.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check that points, boards, streaks, badges, events and idempotency keys agree; exit 1 on any violation.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    Settings settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        settings.check();
        Logging.level(settings.logLevel());
        var out = spec.commandLine().getOut();
        try (var database = Database.open(settings, new SimpleMeterRegistry())) {
            database.migrate();
            var invariants = Invariants.over(database.dataSource());
            var violations = invariants.check();
            violations.forEach(out::println);
            if (!violations.isEmpty()) {
                out.println(violations.size() + " violation(s) of " + invariants.count() + " invariants");
                out.flush();
                return 1;
            }
            out.println("all " + invariants.count() + " invariants hold");
            out.flush();
            return 0;
        }
    }
}
