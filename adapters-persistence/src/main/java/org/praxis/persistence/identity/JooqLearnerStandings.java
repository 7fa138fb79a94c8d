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
    private static final com.fasterxml.jackson.databind.ObjectMapper EXPORT_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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

    // One statement builds the whole document in PostgreSQL; json (not jsonb) keeps the key order.
    private static final String ACTIVITY = """
            select json_build_object(
              'totals', (select json_build_object('points', points, 'solved', solved, 'submissions', submissions,
                          'currentStreak', streak_current, 'longestStreak', streak_longest, 'lastActiveDay', streak_last_day,
                          'badgeLevel', badge_level) from learner_states where user_id = ?),
              'activeDays', (select coalesce(json_agg(day order by day), '[]') from active_days where user_id = ?),
              'enrolments', (select coalesce(json_agg(json_build_object('track', t.slug, 'enrolledAt', e.enrolled_at)
                          order by e.enrolled_at), '[]') from enrolments e join tracks t on t.id = e.track_id where e.user_id = ?),
              'progress', (select coalesce(json_agg(json_build_object('problem', p.slug, 'status', g.status, 'attempts', g.attempts,
                          'startedAt', g.started_at, 'firstAttemptAt', g.first_attempt_at, 'completedAt', g.completed_at,
                          'timeSpentMs', g.time_spent_ms, 'bestScore', g.best_score, 'pointsEarned', g.points_earned,
                          'hintsRevealed', g.hints_revealed) order by p.slug), '[]')
                          from problem_progress g join problems p on p.id = g.problem_id where g.user_id = ?),
              'submissions', (select coalesce(json_agg(json_build_object('id', s.id, 'problem', p.slug, 'version', s.problem_version,
                          'answer', s.answer, 'verdict', s.verdict, 'score', s.score, 'feedback', s.feedback,
                          'pointsAwarded', s.points_awarded, 'xpAwarded', s.xp_awarded, 'review', s.review,
                          'submittedAt', s.submitted_at) order by s.submitted_at, s.id), '[]')
                          from submissions s join problems p on p.id = s.problem_id where s.user_id = ?),
              'topicXp', (select coalesce(json_agg(json_build_object('topic', t.slug, 'xp', x.xp, 'level', x.level) order by t.slug), '[]')
                          from topic_xp x join topics t on t.id = x.topic_id where x.user_id = ?),
              'reviews', (select coalesce(json_agg(json_build_object('problem', p.slug, 'stage', r.stage, 'nextReviewOn', r.next_review_on,
                          'reviewCount', r.review_count) order by p.slug), '[]')
                          from review_items r join problems p on p.id = r.problem_id where r.user_id = ?),
              'achievements', (select coalesce(json_agg(json_build_object('code', code, 'earnedAt', earned_at) order by earned_at, code), '[]')
                          from learner_achievements where user_id = ?),
              'badges', (select coalesce(json_agg(json_build_object('level', level, 'name', name, 'earnedAt', earned_at) order by level), '[]')
                          from learner_badges where user_id = ?),
              'events', (select coalesce(json_agg(json_build_object('type', type, 'at', occurred_at, 'fields', payload)
                          order by occurred_at, submission_id, position), '[]') from learner_events where user_id = ?))
            """;

    @Override
    public java.util.Map<String, Object> activity(LearnerId learner) {
        var id = learner.value();
        var json = dsl.fetchValue(ACTIVITY, id, id, id, id, id, id, id, id, id, id);
        try {
            return EXPORT_JSON.readValue(String.valueOf(json),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the learning export is not JSON", e);
        }
    }
}
