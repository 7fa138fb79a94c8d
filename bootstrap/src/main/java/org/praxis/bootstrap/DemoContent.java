package org.praxis.bootstrap;

import java.time.Clock;

import javax.sql.DataSource;

import org.praxis.application.curriculum.port.in.SyncContentUseCase;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.persistence.grading.SqlSandboxGraders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo content shipped in the jar ({@code bootstrap/src/main/resources/demo-content}), synced at
 * start-up when PRAXIS_DEMO is on. Syncing is idempotent, so a restart changes nothing; but it makes the
 * store match the demo folder, so it is off whenever another content folder is synced into the same
 * database.
 */
public final class DemoContent {
    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);

    private DemoContent() {
    }

    /** Syncs the demo, checking the reference query of every new or changed SQL problem in the sandbox. */
    public static void load(DataSource dataSource) {
        var sandbox = SandboxWiring.graders(dataSource, System.getenv());
        try (var content = ContentWiring.content(dataSource, Clock.systemUTC(), false, SandboxWiring.references(sandbox))) {
            Outcome outcome = content.sync().sync(SyncContentUseCase.Command.of(ContentWiring.DEMO_CONTENT, false));
            if (outcome instanceof Outcome.Invalid invalid) {
                throw new StartupFailure("the demo content is not valid: " + invalid.errors().get(0)
                        + (invalid.errors().size() > 1 ? " (and " + (invalid.errors().size() - 1) + " more)" : ""));
            }
            var report = ((Outcome.Synced) outcome).report();
            LOG.info("demo content synced: {}", ContentReport.summary(report));
        } finally {
            sandbox.ifPresent(SqlSandboxGraders::close);
        }
    }
}
