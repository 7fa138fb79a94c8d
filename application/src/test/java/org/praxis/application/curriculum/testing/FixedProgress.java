package org.praxis.application.curriculum.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.praxis.application.curriculum.port.out.LearnerProgress;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;

/** {@link LearnerProgress} the test sets up by hand. */
public final class FixedProgress implements LearnerProgress {
    private final Map<LearnerId, Set<ModuleSlug>> completed = new HashMap<>();
    private final Map<LearnerId, Map<ProblemSlug, Standing>> standings = new HashMap<>();

    public FixedProgress complete(LearnerId learner, ModuleSlug module) {
        completed.computeIfAbsent(learner, id -> new HashSet<>()).add(module);
        return this;
    }

    public FixedProgress stand(LearnerId learner, ProblemSlug problem, Standing standing) {
        standings.computeIfAbsent(learner, id -> new HashMap<>()).put(problem, standing);
        return this;
    }

    @Override
    public Set<ModuleSlug> completedModules(LearnerId learner) {
        return Set.copyOf(completed.getOrDefault(learner, Set.of()));
    }

    @Override
    public Map<ProblemSlug, Standing> standings(LearnerId learner, Collection<ProblemSlug> problems) {
        var result = new HashMap<ProblemSlug, Standing>();
        var mine = standings.getOrDefault(learner, Map.of());
        problems.forEach(problem -> {
            if (mine.containsKey(problem)) {
                result.put(problem, mine.get(problem));
            }
        });
        return result;
    }
}
