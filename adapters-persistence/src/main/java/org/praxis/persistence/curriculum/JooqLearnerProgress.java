package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_COMPLETIONS;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_PROGRESS;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.praxis.application.curriculum.port.out.LearnerProgress;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.ProgressStatus;

/**
 * {@link LearnerProgress} read from the learning loop's tables: {@code module_completions} for the
 * modules a learner completed, {@code problem_progress} for where they stand on problems. Read only.
 */
public final class JooqLearnerProgress implements LearnerProgress {
    private final DSLContext dsl;

    public JooqLearnerProgress(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Set<ModuleSlug> completedModules(LearnerId learner) {
        return dsl.select(MODULES.SLUG)
                .from(MODULE_COMPLETIONS)
                .join(MODULES).on(MODULES.ID.eq(MODULE_COMPLETIONS.MODULE_ID))
                .where(MODULE_COMPLETIONS.USER_ID.eq(learner.value()))
                .fetch(r -> new ModuleSlug(r.value1()))
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<ProblemSlug, Standing> standings(LearnerId learner, Collection<ProblemSlug> problems) {
        var standings = new HashMap<ProblemSlug, Standing>();
        if (problems.isEmpty()) {
            return standings;
        }
        dsl.select(PROBLEMS.SLUG, PROBLEM_PROGRESS.STATUS, PROBLEM_PROGRESS.ATTEMPTS, PROBLEM_PROGRESS.BEST_SCORE)
                .from(PROBLEM_PROGRESS)
                .join(PROBLEMS).on(PROBLEMS.ID.eq(PROBLEM_PROGRESS.PROBLEM_ID))
                .where(PROBLEM_PROGRESS.USER_ID.eq(learner.value()))
                .and(PROBLEMS.SLUG.in(problems.stream().map(ProblemSlug::value).toList()))
                .forEach(r -> standings.put(new ProblemSlug(r.value1()),
                        new Standing(ProgressStatus.valueOf(r.value2().toUpperCase(Locale.ROOT)), r.value3(), r.value4())));
        return standings;
    }
}
