package org.praxis.persistence.curriculum;

import java.util.Objects;
import java.util.Optional;

import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.domain.curriculum.ProblemSlug;

/**
 * Practice problems and award rules from the published-content cache: a submission reads them on every
 * request, and they change only when content is published, archived or synced (which empties the cache
 * on every instance).
 */
public final class CachingPracticeProblems implements PracticeProblems {
    private final PracticeProblems delegate;
    private final CachingCatalogue cache;

    public CachingPracticeProblems(PracticeProblems delegate, CachingCatalogue cache) {
        this.delegate = Objects.requireNonNull(delegate);
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public Optional<PracticeProblem> published(ProblemSlug slug) {
        return cache.cached("practiceProblem", slug, () -> delegate.published(slug));
    }

    @Override
    public AwardRules awardRules() {
        return cache.cached("awardRules", "", delegate::awardRules);
    }
}
