package org.praxis.persistence.identity;

import static org.praxis.persistence.schema.Tables.LEARNER_BADGES;
import static org.praxis.persistence.schema.Tables.LEARNER_STATES;
import static org.praxis.persistence.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.praxis.application.identity.port.out.LearnerStandings;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.identity.LearnerId;

/**
 * Profiles' totals, from the learner's state row the learning loop keeps. The current streak is as of
 * the learner's local today: a streak whose last active day is before yesterday has ended.
 */
public final class JooqLearnerStandings implements LearnerStandings {
    private final DSLContext dsl;
    private final Clock clock;

    public JooqLearnerStandings(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Standing of(LearnerId learner) {
        Objects.requireNonNull(learner, "learner");
        var row = dsl.select(LEARNER_STATES.POINTS, LEARNER_STATES.SOLVED, LEARNER_STATES.STREAK_LAST_DAY,
                        LEARNER_STATES.STREAK_CURRENT, LEARNER_STATES.STREAK_LONGEST, LEARNER_STATES.BADGE_LEVEL,
                        LEARNER_BADGES.NAME, USERS.TIME_ZONE)
                .from(LEARNER_STATES)
                .join(USERS).on(USERS.ID.eq(LEARNER_STATES.USER_ID))
                .leftJoin(LEARNER_BADGES).on(LEARNER_BADGES.USER_ID.eq(LEARNER_STATES.USER_ID)
                        .and(LEARNER_BADGES.LEVEL.eq(LEARNER_STATES.BADGE_LEVEL)))
                .where(LEARNER_STATES.USER_ID.eq(learner.value()))
                .fetchOptional();
        if (row.isEmpty()) {
            return Standing.BEGINNER;
        }
        var r = row.get();
        var streak = new StreakState(Optional.ofNullable(r.value3()), r.value4(), r.value5());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(r.value8()));
        var rank = r.value7() == null ? Standing.BEGINNER.rank() : new Rank(r.value7(), r.value6());
        return new Standing(r.value1(), r.value2(), streak.currentOn(today), streak.longest(), rank);
    }
}
