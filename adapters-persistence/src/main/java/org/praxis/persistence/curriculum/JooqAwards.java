package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.ACHIEVEMENTS;
import static org.praxis.persistence.schema.Tables.BADGE_RANKS;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jooq.DSLContext;
import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;

/** {@link Awards} on PostgreSQL: {@code badge_ranks} and {@code achievements}, archived rather than deleted. */
public final class JooqAwards implements Awards {
    private final DSLContext dsl;

    public JooqAwards(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public BadgeLadder ladder() {
        List<BadgeRank> ranks = dsl.selectFrom(BADGE_RANKS)
                .where(BADGE_RANKS.ARCHIVED_AT.isNull())
                .orderBy(BADGE_RANKS.LEVEL)
                .fetch(r -> new BadgeRank(r.getName(), r.getLevel(), r.getRequiredPoints(), r.getRequiredSolved()));
        return ranks.isEmpty() ? BadgeLadder.DEFAULT : new BadgeLadder(ranks);
    }

    @Override
    public void replaceLadder(BadgeLadder ladder, Instant at) {
        var time = ProblemContentRows.utc(at);
        for (BadgeRank rank : ladder.ranks()) {
            dsl.insertInto(BADGE_RANKS)
                    .set(BADGE_RANKS.LEVEL, rank.level())
                    .set(BADGE_RANKS.NAME, rank.name())
                    .set(BADGE_RANKS.REQUIRED_POINTS, rank.requiredPoints())
                    .set(BADGE_RANKS.REQUIRED_SOLVED, rank.requiredSolved())
                    .set(BADGE_RANKS.UPDATED_AT, time)
                    .onConflict(BADGE_RANKS.LEVEL).doUpdate()
                    .set(BADGE_RANKS.NAME, rank.name())
                    .set(BADGE_RANKS.REQUIRED_POINTS, rank.requiredPoints())
                    .set(BADGE_RANKS.REQUIRED_SOLVED, rank.requiredSolved())
                    .setNull(BADGE_RANKS.ARCHIVED_AT)
                    .set(BADGE_RANKS.UPDATED_AT, time)
                    .execute();
        }
        dsl.update(BADGE_RANKS)
                .set(BADGE_RANKS.ARCHIVED_AT, time)
                .set(BADGE_RANKS.UPDATED_AT, time)
                .where(BADGE_RANKS.ARCHIVED_AT.isNull())
                .and(BADGE_RANKS.LEVEL.notIn(ladder.ranks().stream().map(BadgeRank::level).toList()))
                .execute();
    }

    @Override
    public List<AchievementDefinition> achievements() {
        return dsl.selectFrom(ACHIEVEMENTS)
                .where(ACHIEVEMENTS.ARCHIVED_AT.isNull())
                .orderBy(ACHIEVEMENTS.POSITION, ACHIEVEMENTS.CODE)
                .fetch(r -> new AchievementDefinition(new Achievement(new AchievementCode(r.getCode()), r.getTitle(),
                        Criterion.fromJson(JsonValues.map(r.getCriterion())), Rarity.valueOf(r.getRarity().toUpperCase(Locale.ROOT)),
                        r.getPointsReward()), r.getDescription()));
    }

    @Override
    public void replaceAchievements(List<AchievementDefinition> achievements, Instant at) {
        var time = ProblemContentRows.utc(at);
        int position = 0;
        for (AchievementDefinition definition : achievements) {
            Achievement achievement = definition.achievement();
            String rarity = achievement.rarity().name().toLowerCase(Locale.ROOT);
            var criterion = JsonValues.jsonb(achievement.criterion().toJson());
            dsl.insertInto(ACHIEVEMENTS)
                    .set(ACHIEVEMENTS.CODE, achievement.code().value())
                    .set(ACHIEVEMENTS.TITLE, achievement.title())
                    .set(ACHIEVEMENTS.DESCRIPTION, definition.description())
                    .set(ACHIEVEMENTS.RARITY, rarity)
                    .set(ACHIEVEMENTS.POINTS_REWARD, achievement.pointsReward())
                    .set(ACHIEVEMENTS.CRITERION, criterion)
                    .set(ACHIEVEMENTS.POSITION, position)
                    .set(ACHIEVEMENTS.UPDATED_AT, time)
                    .onConflict(ACHIEVEMENTS.CODE).doUpdate()
                    .set(ACHIEVEMENTS.TITLE, achievement.title())
                    .set(ACHIEVEMENTS.DESCRIPTION, definition.description())
                    .set(ACHIEVEMENTS.RARITY, rarity)
                    .set(ACHIEVEMENTS.POINTS_REWARD, achievement.pointsReward())
                    .set(ACHIEVEMENTS.CRITERION, criterion)
                    .set(ACHIEVEMENTS.POSITION, position)
                    .setNull(ACHIEVEMENTS.ARCHIVED_AT)
                    .set(ACHIEVEMENTS.UPDATED_AT, time)
                    .execute();
            position++;
        }
        dsl.update(ACHIEVEMENTS)
                .set(ACHIEVEMENTS.ARCHIVED_AT, time)
                .set(ACHIEVEMENTS.UPDATED_AT, time)
                .where(ACHIEVEMENTS.ARCHIVED_AT.isNull())
                .and(ACHIEVEMENTS.CODE.notIn(achievements.stream().map(a -> a.achievement().code().value()).toList()))
                .execute();
    }
}
