package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.curriculum.CurriculumFixtures.SLUG;
import static org.praxis.domain.curriculum.CurriculumFixtures.at;
import static org.praxis.domain.curriculum.CurriculumFixtures.content;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProblemTest {
    static final ProblemContent V1 = content("first statement");
    static final ProblemContent V2 = content("second statement");
    static final ProblemContent V3 = content("third statement");

    @Test
    void aNewProblemIsADraftLearnersCannotSee() {
        Problem problem = Problem.create(SLUG, V1);
        assertEquals(PublicationState.DRAFT, problem.state());
        assertEquals(Optional.empty(), problem.published());
        assertTrue(problem.hasUnpublishedChanges());
    }

    @Test
    void publishCreatesVersionNPlusOne() {
        Problem problem = Problem.create(SLUG, V1).publish(at(1)).edit(V2).publish(at(2));
        assertEquals(PublicationState.PUBLISHED, problem.state());
        assertEquals(List.of(
                new ProblemVersion(1, V1, at(1), OptionalInt.empty()),
                new ProblemVersion(2, V2, at(2), OptionalInt.empty())), problem.history().versions());
        assertEquals(2, problem.published().orElseThrow().number());
    }

    @Test
    void editingAPublishedProblemChangesTheDraftNotWhatLearnersSee() {
        Problem problem = Problem.create(SLUG, V1).publish(at(1)).edit(V2);
        assertEquals(V1, problem.published().orElseThrow().content());
        assertEquals(V2, problem.draft());
        assertTrue(problem.hasUnpublishedChanges());
    }

    @Test
    void publishingUnchangedContentAddsNoVersion() {
        Problem published = Problem.create(SLUG, V1).publish(at(1));
        assertSame(published, published.publish(at(2)));
        assertFalse(published.hasUnpublishedChanges());
    }

    @Test
    void rollbackCreatesNewVersionWithOldContent() {
        Problem problem = Problem.create(SLUG, V1).publish(at(1)).edit(V2).publish(at(2)).edit(V3).publish(at(3));
        Problem rolledBack = problem.rollbackTo(1, at(4));
        assertEquals(4, rolledBack.history().size());
        assertEquals(new ProblemVersion(4, V1, at(4), OptionalInt.of(1)), rolledBack.published().orElseThrow());
        assertEquals(problem.history().versions(), rolledBack.history().versions().subList(0, 3));
        assertEquals(V1, rolledBack.draft());
    }

    @Test
    void rollingBackToTheCurrentOrAMissingVersionIsRefused() {
        Problem problem = Problem.create(SLUG, V1).publish(at(1)).edit(V2).publish(at(2));
        assertEquals("version 2 is already the current version",
                assertThrows(CurriculumViolation.class, () -> problem.rollbackTo(2, at(3))).getMessage());
        assertEquals("there is no version 7 to roll back to; versions are 1..2",
                assertThrows(CurriculumViolation.class, () -> problem.rollbackTo(7, at(3))).getMessage());
        assertThrows(CurriculumViolation.class, () -> problem.rollbackTo(0, at(3)));
    }

    @Test
    void onlyAPublishedProblemCanBeRolledBack() {
        Problem archived = Problem.create(SLUG, V1).publish(at(1)).edit(V2).publish(at(2)).archive();
        assertEquals("problem count-rows is ARCHIVED; only a published problem can be rolled back",
                assertThrows(CurriculumViolation.class, () -> archived.rollbackTo(1, at(3))).getMessage());
    }

    @Test
    void archivingHidesTheProblemAndKeepsItsHistory() {
        Problem published = Problem.create(SLUG, V1).publish(at(1));
        Problem archived = published.archive();
        assertEquals(PublicationState.ARCHIVED, archived.state());
        assertEquals(Optional.empty(), archived.published());
        assertEquals(published.history(), archived.history());
    }

    @Test
    void anArchivedProblemCannotBeEditedOrPublished() {
        Problem archived = Problem.create(SLUG, V1).publish(at(1)).archive();
        assertEquals("problem count-rows is archived and cannot be edited; restore it to a draft first",
                assertThrows(CurriculumViolation.class, () -> archived.edit(V2)).getMessage());
        assertEquals("problem count-rows is archived; restore it to a draft before publishing",
                assertThrows(CurriculumViolation.class, () -> archived.publish(at(2))).getMessage());
    }

    @Test
    void aRestoredProblemIsRepublishedAtItsLatestVersionWhenUnchanged() {
        Problem restored = Problem.create(SLUG, V1).publish(at(1)).archive().restore();
        assertEquals(PublicationState.DRAFT, restored.state());
        Problem republished = restored.publish(at(5));
        assertEquals(PublicationState.PUBLISHED, republished.state());
        assertEquals(1, republished.history().size());
        assertEquals(1, republished.published().orElseThrow().number());
    }

    @Test
    void aDraftCanBeAbandonedByArchivingIt() {
        assertEquals(PublicationState.ARCHIVED, Problem.create(SLUG, V1).archive().state());
    }

    @Test
    void aPublishedProblemCannotBeMovedBackToDraft() {
        Problem published = Problem.create(SLUG, V1).publish(at(1));
        assertThrows(CurriculumViolation.class, published::restore);
    }

    @Test
    void aPublishedProblemNeedsAVersion() {
        assertThrows(IllegalArgumentException.class,
                () -> new Problem(SLUG, PublicationState.PUBLISHED, V1, VersionHistory.empty()));
    }

    @Test
    void aHistoryCannotBeRewritten() {
        var v1 = new ProblemVersion(1, V1, at(1), OptionalInt.empty());
        var v2 = new ProblemVersion(2, V2, at(2), OptionalInt.empty());
        assertThrows(IllegalArgumentException.class, () -> new VersionHistory(List.of(v2, v1)));
        assertThrows(IllegalArgumentException.class, () -> new VersionHistory(List.of(v2)));
        assertThrows(IllegalArgumentException.class,
                () -> new VersionHistory(List.of(v1, v2, new ProblemVersion(3, V3, at(3), OptionalInt.of(1)))));
        assertThrows(IllegalArgumentException.class, () -> new ProblemVersion(2, V1, at(1), OptionalInt.of(2)));
    }
}
