package org.praxis.application.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.list;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.map;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.praxis.application.common.Conflict;
import org.praxis.application.common.Forbidden;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.curriculum.port.in.AuthorProblemsUseCase.Published;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.testing.CurriculumFakes;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

class ProblemAuthoringServiceTest {
    private static final Actor AUTHOR = new Actor.Member(new LearnerId(UUID.fromString("00000000-0000-0000-0000-0000000a0700")), Role.AUTHOR, false);
    private static final Actor LEARNER = new Actor.Member(new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000a11c")), Role.LEARNER, false);

    private final CurriculumFakes fakes = new CurriculumFakes();
    private final ProblemAuthoringService authoring = fakes.problemAuthoring();

    /** The API's example document: kind answer with the {@code answer} shorthand. */
    private static Map<String, Object> document(String title, int basePoints) {
        return map("title", title, "kind", "answer", "difficulty", "beginner", "statement", "What does HTTP stand for?",
                "hints", list(map("text", "Hypertext...", "penalty", 10)), "answer", map("accepted", list("Hypertext Transfer Protocol"),
                        "caseSensitive", false), "basePoints", basePoints, "timeBonusPoints", 50, "estimatedSeconds", 300,
                "solution", "HyperText Transfer Protocol, the web's request/response protocol.");
    }

    @Test
    void onlyAuthorsAndAdminsAuthorAndTheRefusalNeverDependsOnWhatExists() {
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        for (String slug : List.of("http-acronym", "does-not-exist")) {
            assertThrows(Unauthenticated.class, () -> authoring.show(Actor.anonymous(), slug));
            assertThrows(Forbidden.class, () -> authoring.show(LEARNER, slug));
            assertThrows(Forbidden.class, () -> authoring.preview(LEARNER, slug));
            assertThrows(Forbidden.class, () -> authoring.publish(LEARNER, slug));
            assertThrows(Forbidden.class, () -> authoring.saveDraft(LEARNER, slug, document("HTTP", 100)));
        }
        var admin = new Actor.Member(new LearnerId(UUID.randomUUID()), Role.ADMIN, false);
        assertEquals("http-acronym", authoring.show(admin, "http-acronym").slug());
        assertThrows(NotFound.class, () -> authoring.show(AUTHOR, "does-not-exist"));
    }

    @Test
    void aDraftIsCreatedThenReplacedAndInvisibleUntilPublished() {
        var created = authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        assertTrue(created.created());
        assertEquals(PublicationState.DRAFT, created.problem().state());
        assertEquals(Optional.empty(), created.problem().published());
        assertEquals(Map.of("type", "exact", "accepted", List.of("Hypertext Transfer Protocol"), "caseSensitive", false,
                "normaliseWhitespace", true), created.problem().draft().get("grader"), "the shorthand is an exact-answer grader");

        var replaced = authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP, spelled out", 100));
        assertFalse(replaced.created());
        assertEquals("HTTP, spelled out", replaced.problem().draft().get("title"));
        assertThrows(NotFound.class, () -> fakes.catalogueService().problem("http-acronym", Actor.anonymous()));
        assertEquals(List.of(), fakes.changes.announced(), "a draft changes nothing learners see");
    }

    @Test
    void aPreviewShowsTheDraftAsALearnerWouldSeeIt() {
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        var preview = authoring.preview(AUTHOR, "http-acronym");
        assertEquals("HTTP", preview.title());
        assertEquals(Optional.empty(), preview.version());
        assertEquals("text", preview.answerFormat().type());
        assertFalse(preview.toString().contains("request/response protocol"), "no solution");
        assertFalse(preview.toString().contains("Hypertext Transfer Protocol"), "no accepted answer");
    }

    @Test
    void publishingMakesVersionsAndRollbackPublishesAnOlderOneAgain() {
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        assertEquals(new Published("http-acronym", 1), authoring.publish(AUTHOR, "http-acronym"));
        assertEquals(new Published("http-acronym", 1), authoring.publish(AUTHOR, "http-acronym"), "nothing new to publish");
        assertEquals(1, fakes.changes.announced().size());

        fakes.clock.advance(Duration.ofMinutes(5));
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 120));
        assertEquals(1, fakes.catalogueService().problem("http-acronym", Actor.anonymous()).version().orElseThrow(),
                "learners still see version 1 while the draft is edited");
        assertEquals(new Published("http-acronym", 2), authoring.publish(AUTHOR, "http-acronym"));
        assertEquals(120, fakes.catalogueService().problem("http-acronym", Actor.anonymous()).basePoints());

