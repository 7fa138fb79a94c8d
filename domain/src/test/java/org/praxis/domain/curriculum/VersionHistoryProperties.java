package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VersionHistoryProperties {

    /** Positive: publish a draft with statement n; negative: roll back to version -n (if legal). */
    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(-8, 8).filter(n -> n != 0).list().ofMaxSize(30);
    }

    @Property
    void versionNumbersStrictlyIncreaseAndRollbackNeverRemovesHistory(@ForAll("operations") List<Integer> operations) {
        Problem problem = Problem.create(CurriculumFixtures.SLUG, CurriculumFixtures.content("statement 0")).publish(CurriculumFixtures.at(0));
        long second = 1;
        for (int operation : operations) {
            Problem before = problem;
            if (operation > 0) {
                problem = problem.edit(CurriculumFixtures.content("statement " + operation)).publish(CurriculumFixtures.at(second++));
            } else {
                int target = -operation;
                if (target >= problem.history().size()) {
                    continue;
                }
                problem = problem.rollbackTo(target, CurriculumFixtures.at(second++));
                ProblemVersion added = problem.history().latest().orElseThrow();
                assertEquals(before.history().size() + 1, added.number());
                assertEquals(before.history().version(target).orElseThrow().content(), added.content());
            }
            List<ProblemVersion> versions = problem.history().versions();
            assertEquals(before.history().versions(), versions.subList(0, before.history().size()));
            assertTrue(versions.size() - before.history().size() <= 1);
            for (int i = 0; i < versions.size(); i++) {
                assertEquals(i + 1, versions.get(i).number());
            }
            assertEquals(problem.history().latest(), problem.published());
        }
    }
}
