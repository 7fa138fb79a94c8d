package org.praxis.domain.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;

final class ProgressFixtures {
    static final LearnerId ADA = LearnerId.of("00000000-0000-0000-0000-0000000000ad");
    static final ProblemSlug JOINS = new ProblemSlug("inner-joins");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private ProgressFixtures() {
    }

    static ProblemProgress fresh() {
        return ProblemProgress.notStarted(ADA, JOINS);
    }

    static ProblemProgress fresh(String problem) {
        return ProblemProgress.notStarted(ADA, new ProblemSlug(problem));
    }

    static SubmissionId submission(int n) {
        return new SubmissionId(new UUID(0, n));
    }

    static Verdict correct() {
        return Verdict.correct("ok", List.of());
    }

    static Verdict correct(int score) {
        return new Verdict(Verdict.Outcome.CORRECT, new Score(score), "ok", List.of());
    }

    static Verdict incorrect(int score) {
        return Verdict.incorrect(new Score(score), "no", List.of());
    }

    static Verdict error() {
        return Verdict.error("timed out");
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }
}