        fakes.clock.advance(Duration.ofMinutes(5));
        assertEquals(new Published("http-acronym", 3), authoring.rollback(AUTHOR, "http-acronym", 1));
        var page = fakes.catalogueService().problem("http-acronym", Actor.anonymous());
        assertEquals(Optional.of(3), page.version());
        assertEquals(100, page.basePoints(), "version 3 carries version 1's content");

        var versions = authoring.versions(AUTHOR, "http-acronym", PageRequest.first(2));
        assertEquals(List.of(1, 2), versions.items().stream().map(v -> v.version()).toList());
        var rest = authoring.versions(AUTHOR, "http-acronym", new PageRequest(2, versions.nextCursor()));
        assertEquals(List.of(3), rest.items().stream().map(v -> v.version()).toList());
        assertEquals(Optional.of(1), rest.items().get(0).restoredFrom());
        assertEquals(fakes.clock.instant(), rest.items().get(0).publishedAt());
        assertEquals(3, fakes.changes.announced().size());
    }

    @Test
    void rollbackRefusesWhatCannotBe() {
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        assertEquals("problem-not-published", assertThrows(Conflict.class, () -> authoring.rollback(AUTHOR, "http-acronym", 1)).reason());
        authoring.publish(AUTHOR, "http-acronym");
        assertEquals("already-current-version", assertThrows(Conflict.class, () -> authoring.rollback(AUTHOR, "http-acronym", 1)).reason());
        var missing = assertThrows(InvalidInput.class, () -> authoring.rollback(AUTHOR, "http-acronym", 7));
        assertEquals("version: there is no version 7; the versions are 1..1", missing.getMessage());
    }

    @Test
    void archivingHidesTheProblemKeepsItsVersionsAndRestoringBringsBackADraft() {
        authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100));
        authoring.publish(AUTHOR, "http-acronym");

        var archived = authoring.archive(AUTHOR, "http-acronym");
        assertEquals(PublicationState.ARCHIVED, archived.state());
        assertEquals(1, archived.published().orElseThrow().version());
        assertThrows(NotFound.class, () -> fakes.catalogueService().problem("http-acronym", LEARNER));
        assertEquals(PublicationState.ARCHIVED, authoring.archive(AUTHOR, "http-acronym").state(), "archiving again changes nothing");
        assertEquals("problem-archived", assertThrows(Conflict.class,
                () -> authoring.saveDraft(AUTHOR, "http-acronym", document("HTTP", 100))).reason());
        assertEquals("problem-archived", assertThrows(Conflict.class, () -> authoring.publish(AUTHOR, "http-acronym")).reason());

        assertEquals(PublicationState.DRAFT, authoring.restore(AUTHOR, "http-acronym").state());
        assertEquals(new Published("http-acronym", 1), authoring.publish(AUTHOR, "http-acronym"), "unchanged content: published at version 1 again");
        assertEquals(1, fakes.catalogueService().problem("http-acronym", LEARNER).version().orElseThrow());
    }

    @Test
    void anInvalidDocumentListsEveryFieldAndAnUnknownTopicIsOneOfThem() {
        var invalid = assertThrows(InvalidInput.class, () -> authoring.saveDraft(AUTHOR, "broken", map("title", "", "kind", "essay",
                "difficulty", "beginner", "statement", "S", "grader", map("type", "exact", "accepted", list()), "colour", "red")));
        assertEquals(List.of("colour", "title", "kind", "grader.accepted"), invalid.errors().stream().map(e -> e.field()).toList());

        var doc = document("HTTP", 100);
        doc.put("topic", "astronomy");
        var topic = assertThrows(InvalidInput.class, () -> authoring.saveDraft(AUTHOR, "http-acronym", doc));
        assertEquals("topic: unknown topic 'astronomy'", topic.getMessage());
        assertEquals("slug", assertThrows(InvalidInput.class, () -> authoring.saveDraft(AUTHOR, "Bad Slug", document("x", 1)))
                .errors().get(0).field());
        assertTrue(fakes.problems.find(new ProblemSlug("http-acronym")).isEmpty());
    }

    @Test
    void authorsListTheirProblemsByState() {
        authoring.saveDraft(AUTHOR, "b-problem", document("B", 100));
        authoring.saveDraft(AUTHOR, "a-problem", document("A", 100));
        authoring.publish(AUTHOR, "a-problem");

        assertEquals(List.of("a-problem", "b-problem"), authoring.list(AUTHOR, Optional.empty(), PageRequest.first(20)).items().stream()
                .map(item -> item.slug()).toList());
        assertEquals(List.of("b-problem"), authoring.list(AUTHOR, Optional.of("draft"), PageRequest.first(20)).items().stream()
                .map(item -> item.slug()).toList());
        assertEquals("state", assertThrows(InvalidInput.class, () -> authoring.list(AUTHOR, Optional.of("gone"), PageRequest.first(20)))
                .errors().get(0).field());
    }

    private static Map<String, Object> sqlDocument(String reference) {
        return map("title", "Spend", "kind", "sql", "difficulty", "beginner", "statement", "What did each customer spend?",
                "grader", map("type", "sql", "schema", "create table orders (id int, total int);", "sampleRows", "insert into orders values (1, 2);",
                        "testCases", list(map("name", "no orders", "hidden", true, "rows", "")), "referenceSolution", reference));
    }

    @Test
    void aSqlDraftIsPublishedOnlyWhenItsReferenceRunsOnEveryDataSetAndAsItWasChecked() {
        var checked = new java.util.ArrayList<String>();
        var publishing = fakes.problemAuthoring(grader -> {
            String reference = ((org.praxis.domain.grading.GraderSettings.SqlResult) grader).referenceSolution();
            checked.add(reference);
            if (reference.contains("meanwhile")) {
                // another author saves the draft while this one is being checked
                authoring.saveDraft(AUTHOR, "sql-spend", sqlDocument("select 2"));
            }
            return reference.contains("broken")
                    ? List.of(new org.praxis.application.grading.port.out.ReferenceSolutions.Failure("no orders", true,
                            org.praxis.application.grading.port.out.ReferenceSolutions.Part.REFERENCE, "ERROR: division by zero"))
                    : List.of();
        });
        authoring.saveDraft(AUTHOR, "sql-spend", sqlDocument("select broken"));
        var refused = assertThrows(InvalidInput.class, () -> publishing.publish(AUTHOR, "sql-spend"));
        assertEquals(List.of(new InvalidInput.FieldError("grader.referenceSolution",
                "must run and produce a result on every data set; on hidden test case 'no orders': ERROR: division by zero")), refused.errors());
        assertEquals(PublicationState.DRAFT, fakes.problems.find(new ProblemSlug("sql-spend")).orElseThrow().problem().state());

        authoring.saveDraft(AUTHOR, "sql-spend", sqlDocument("select 1 -- meanwhile"));
        var changed = assertThrows(Conflict.class, () -> publishing.publish(AUTHOR, "sql-spend"));
        assertEquals("draft-changed", changed.reason());
        assertEquals(PublicationState.DRAFT, fakes.problems.find(new ProblemSlug("sql-spend")).orElseThrow().problem().state());

        assertEquals(new Published("sql-spend", 1), publishing.publish(AUTHOR, "sql-spend"));
        assertEquals(new Published("sql-spend", 1), publishing.publish(AUTHOR, "sql-spend"), "unchanged: not checked again");
        assertEquals(List.of("select broken", "select 1 -- meanwhile", "select 2"), checked);
    }
}
