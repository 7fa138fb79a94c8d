package org.praxis.bootstrap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations, then exit. (serve also migrates at start-up.)")
final class MigrateCommand implements Runnable {
    @Mixin
    Settings settings;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        settings.check();
        Logging.level(settings.logLevel());
        try (var database = Database.open(settings, new SimpleMeterRegistry())) {
            int applied = database.migrate();
            spec.commandLine().getOut().println("migrated " + database.location() + ": " + applied + " migration(s) applied");
        }
    }
}
