package org.praxis.application.curriculum.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.praxis.application.common.Transactions;
import org.praxis.application.curriculum.CatalogueService;
import org.praxis.application.curriculum.ContentSyncService;
import org.praxis.application.curriculum.ContentValidationService;
import org.praxis.application.curriculum.ProblemAuthoringService;
import org.praxis.application.curriculum.TrackAuthoringService;
import org.praxis.application.grading.port.out.ReferenceSolutions;

/** Every out-port of the curriculum feature in memory, and the services wired on them. */
public final class CurriculumFakes {
    public final InMemoryProblems problems = new InMemoryProblems();
    public final InMemoryTracks tracks = new InMemoryTracks();
    public final InMemoryTopics topics = new InMemoryTopics();
    public final InMemoryAwards awards = new InMemoryAwards();
    public final InMemoryContentFolders folders = new InMemoryContentFolders();
    public final RecordingContentChanges changes = new RecordingContentChanges();
    public final FixedProgress progress = new FixedProgress();
    public final InMemoryCatalogue catalogue = new InMemoryCatalogue(problems, tracks, topics, awards);
    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T10:00:00Z"));
    public final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    public ContentSyncService sync() {
        return sync(ReferenceSolutions.none());
    }

    /** Sync with a reference checker (a SQL sandbox stand-in). */
    public ContentSyncService sync(ReferenceSolutions references) {
        return new ContentSyncService(folders, problems, tracks, topics, awards, changes, tx, clock, references);
    }

    public ContentValidationService validation() {
        return new ContentValidationService(folders);
    }

    public CatalogueService catalogueService() {
        return new CatalogueService(catalogue, progress);
    }

    public ProblemAuthoringService problemAuthoring() {
        return problemAuthoring(ReferenceSolutions.none());
    }

    /** Authoring with a reference checker (a SQL sandbox stand-in) run at publish. */
    public ProblemAuthoringService problemAuthoring(ReferenceSolutions references) {
        return new ProblemAuthoringService(problems, topics, changes, tx, clock, references);
    }

    public TrackAuthoringService trackAuthoring() {
        return new TrackAuthoringService(tracks, problems, changes, tx, clock);
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
