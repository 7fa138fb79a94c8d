package org.praxis.bootstrap;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.praxis.application.curriculum.port.in.SyncContentUseCase;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;

import org.praxis.persistence.grading.SqlSandboxGraders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code praxis content validate DIR} and {@code praxis content sync DIR [--dry-run]} (CU5, docs/content.md). */
@Command(name = "content", mixinStandardHelpOptions = true,
        description = "Check a content folder, or sync it into the database (docs/content.md).",
        subcommands = {ContentCommand.Validate.class, ContentCommand.Sync.class})
final class ContentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Report every problem of a content folder, one per line with its file and field; exit 1 if there is any. "
                    + "Needs no database.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The content folder.")
        String dir;

        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            settings.check();
            Logging.level(settings.logLevel());
            List<ContentError> errors = ContentWiring.validation().validate(dir);
            var out = spec.commandLine().getOut();
            errors.forEach(out::println);
            if (errors.isEmpty()) {
                out.println(dir + ": valid");
            } else {
                out.println(errors.size() == 1 ? "1 error" : errors.size() + " errors");
            }
            out.flush();
            return errors.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Make the database match a content folder, in one transaction: new problems are published as version 1, "
                    + "changed ones get a new version, removed ones are archived. Exit 1 (changing nothing) if the folder is not valid.")
    static final class Sync implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The content folder.")
        String dir;

        @Option(names = "--dry-run", description = "Print what a sync would do and change nothing.")
        boolean dryRun;

        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            settings.check();
            Logging.level(settings.logLevel());
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            long started = System.nanoTime();
            try (var database = Database.open(settings, new SimpleMeterRegistry())) {
                database.migrate();
                var sandbox = SandboxWiring.graders(database.dataSource(), System.getenv());
                try (var content = ContentWiring.content(database.dataSource(), Clock.systemUTC(), false, SandboxWiring.references(sandbox))) {
                    Outcome outcome = content.sync().sync(new SyncContentUseCase.Command(dir, dryRun, progress(err)));
                    if (outcome instanceof Outcome.Invalid invalid) {
                        invalid.errors().forEach(out::println);
                        out.println((invalid.errors().size() == 1 ? "1 error" : invalid.errors().size() + " errors") + "; nothing was changed");
                        out.flush();
                        return 1;
                    }
                    var synced = (Outcome.Synced) outcome;
                    ContentReport.lines(synced.report()).forEach(out::println);
                    out.println(synced.dryRun() ? "dry run: nothing was changed"
                            : String.format("synced in %.1f s", (System.nanoTime() - started) / 1e9));
                    out.flush();
                    return 0;
                } finally {
                    sandbox.ifPresent(SqlSandboxGraders::close);
                }
            }
        }

        /** Long syncs (50 problems or more) report every tenth on standard error. */
        private static SyncContentUseCase.Progress progress(java.io.PrintWriter err) {
            return (step, done, total) -> {
                if (total < 50) {
                    return;
                }
                int every = Math.max(1, total / 10);
                if (done % every == 0 || done == total) {
                    err.println("syncing " + step + ": " + done + "/" + total);
                    err.flush();
                }
            };
        }
    }
}
