package org.praxis.bootstrap;

import javax.sql.DataSource;

import org.praxis.application.curriculum.port.in.SyncContentUseCase;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.persistence.content.FileContentFolders;

/** Content for learning-loop tests, synced through the real content sync. */
final class LearningFixture {
    private LearningFixture() {
    }

    /** Syncs the content folder at {@code resource} (on the test class path) and fails the test if it is invalid. */
    static void syncContent(DataSource dataSource, IdentityFixture app, String resource) {
        var content = ContentWiring.content(dataSource, app.clock, false, ReferenceSolutions.none());
        try {
            var outcome = content.sync().sync(SyncContentUseCase.Command.of(FileContentFolders.CLASSPATH + resource.substring(1), false));
            if (!(outcome instanceof SyncContentUseCase.Outcome.Synced)) {
                throw new AssertionError("the test content is invalid: " + outcome);
            }
        } finally {
            content.close();
        }
    }
}
