package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_CONTENTS;
import static org.praxis.persistence.schema.Tables.PROBLEM_VERSIONS;
import static org.praxis.persistence.schema.Tables.TOPICS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.ProblemVersion;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.VersionHistory;
import org.praxis.domain.identity.LearnerId;

/** {@link Problems} on PostgreSQL: problems, their immutable content rows and their versions. */
public final class JooqProblems implements Problems {
    private final DSLContext dsl;

    public JooqProblems(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<StoredProblem> find(ProblemSlug slug) {
        var row = dsl.selectFrom(PROBLEMS).where(PROBLEMS.SLUG.eq(slug.value())).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        var versions = dsl.selectFrom(PROBLEM_VERSIONS)
                .where(PROBLEM_VERSIONS.PROBLEM_ID.eq(row.getId()))
                .orderBy(PROBLEM_VERSIONS.VERSION)
                .fetch();
        var contentIds = new ArrayList<Long>();
        contentIds.add(row.getDraftContentId());
        versions.forEach(version -> contentIds.add(version.getContentId()));
        Map<Long, ProblemContent> contents = ProblemContentRows.load(dsl, contentIds);
        var history = new ArrayList<ProblemVersion>();
        for (var version : versions) {
            history.add(new ProblemVersion(version.getVersion(), contents.get(version.getContentId()), version.getPublishedAt().toInstant(),
                    version.getRestoredFrom() == null ? OptionalInt.empty() : OptionalInt.of(version.getRestoredFrom())));
        }
        var problem = new Problem(slug, state(row.getState()), contents.get(row.getDraftContentId()), new VersionHistory(history));
        return Optional.of(new StoredProblem(problem, row.getSynced()));
    }

    @Override
    public Map<ProblemSlug, PublicationState> states(Collection<ProblemSlug> slugs) {
        var states = new HashMap<ProblemSlug, PublicationState>();
        dsl.select(PROBLEMS.SLUG, PROBLEMS.STATE).from(PROBLEMS)
                .where(PROBLEMS.SLUG.in(slugs.stream().map(ProblemSlug::value).toList()))
                .forEach(r -> states.put(new ProblemSlug(r.value1()), state(r.value2())));
        return states;
    }

    @Override
    public List<ProblemSlug> synced() {
        return dsl.select(PROBLEMS.SLUG).from(PROBLEMS).where(PROBLEMS.SYNCED).orderBy(PROBLEMS.SLUG)
                .fetch(r -> new ProblemSlug(r.value1()));
    }

    @Override
    public List<Listing> list(Optional<PublicationState> state, Optional<ProblemSlug> after, int limit) {
        Condition where = DSL.noCondition();
        if (state.isPresent()) {
            where = where.and(PROBLEMS.STATE.eq(name(state.get())));
        }
        if (after.isPresent()) {
            where = where.and(PROBLEMS.SLUG.gt(after.get().value()));
        }
        return dsl.select(PROBLEMS.SLUG, PROBLEM_CONTENTS.TITLE, PROBLEMS.STATE, PROBLEMS.LATEST_VERSION, PROBLEMS.DRAFT_CONTENT_ID,
                        PROBLEMS.PUBLISHED_CONTENT_ID, PROBLEMS.SYNCED, PROBLEMS.UPDATED_AT)
                .from(PROBLEMS)
                .join(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEMS.DRAFT_CONTENT_ID))
                .where(where)
                .orderBy(PROBLEMS.SLUG)
                .limit(limit)
                .fetch(r -> new Listing(new ProblemSlug(r.value1()), r.value2(), state(r.value3()), Optional.ofNullable(r.value4()),
                        !r.value5().equals(r.value6()), r.value7(), r.value8().toInstant()));
    }

    @Override
    public void save(StoredProblem stored, Optional<LearnerId> by, Instant at) {
        Problem problem = stored.problem();
        Optional<UUID> author = by.map(LearnerId::value);
        var row = dsl.selectFrom(PROBLEMS).where(PROBLEMS.SLUG.eq(problem.slug().value())).forUpdate().fetchOne();
        long id;
        int storedVersions;
        if (row == null) {
            id = dsl.insertInto(PROBLEMS)
                    .set(PROBLEMS.SLUG, problem.slug().value())
                    .set(PROBLEMS.STATE, name(PublicationState.DRAFT))
                    .set(PROBLEMS.SYNCED, stored.synced())
                    .set(PROBLEMS.CREATED_AT, ProblemContentRows.utc(at))
                    .set(PROBLEMS.UPDATED_AT, ProblemContentRows.utc(at))
                    .returning(PROBLEMS.ID)
                    .fetchOne()
                    .getId();
            storedVersions = 0;
        } else {
            id = row.getId();
            storedVersions = row.getLatestVersion() == null ? 0 : row.getLatestVersion();
        }
        var topicIds = new HashMap<TopicSlug, Long>();
        java.util.function.Function<TopicSlug, Long> topicId = slug -> topicIds.computeIfAbsent(slug, this::topicId);
        long draft = ProblemContentRows.store(dsl, id, problem.draft(), author, at, topicId);
        Long published = null;
        for (ProblemVersion version : problem.history().versions()) {
            long content = ProblemContentRows.store(dsl, id, version.content(), author, version.publishedAt(), topicId);
            if (version.number() > storedVersions) {
                dsl.insertInto(PROBLEM_VERSIONS)
                        .set(PROBLEM_VERSIONS.PROBLEM_ID, id)
                        .set(PROBLEM_VERSIONS.VERSION, version.number())
                        .set(PROBLEM_VERSIONS.CONTENT_ID, content)
                        .set(PROBLEM_VERSIONS.PUBLISHED_AT, ProblemContentRows.utc(version.publishedAt()))
                        .set(PROBLEM_VERSIONS.PUBLISHED_BY, author.orElse(null))
                        .set(PROBLEM_VERSIONS.RESTORED_FROM, version.restoredFrom().isPresent() ? version.restoredFrom().getAsInt() : null)
                        .execute();
            }
            published = content;
        }
        dsl.update(PROBLEMS)
                .set(PROBLEMS.STATE, name(problem.state()))
                .set(PROBLEMS.DRAFT_CONTENT_ID, draft)
                .set(PROBLEMS.LATEST_VERSION, problem.history().isEmpty() ? null : problem.history().size())
                .set(PROBLEMS.PUBLISHED_CONTENT_ID, published)
                .set(PROBLEMS.SYNCED, stored.synced())
                .set(PROBLEMS.UPDATED_AT, ProblemContentRows.utc(at))
                .where(PROBLEMS.ID.eq(id))
                .execute();
    }

    private long topicId(TopicSlug slug) {
        Long id = dsl.select(TOPICS.ID).from(TOPICS).where(TOPICS.SLUG.eq(slug.value())).fetchOne(TOPICS.ID);
        if (id == null) {
            throw new IllegalStateException("topic " + slug + " does not exist; content must name a known topic");
        }
        return id;
    }

    static PublicationState state(String name) {
        return PublicationState.valueOf(name.toUpperCase(Locale.ROOT));
    }

    static String name(PublicationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
