package org.praxis.application.curriculum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Hint;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.identity.LearnerId;

/**
 * What every {@link Problems} must do, run against the in-memory fake and the jOOQ adapter. Each test
 * uses its own slugs, so implementations may share one store across tests.
 */
public abstract class ProblemsContract {
    protected static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    protected abstract Problems problems();

    protected abstract Topics topics();

    /** The author of saves, where an implementation needs a known member. */
    protected Optional<LearnerId> author() {
        return Optional.empty();
    }

    @BeforeEach
    void topicsExist() {
        if (topics().all().stream().noneMatch(t -> t.slug().value().equals("contract"))) {
            topics().replaceAll(List.of(new TopicDefinition(Topic.root(new TopicSlug("contract"), "Contract"), "", Optional.empty())), T0);
        }
    }

    protected static ProblemContent content(String title) {
        var tests = new GraderSettings.TestSuite(List.of(
                new GraderSettings.TestCase("visible", "1", "1", false, 1000, 64),
                new GraderSettings.TestCase("hidden", "2", "2", true, 2000, 128)));
        return ProblemContent.of(title, "Statement of " + title, ProblemKind.CODE, Difficulty.INTERMEDIATE, new TopicSlug("contract"), tests)
                .withHints(List.of(new Hint("first", 10), new Hint("second", 0)))
                .withCatalogueData(true, List.of("Tag", "other"), Optional.of("Acme"))
                .withCode("starter", "the official solution");
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSavedProblemComesBackEqualWithEveryFieldAndVersion() {
        var slug = new ProblemSlug(unique("round-trip"));
        Problem problem = Problem.create(slug, content("One")).publish(T0).edit(content("Two")).publish(T0.plusSeconds(60))
                .rollbackTo(1, T0.plusSeconds(120)).edit(content("Draft"));
        problems().save(new StoredProblem(Problem.create(slug, content("One")), false), author(), T0);
        problems().save(new StoredProblem(problem, true), author(), T0.plusSeconds(120));

        StoredProblem found = problems().find(slug).orElseThrow();
        assertEquals(problem, found.problem());
        assertTrue(found.synced());
        assertEquals(3, found.problem().history().size());
        assertTrue(found.problem().history().version(3).orElseThrow().isRollback());
        assertEquals("the official solution", found.problem().draft().solution());
    }

    @Test
    void versionsAreAppendedAndStatesFollowTheAggregate() {
        var slug = new ProblemSlug(unique("states"));
        var draft = Problem.create(slug, content("One"));
        problems().save(new StoredProblem(draft, false), author(), T0);
        assertEquals(Map.of(slug, PublicationState.DRAFT), problems().states(List.of(slug, new ProblemSlug(unique("absent")))));

        var published = draft.publish(T0);
        problems().save(new StoredProblem(published, false), author(), T0);
        var archived = published.archive();
        problems().save(new StoredProblem(archived, false), author(), T0);
        assertEquals(archived, problems().find(slug).orElseThrow().problem());
        assertEquals(Map.of(slug, PublicationState.ARCHIVED), problems().states(Set.of(slug)));
        assertFalse(problems().synced().contains(slug));
    }

    @Test
    void authorsListProblemsInSlugOrderByState() {
        String prefix = unique("list");
        var a = new ProblemSlug(prefix + "-a");
        var b = new ProblemSlug(prefix + "-b");
        problems().save(new StoredProblem(Problem.create(b, content("B")), false), author(), T0);
        problems().save(new StoredProblem(Problem.create(a, content("A")).publish(T0), true), author(), T0);

        var listed = problems().list(Optional.empty(), Optional.of(new ProblemSlug(prefix)), 10).stream()
                .filter(line -> line.slug().value().startsWith(prefix)).toList();
        assertEquals(List.of(a, b), listed.stream().map(Problems.Listing::slug).toList());
        assertEquals("A", listed.get(0).title());
        assertEquals(Optional.of(1), listed.get(0).latestVersion());
        assertFalse(listed.get(0).unpublishedChanges());
        assertTrue(listed.get(1).unpublishedChanges());
        assertTrue(problems().list(Optional.of(PublicationState.DRAFT), Optional.of(new ProblemSlug(prefix)), 10).stream()
                .noneMatch(line -> line.slug().equals(a)));
        assertTrue(problems().synced().contains(a));
    }
}
