package org.praxis.persistence.curriculum;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.Catalogue;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;

/**
 * Published content, cached in this process (OP2). Every answer is an immutable value; all of them
 * are dropped at once by {@link #invalidate()}, which a {@link org.praxis.persistence.common.ChannelListener} calls when any instance
 * announces a change, and {@link JooqContentChanges} calls once this instance's own change committed.
 *
 * <p>Each entry remembers the generation it was loaded in; an invalidation starts a new generation,
 * so a load that raced with an invalidation is never served afterwards. The cache holds at most
 * {@value #MAX_ENTRIES} entries (then it stops adding until the next invalidation), so slugs made up by
 * clients cannot grow it without bound.
 */
public final class CachingCatalogue implements Catalogue {
    static final int MAX_ENTRIES = 10_000;

    private final Catalogue delegate;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public CachingCatalogue(Catalogue delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    /** Drops everything cached. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    private record Entry(long generation, Object value) {
    }

    private record Key(String method, Object argument) {
    }

    /**
     * A value of published content, cached until the next content change anywhere (other read models of
     * published content, such as the practice problems of the learning loop, share this invalidation).
     * "Not found" is not kept: unknown slugs must not be able to fill the cache.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(String method, Object argument, Supplier<T> load) {
        var key = new Key(method, argument);
        long current = generation.get();
        Entry hit = entries.get(key);
        if (hit != null && hit.generation() == current) {
            return (T) hit.value();
        }
        T value = load.get();
        if (entries.size() < MAX_ENTRIES && !(value instanceof Optional<?> optional && optional.isEmpty())) {
            entries.put(key, new Entry(current, value));
        }
        return value;
    }

    @Override
    public Optional<PublishedProblem> problem(ProblemSlug slug) {
        return cached("problem", slug, () -> delegate.problem(slug));
    }

    @Override
    public List<ProblemCard> problems(ProblemQuery query) {
        return cached("problems", query, () -> List.copyOf(delegate.problems(query)));
    }

    @Override
    public List<TrackCard> tracks(Optional<TrackSlug> after, int limit) {
        return cached("tracks", List.of(after, limit), () -> List.copyOf(delegate.tracks(after, limit)));
    }

    @Override
    public Optional<PublishedTrack> track(TrackSlug slug) {
        return cached("track", slug, () -> delegate.track(slug));
    }

    @Override
    public List<TopicDefinition> topics() {
        return cached("topics", "", () -> List.copyOf(delegate.topics()));
    }

    @Override
    public BadgeLadder badgeLadder() {
        return cached("badgeLadder", "", delegate::badgeLadder);
    }

    @Override
    public List<AchievementDefinition> achievements() {
        return cached("achievements", "", () -> List.copyOf(delegate.achievements()));
    }
}
