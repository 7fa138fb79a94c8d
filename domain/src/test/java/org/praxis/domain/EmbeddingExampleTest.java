package org.praxis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.BuiltInGraders;
import org.praxis.domain.grading.Grader;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.GradedAttempt;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.Progression;
import org.praxis.domain.progress.ScoredProblem;
import org.praxis.domain.progress.ScoringConfig;
import org.praxis.domain.progress.SubmissionId;

/** The example of docs/embedding.md, verbatim between the markers, so the documentation cannot rot. */
class EmbeddingExampleTest {

    @Test
    void gradeAnAnswerApplyTheReducerAndReadTheEvents() {
        // --- example start ---
        var slug = new ProblemSlug("six-times-seven");
        var content = ProblemContent.of("Six times seven", "What is 6 x 7?", ProblemKind.ANSWER, Difficulty.BEGINNER,
                new TopicSlug("arithmetic"), GraderSettings.ExactAnswer.lenient("42", "forty-two"));
        Grader grader = BuiltInGraders.find(content.grader()).orElseThrow();   // built-in: no I/O

        var learner = new LearnerId(UUID.fromString("6f1c1d2e-0000-4000-8000-000000000001"));
        ZoneId zone = ZoneId.of("Europe/Berlin");                  // the learner's zone, from your user record
        Instant opened = Instant.parse("2026-11-16T09:00:00Z");    // from your clock, never read by the domain
        Instant submitted = opened.plusSeconds(95);

        // Your storage keeps the state's slices; a new learner starts empty.
        LearnerState state = LearnerState.fresh(learner, slug);
        state = state.withProgress(state.progress().start(opened));   // the learner opened the problem

        Verdict verdict = grader.grade("  Forty-Two ");            // case and spacing are normalised
        var attempt = GradedAttempt.of(new SubmissionId(UUID.fromString("0b7e0c1a-0000-4000-8000-000000000002")), slug, verdict);
        ScoringConfig config = ScoringConfig.defaults(ScoredProblem.of(slug, content));
        Outcome outcome = Progression.apply(state, attempt, config, submitted, zone);

        for (DomainEvent event : outcome.events()) {
            if (event instanceof DomainEvent.PointsAwarded points) {
                System.out.println("+" + points.points() + " points, total " + points.total());
            } else if (event instanceof DomainEvent.BadgeEarned badge) {
                System.out.println("badge: " + badge.rank().name());
            }
        }
        // Save outcome.newState() and outcome.events() in one transaction, then answer the learner.
        // --- example end ---

        assertEquals(Verdict.Outcome.CORRECT, verdict.outcome());
        assertEquals(150, outcome.pointsAwarded());   // 100 base + 50 bonus (95 s is under the 300 s estimate)
        assertEquals(10, outcome.xpAwarded());
        assertEquals(1, outcome.newState().streak().current());
        assertEquals(List.of("answerGraded", "problemSolved", "bestScoreImproved", "pointsAwarded", "reviewScheduled", "xpGained",
                        "streakExtended", "achievementUnlocked", "achievementUnlocked", "achievementUnlocked", "badgeEarned"),
                outcome.events().stream().map(DomainEvent::type).toList());
    }

    @Test
    void theDocumentationShowsExactlyThisExample() throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        String source = Files.readString(basedir.resolve("src/test/java/org/praxis/domain/EmbeddingExampleTest.java"));
        String doc = Files.readString(basedir.resolve("../docs/embedding.md"));
        int start = source.indexOf('\n', source.indexOf("// --- example " + "start ---")) + 1;
        int end = source.indexOf("        // --- example " + "end ---");
        String example = source.substring(start, end).lines()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(doc.contains(example), "docs/embedding.md must contain the example of this test, verbatim and dedented");
    }
}
