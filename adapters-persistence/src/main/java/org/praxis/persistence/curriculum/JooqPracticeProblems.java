package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.ACHIEVEMENTS;
import static org.praxis.persistence.schema.Tables.BADGE_RANKS;
import static org.praxis.persistence.schema.Tables.LESSONS;
import static org.praxis.persistence.schema.Tables.LESSON_PROBLEMS;
import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_PREREQUISITES;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;
import org.praxis.domain.progress.Placement;
import org.praxis.domain.scoring.XpSettings;

/** Published problems for practice: the latest version's content, its topic's XP settings and its place in a track. */
public final class JooqPracticeProblems implements PracticeProblems {
    private final DSLContext dsl;

    public JooqPracticeProblems(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<PracticeProblem> published(ProblemSlug slug) {
        var row = dsl.select(PROBLEMS.ID, PROBLEMS.LATEST_VERSION, PROBLEMS.PUBLISHED_CONTENT_ID)
                .from(PROBLEMS)
                .where(PROBLEMS.SLUG.eq(slug.value()).and(PROBLEMS.STATE.eq("published")))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long id = row.get().value1();
        var content = ProblemContentRows.load(dsl, List.of(row.get().value3())).get(row.get().value3());
        var placement = placement(id, slug);
        Set<ModuleSlug> prerequisites = placement.map(p -> prerequisitesOf(p.module())).orElse(Set.of());
        return Optional.of(new PracticeProblem(id, slug, row.get().value2(), content, xpSettings(content.topic().value()),
                placement, prerequisites));
    }

    @Override
    public AwardRules awardRules() {
        var ranks = dsl.selectFrom(BADGE_RANKS).where(BADGE_RANKS.ARCHIVED_AT.isNull()).orderBy(BADGE_RANKS.LEVEL).fetch()
                .map(r -> new BadgeRank(r.getName(), r.getLevel(), r.getRequiredPoints(), r.getRequiredSolved()));
        var achievements = dsl.selectFrom(ACHIEVEMENTS).where(ACHIEVEMENTS.ARCHIVED_AT.isNull()).orderBy(ACHIEVEMENTS.POSITION)
                .fetch()
                .map(r -> new Achievement(new AchievementCode(r.getCode()), r.getTitle(),
                        Criterion.fromJson(JsonValues.map(r.getCriterion())),
                        Rarity.valueOf(r.getRarity().toUpperCase(Locale.ROOT)), r.getPointsReward()));
        // Without a synced ladder the seed's default applies; achievements exist only once content defines them.
        return new AwardRules(ranks.isEmpty() ? BadgeLadder.DEFAULT : new BadgeLadder(ranks), new AchievementRules(achievements));
    }

    /** The nearest settings up the topic tree, else the defaults. */
    private XpSettings xpSettings(String topic) {
        var r = dsl.resultQuery("""
                with recursive up(id, parent_id, depth) as (
                    select id, parent_id, 0 from topics where slug = ?
                    union all
                    select t.id, t.parent_id, up.depth + 1 from topics t join up on t.id = up.parent_id
                )
                select s.max_xp, s.base_task_xp, s.daily_full_tasks, s.daily_half_tasks, s.multiplier_full,
                       s.multiplier_half, s.multiplier_low, s.multiplier_early, s.daily_xp_decay, s.min_xp_percent,
                       s.level_thresholds, s.review_intervals
                from up join topic_xp_settings s on s.topic_id = up.id
                order by up.depth limit 1""", topic).fetchOptional();
        if (r.isEmpty()) {
            return XpSettings.DEFAULT;
        }
        var s = r.get();
        return new XpSettings(s.get(0, Integer.class), s.get(1, Integer.class), s.get(2, Integer.class), s.get(3, Integer.class),
                s.get(4, BigDecimal.class), s.get(5, BigDecimal.class), s.get(6, BigDecimal.class), s.get(7, BigDecimal.class),
                s.get(8, BigDecimal.class), s.get(9, BigDecimal.class), List.of(s.get(10, Integer[].class)),
                List.of(s.get(11, Integer[].class)));
    }

    private Optional<Placement> placement(long problemId, ProblemSlug slug) {
        var where = dsl.select(MODULES.SLUG, TRACKS.ID, TRACKS.SLUG)
                .from(LESSON_PROBLEMS)
                .join(LESSONS).on(LESSONS.ID.eq(LESSON_PROBLEMS.LESSON_ID))
                .join(MODULES).on(MODULES.ID.eq(LESSONS.MODULE_ID))
                .join(TRACKS).on(TRACKS.ID.eq(MODULES.TRACK_ID))
                .where(LESSON_PROBLEMS.PROBLEM_ID.eq(problemId)
                        .and(MODULES.REMOVED_AT.isNull())
                        .and(TRACKS.STATE.eq("published")))
                .fetchOptional();
        if (where.isEmpty()) {
            return Optional.empty();
        }
        var rows = dsl.select(MODULES.SLUG, PROBLEMS.SLUG)
                .from(LESSON_PROBLEMS)
                .join(LESSONS).on(LESSONS.ID.eq(LESSON_PROBLEMS.LESSON_ID))
                .join(MODULES).on(MODULES.ID.eq(LESSONS.MODULE_ID))
                .join(PROBLEMS).on(PROBLEMS.ID.eq(LESSON_PROBLEMS.PROBLEM_ID))
                .where(MODULES.TRACK_ID.eq(where.get().value2())
                        .and(MODULES.REMOVED_AT.isNull())
                        .and(PROBLEMS.STATE.eq("published")))
                .orderBy(MODULES.POSITION, LESSONS.POSITION, LESSON_PROBLEMS.POSITION)
                .fetch();
        String module = where.get().value1();
        var moduleProblems = new LinkedHashSet<ProblemSlug>();
        var trackProblems = new LinkedHashSet<ProblemSlug>();
        for (var r : rows) {
            var p = new ProblemSlug(r.value2());
            trackProblems.add(p);
            if (r.value1().equals(module)) {
                moduleProblems.add(p);
            }
        }
        moduleProblems.add(slug);
        trackProblems.add(slug);
        return Optional.of(new Placement(new ModuleSlug(module), List.copyOf(moduleProblems), new TrackSlug(where.get().value3()),
                List.copyOf(trackProblems)));
    }

    private Set<ModuleSlug> prerequisitesOf(ModuleSlug module) {
        var required = MODULES.as("required");
        return dsl.select(required.SLUG)
                .from(MODULE_PREREQUISITES)
                .join(MODULES).on(MODULES.ID.eq(MODULE_PREREQUISITES.MODULE_ID))
                .join(required).on(required.ID.eq(MODULE_PREREQUISITES.PREREQUISITE_ID))
                .where(MODULES.SLUG.eq(module.value()))
                .fetch(r -> new ModuleSlug(r.value1()))
                .stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
