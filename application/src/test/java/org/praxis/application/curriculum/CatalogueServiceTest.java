package org.praxis.application.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.curriculum.document.ProblemDocument;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemFilter;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemItem;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.port.out.LearnerProgress.Standing;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.testing.ContentFolderBuilder;
import org.praxis.application.curriculum.testing.CurriculumFakes;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.domain.progress.ProgressStatus;

class CatalogueServiceTest {
    private static final LearnerId ALICE = new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));
    private static final Actor LEARNER = new Actor.Member(ALICE, Role.LEARNER, false);

    private final CurriculumFakes fakes = new CurriculumFakes();
    private CatalogueService catalogue;

    @BeforeEach
    void syncTheSample() {
        fakes.folders.put(ContentFolderBuilder.sample("content").build());
        fakes.sync().sync(Command.of("content", false));
        catalogue = fakes.catalogueService();
    }

    private void storeDraft(String slug, ProblemContent content) {
        fakes.problems.save(new StoredProblem(Problem.create(new ProblemSlug(slug), content), false), Optional.empty(), fakes.clock.instant());
    }

    private static ProblemContent secretCode() {
        var tests = new GraderSettings.TestSuite(List.of(
                new GraderSettings.TestCase("example", "1 2", "3", false, 1000, 64),
                new GraderSettings.TestCase("secret", "40 2", "42", true, 1000, 64)));
        return ProblemContent.of("Add two numbers", "Read two numbers, print their sum.", ProblemKind.CODE, Difficulty.BEGINNER,
                new TopicSlug("arithmetic"), tests).withCode("# your code", "print(sum(map(int, input().split())))");
    }

    @Test
    void theTopicTreeNestsChildrenInOrder() {
        var roots = catalogue.topics();
        assertEquals(List.of("web", "arithmetic", "general"), roots.stream().map(t -> t.slug()).toList());
        assertEquals(List.of("html", "http"), roots.get(0).children().stream().map(t -> t.slug()).toList());
        assertEquals("How the web works.", roots.get(0).description());
    }

    @Test
    void aProblemPageNeverShowsTheAnswerTheSolutionOrHiddenTests() {
        var page = catalogue.problem("html-void-elements", Actor.anonymous());
        assertEquals("Void elements", page.title());
        assertEquals(Optional.of(1), page.version());
        assertEquals(1, page.hintCount());
        assertEquals("single-choice", page.answerFormat().type());
        assertEquals(List.of("<div>", "<br>", "<p>"), page.answerFormat().options());
        assertEquals(Optional.empty(), page.progress(), "no progress for an anonymous caller");
        assertFalse(page.toString().contains("no content, so no closing tag"), "the solution is not in the view");

        var stored = fakes.problems.find(new ProblemSlug("html-void-elements")).orElseThrow().problem();
        fakes.problems.save(new StoredProblem(new Problem(stored.slug(), stored.state(), secretCode(), stored.history()).publish(fakes.clock.instant()),
                true), Optional.empty(), fakes.clock.instant());
        var code = catalogue.problem("html-void-elements", LEARNER);
        assertEquals("code", code.answerFormat().type());
        assertEquals(List.of("example"), code.answerFormat().examples().stream().map(e -> e.name()).toList());
        assertFalse(code.toString().contains("secret"), "hidden test cases never leave the server");
        assertFalse(code.toString().contains("print(sum"), "nor does the solution");
        assertEquals("# your code", code.starterCode());
    }

    @Test
    void draftsAndArchivedProblemsAreNotFoundLikeNothingAtAll() {
        storeDraft("secret-draft", secretCode());
        var archived = fakes.problems.find(new ProblemSlug("quarter-as-decimal")).orElseThrow();
        fakes.problems.save(new StoredProblem(archived.problem().archive(), true), Optional.empty(), fakes.clock.instant());

        for (Actor viewer : List.of(Actor.anonymous(), LEARNER)) {
            var draft = assertThrows(NotFound.class, () -> catalogue.problem("secret-draft", viewer));
            var missing = assertThrows(NotFound.class, () -> catalogue.problem("never-was", viewer));
            assertEquals(missing.getMessage().replace("never-was", "secret-draft"), draft.getMessage(), "same answer as for nothing");
            assertThrows(NotFound.class, () -> catalogue.problem("quarter-as-decimal", viewer));
            var listed = catalogue.problems(ProblemFilter.NONE, PageRequest.first(100), viewer).items().stream().map(ProblemItem::slug).toList();
            assertEquals(List.of("html-void-elements", "http-status-created"), listed);
        }
        assertThrows(NotFound.class, () -> catalogue.problem("Not A Slug!", LEARNER));
    }

    @Test
    void aSignedInLearnerSeesLocksAndStatusesAndOthersDoNot() {
        var anonymous = catalogue.track("web-basics", Actor.anonymous());
        assertEquals(Optional.empty(), anonymous.modules().get(1).locked());
        assertEquals(Optional.empty(), anonymous.modules().get(0).lessons().get(0).problems().get(0).status());

        var learner = catalogue.track("web-basics", LEARNER);
        assertEquals(Optional.of(false), learner.modules().get(0).locked());
        assertEquals(Optional.of(true), learner.modules().get(1).locked(), "http-basics requires html-foundations");
        assertEquals(Optional.of(ProgressStatus.NOT_STARTED), learner.modules().get(0).lessons().get(0).problems().get(0).status());

        fakes.progress.complete(ALICE, new ModuleSlug("html-foundations"))
                .stand(ALICE, new ProblemSlug("html-void-elements"), new Standing(ProgressStatus.COMPLETED, 2, 90));
        var later = catalogue.track("web-basics", LEARNER);
        assertEquals(Optional.of(false), later.modules().get(1).locked());
        assertEquals(Optional.of(ProgressStatus.COMPLETED), later.modules().get(0).lessons().get(0).problems().get(0).status());
        var page = catalogue.problem("html-void-elements", LEARNER);
        assertEquals(2, page.progress().orElseThrow().attempts());
        assertEquals(90, page.progress().orElseThrow().bestScore());
    }

    @Test
    void problemsFilterByTopicWithItsSubtopicsByDifficultyAndByTag() {
        assertEquals(List.of("html-void-elements", "http-status-created"), slugs(new ProblemFilter(Optional.of("web"), Optional.empty(), Optional.empty())));
        assertEquals(List.of("http-status-created"), slugs(new ProblemFilter(Optional.of("http"), Optional.empty(), Optional.empty())));
        assertEquals(List.of("quarter-as-decimal"), slugs(new ProblemFilter(Optional.empty(), Optional.of("advanced"), Optional.empty())));
        assertEquals(List.of("html-void-elements"), slugs(new ProblemFilter(Optional.empty(), Optional.empty(), Optional.of("HTML"))));

        var invalid = assertThrows(InvalidInput.class, () -> catalogue.problems(
                new ProblemFilter(Optional.of("nope"), Optional.of("impossible"), Optional.empty()), PageRequest.first(20), Actor.anonymous()));
        assertEquals(List.of("topic", "difficulty"), invalid.errors().stream().map(e -> e.field()).toList());
    }

    private List<String> slugs(ProblemFilter filter) {
        return catalogue.problems(filter, PageRequest.first(20), Actor.anonymous()).items().stream().map(ProblemItem::slug).toList();
    }

    @Test
    void cursorsWalkTheListPageByPage() {
        var first = catalogue.problems(ProblemFilter.NONE, PageRequest.first(2), Actor.anonymous());
        assertEquals(List.of("html-void-elements", "http-status-created"), first.items().stream().map(ProblemItem::slug).toList());
        assertTrue(first.nextCursor().isPresent());
        var second = catalogue.problems(ProblemFilter.NONE, new PageRequest(2, first.nextCursor()), Actor.anonymous());
        assertEquals(List.of("quarter-as-decimal"), second.items().stream().map(ProblemItem::slug).toList());
        assertEquals(Optional.empty(), second.nextCursor());

        assertEquals("limit", assertThrows(InvalidInput.class,
                () -> catalogue.tracks(PageRequest.first(101))).errors().get(0).field());
        assertEquals("cursor", assertThrows(InvalidInput.class,
                () -> catalogue.tracks(new PageRequest(20, Optional.of("%%%")))).errors().get(0).field());
        assertEquals(List.of("web-basics"), catalogue.tracks(PageRequest.first(20)).items().stream().map(t -> t.slug()).toList());
    }

    @Test
    void theLearnerViewIsTheSameForEveryKindOfGrader() {
        var document = ProblemDocument.write(secretCode(), ProblemDocument.Form.INLINE);
        assertEquals("print(sum(map(int, input().split())))", document.get("solution"), "authors see the solution in the document");
        assertEquals(Map.of("name", "secret", "input", "40 2", "expectedOutput", "42", "hidden", true, "timeLimitMillis", 1000,
                "memoryLimitMb", 64), ((List<?>) ((Map<?, ?>) document.get("grader")).get("cases")).get(1));
    }
}
