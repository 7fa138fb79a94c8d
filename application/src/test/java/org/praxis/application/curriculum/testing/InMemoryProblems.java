package org.praxis.application.curriculum.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.LearnerId;

/** {@link Problems} in a map. Counts saves, so tests can tell that nothing was written. */
public final class InMemoryProblems implements Problems {
    private final TreeMap<ProblemSlug, StoredProblem> problems = new TreeMap<>();
    private final Map<ProblemSlug, Instant> updated = new HashMap<>();
    private int saves;

    @Override
    public synchronized Optional<StoredProblem> find(ProblemSlug slug) {
        return Optional.ofNullable(problems.get(slug));
    }

    @Override
    public synchronized Map<ProblemSlug, PublicationState> states(Collection<ProblemSlug> slugs) {
        var states = new HashMap<ProblemSlug, PublicationState>();
        slugs.forEach(slug -> find(slug).ifPresent(stored -> states.put(slug, stored.problem().state())));
        return states;
    }

    @Override
    public synchronized List<ProblemSlug> synced() {
        return problems.values().stream().filter(StoredProblem::synced).map(StoredProblem::slug).toList();
    }

    @Override
    public synchronized List<Listing> list(Optional<PublicationState> state, Optional<ProblemSlug> after, int limit) {
        return problems.values().stream()
                .filter(stored -> state.map(s -> stored.problem().state() == s).orElse(true))
                .filter(stored -> after.map(a -> stored.slug().compareTo(a) > 0).orElse(true))
                .limit(limit)
                .map(stored -> new Listing(stored.slug(), stored.problem().draft().title(), stored.problem().state(),
                        stored.problem().history().latest().map(v -> v.number()), stored.problem().hasUnpublishedChanges(), stored.synced(),
                        updated.get(stored.slug())))
                .toList();
    }

    @Override
    public synchronized void save(StoredProblem problem, Optional<LearnerId> by, Instant at) {
        StoredProblem before = problems.get(problem.slug());
        if (before != null) {
            int stored = before.problem().history().size();
            if (problem.problem().history().size() < stored
                    || !problem.problem().history().versions().subList(0, stored).equals(before.problem().history().versions())) {
                throw new IllegalStateException("versions are append-only");
            }
        }
        problems.put(problem.slug(), problem);
        updated.put(problem.slug(), at);
        saves++;
    }

    public synchronized int saves() {
        return saves;
    }
}
