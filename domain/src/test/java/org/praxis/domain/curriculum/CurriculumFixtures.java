package org.praxis.domain.curriculum;

import java.time.Instant;
import org.praxis.domain.grading.GraderSettings;

final class CurriculumFixtures {
    static final ProblemSlug SLUG = new ProblemSlug("count-rows");
    static final TopicSlug AGGREGATES = new TopicSlug("aggregates");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private CurriculumFixtures() {
    }

    static ProblemContent content(String statement) {
        return ProblemContent.of("Count the rows", statement, ProblemKind.ANSWER, Difficulty.BEGINNER, AGGREGATES,
                GraderSettings.ExactAnswer.lenient("select count(*) from t"));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static ModuleSlug m(String slug) {
        return new ModuleSlug(slug);
    }

    static ProblemSlug p(String slug) {
        return new ProblemSlug(slug);
    }
}
