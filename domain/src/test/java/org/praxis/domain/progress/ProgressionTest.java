package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;
import org.praxis.domain.gamification.SolvedKey;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.PointsBreakdown;
import org.praxis.domain.scoring.PointsPolicy;
import org.praxis.domain.scoring.ProblemScoring;
import org.praxis.domain.scoring.TopicXp;
import org.praxis.domain.scoring.XpSettings;

class ProgressionTest {

    static final LearnerId ANA = new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TopicSlug JOINS = new TopicSlug("joins");
    static final ProblemSlug INNER = new ProblemSlug("inner-join");
    // Monday 16 November 2026, 10:00 in Berlin
    static final Instant MONDAY_10 = Instant.parse("2026-11-16T09:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    static ScoredProblem problem(ProblemSlug slug) {
        return new ScoredProblem(slug, Difficulty.BEGINNER, Optional.of(JOINS), new ProblemScoring(100, 50, 300), List.of(10, 20),
                Optional.empty());
    }

    static ScoringConfig config(ProblemSlug slug) {
        return ScoringConfig.defaults(problem(slug));
    }

    static GradedAttempt correct(String id, ProblemSlug slug) {
        return new GradedAttempt(new SubmissionId(new UUID(1, id.hashCode())), slug, Verdict.correct("well done", List.of()), Optional.empty());
    }

    static GradedAttempt incorrect(String id, ProblemSlug slug, int score) {
        return new GradedAttempt(new SubmissionId(new UUID(2, id.hashCode())), slug, Verdict.incorrect(new Score(score), "no", List.of()),
                Optional.empty());
    }

    static GradedAttempt error(String id, ProblemSlug slug) {
        return new GradedAttempt(new SubmissionId(new UUID(3, id.hashCode())), slug, Verdict.error("timed out"), Optional.empty());
    }

    static LearnerState startedOn(ProblemSlug slug, Instant at) {
        var fresh = LearnerState.fresh(ANA, slug);
        return fresh.onProblem(fresh.progress().start(at), Optional.empty(), Optional.empty(), Optional.empty(), CourseProgress.NONE);
    }

    static List<String> types(Outcome outcome) {
        return outcome.events().stream().map(DomainEvent::type).toList();
    }

    @Test
    void firstCorrectSolutionScoresEverything() {
        Outcome out = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(120), BERLIN);

        assertEquals(List.of("answerGraded", "problemSolved", "bestScoreImproved", "pointsAwarded", "reviewScheduled", "xpGained",
                "streakExtended", "achievementUnlocked", "achievementUnlocked", "achievementUnlocked", "badgeEarned"), types(out));
        assertEquals(new PointsBreakdown(100, 50, 0, 150), out.eventsOf(DomainEvent.AnswerGraded.class).get(0).points());
        assertEquals(150, out.pointsAwarded());
        assertEquals(10, out.xpAwarded());
        assertEquals(new LearnerTotals(150, 1, 1), out.totals());
        LearnerState s = out.newState();
        assertEquals(ProgressStatus.COMPLETED, s.progress().status());
        assertEquals(150, s.progress().pointsEarned());
        assertEquals(new TopicXp(JOINS, 10, 1, Optional.of(MONDAY), 1), s.topicXp().orElseThrow());
        assertEquals(new ReviewItem(INNER, 0, MONDAY.plusDays(1), 0, MONDAY), s.review().orElseThrow());
        assertEquals(new StreakState(Optional.of(MONDAY), 1, 1), s.streak());
        assertEquals(Set.of("first_submission", "first_solve", "perfect_score"),
                s.achievements().stream().map(AchievementCode::value).collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, s.badgeLevel());
        assertEquals("Beginner", out.eventsOf(DomainEvent.BadgeEarned.class).get(0).rank().name());
        assertEquals(Map.of(new SolvedKey(Optional.of(JOINS), Difficulty.BEGINNER), 1), s.stats().solvedBy());
        assertEquals(OptionalLong.of(120), s.stats().fastestSolveSeconds());
        assertEquals(1, s.topicStatistics().orElseThrow().problemsSolved());
    }

    @Test
    void secondCorrectSubmissionAddsNothing() {
        Outcome first = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(120), BERLIN);
        Outcome second = Progression.apply(first.newState(), correct("s2", INNER), config(INNER), MONDAY_10.plusSeconds(180), BERLIN);

        assertEquals(List.of("answerGraded"), types(second));
        assertEquals(0, second.pointsAwarded());
        assertEquals(0, second.xpAwarded());
        assertEquals(new LearnerTotals(150, 1, 2), second.totals());
        assertEquals(150, second.newState().progress().pointsEarned());
        // the same-day resubmission is an early review: counted, schedule unchanged, no XP
        assertEquals(new ReviewItem(INNER, 0, MONDAY.plusDays(1), 1, MONDAY), second.newState().review().orElseThrow());
        assertEquals(10, second.newState().topicXp().orElseThrow().xp());
    }

    @Test
    void improvingAProblemsBestAddsOnlyTheDifference() {
        var cheap = new ScoringConfig(problem(INNER).withScoring(new ProblemScoring(100, 0, 300)), XpSettings.DEFAULT, PointsPolicy.DEFAULT,
                BadgeLadder.DEFAULT, new AchievementRules(List.of()));
        var richer = new ScoringConfig(problem(INNER).withScoring(new ProblemScoring(130, 0, 300)), XpSettings.DEFAULT, PointsPolicy.DEFAULT,
                BadgeLadder.DEFAULT, new AchievementRules(List.of()));
        Outcome first = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), cheap, MONDAY_10.plusSeconds(60), BERLIN);
        Outcome second = Progression.apply(first.newState(), correct("s2", INNER), richer, MONDAY_10.plusSeconds(90), BERLIN);
        assertEquals(30, second.pointsAwarded());
        assertEquals(130, second.totals().points());
        var award = second.eventsOf(DomainEvent.PointsAwarded.class).get(0);
        assertEquals(30, award.points());
        assertEquals(130, award.total());
    }

    @Test
    void hintPenaltiesAndSlownessAreTakenOffThePoints() {
        LearnerState state = startedOn(INNER, MONDAY_10);
        state = state.onProblem(state.progress().revealHint(2), Optional.empty(), Optional.empty(), Optional.empty(), CourseProgress.NONE);
        // 600 s against a 300 s estimate: bonus 25; hint 2 costs 20
        Outcome out = Progression.apply(state, correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(600), BERLIN);
        assertEquals(new PointsBreakdown(100, 25, 20, 105), out.eventsOf(DomainEvent.AnswerGraded.class).get(0).points());
        assertEquals(105, out.pointsAwarded());
        assertFalse(out.newState().holds(new AchievementCode("perfect_score")), "a hint was used");
    }

    @Test
    void withoutASessionThereIsNoTimeBonus() {
        Outcome out = Progression.apply(LearnerState.fresh(ANA, INNER), correct("s1", INNER), config(INNER), MONDAY_10, BERLIN);
        assertEquals(100, out.pointsAwarded());
        assertEquals(OptionalLong.empty(), out.newState().stats().fastestSolveSeconds());
    }

    @Test
    void answeringAgainCannotTurnAnUnstartedSolveIntoTheTimeBonus() {
        // The first attempt opens the session itself; a second, "instant" answer must not look fast.
        Outcome first = Progression.apply(LearnerState.fresh(ANA, INNER), correct("s1", INNER), config(INNER), MONDAY_10, BERLIN);
        Outcome again = Progression.apply(first.newState(), correct("s2", INNER), config(INNER), MONDAY_10, BERLIN);
        assertEquals(100, first.pointsAwarded());
        assertEquals(0, again.pointsAwarded());
        assertEquals(100, again.newState().totals().points());
    }

    @Test
    void aSessionStartedBeforeTheFirstAttemptKeepsTimingLaterAttempts() {
        var started = startedOn(INNER, MONDAY_10);
        Outcome wrong = Progression.apply(started, incorrect("s1", INNER, 0), config(INNER), MONDAY_10.plusSeconds(100), BERLIN);
        Outcome right = Progression.apply(wrong.newState(), correct("s2", INNER), config(INNER), MONDAY_10.plusSeconds(200), BERLIN);
        assertEquals(150, right.pointsAwarded(), "200 s is within the 300 s estimate: the whole bonus");
    }

    @Test
    void wrongAnswersScoreNothingAndKeepNoStreak() {
        Outcome out = Progression.apply(startedOn(INNER, MONDAY_10), incorrect("s1", INNER, 40), config(INNER), MONDAY_10.plusSeconds(30), BERLIN);
        assertEquals(List.of("answerGraded", "bestScoreImproved", "achievementUnlocked", "badgeEarned"), types(out));
        assertEquals(0, out.pointsAwarded());
        assertEquals(0, out.xpAwarded());
        assertEquals(new LearnerTotals(0, 0, 1), out.totals());
        assertEquals(StreakState.NONE, out.newState().streak());
        assertEquals(Optional.empty(), out.newState().review());
        assertEquals(ProgressStatus.IN_PROGRESS, out.newState().progress().status());
    }

    @Test
    void aDueReviewPassedTheNextDayAdvancesAndEarnsTheFullBand() {
        Outcome solve = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(120), BERLIN);
        Outcome review = Progression.apply(solve.newState(), correct("s2", INNER), config(INNER), MONDAY_10.plus(Duration.ofDays(1)), BERLIN);
        assertEquals(List.of("answerGraded", "reviewPassed", "xpGained", "streakExtended"), types(review));
        var passed = review.eventsOf(DomainEvent.ReviewPassed.class).get(0);
        assertEquals(1, passed.stage());
        assertEquals(MONDAY.plusDays(4), passed.nextDueOn());
        assertEquals(10, review.xpAwarded());
        assertEquals(0, review.pointsAwarded());
        assertEquals(2, review.eventsOf(DomainEvent.StreakExtended.class).get(0).current());
    }

    @Test
    void anEarlyReviewEarnsMultiplierEarlyAndKeepsTheSchedule() {
        LearnerState solved = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10, BERLIN).newState();
        var item = new ReviewItem(INNER, 1, MONDAY.plusDays(4), 1, MONDAY.plusDays(1));
        LearnerState state = solved.onProblem(solved.progress(), Optional.of(item), solved.topicXp(), solved.topicStatistics(), CourseProgress.NONE);
        Outcome out = Progression.apply(state, correct("s2", INNER), config(INNER), MONDAY_10.plus(Duration.ofDays(2)), BERLIN);
        assertEquals(5, out.xpAwarded()); // 10 * 1.00 * 0.50
        assertTrue(out.eventsOf(DomainEvent.XpGained.class).get(0).earlyReview());
        assertEquals(new ReviewItem(INNER, 1, MONDAY.plusDays(4), 2, MONDAY.plusDays(2)), out.newState().review().orElseThrow());
        assertTrue(out.eventsOf(DomainEvent.ReviewPassed.class).isEmpty());
    }

    @Test
    void aWrongReviewSendsTheProblemBackToStageZero() {
        LearnerState solved = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10, BERLIN).newState();
        var item = new ReviewItem(INNER, 3, MONDAY.plusDays(20), 3, MONDAY.plusDays(6));
        LearnerState state = solved.onProblem(solved.progress(), Optional.of(item), solved.topicXp(), solved.topicStatistics(), CourseProgress.NONE);
        Outcome out = Progression.apply(state, incorrect("s2", INNER, 10), config(INNER), MONDAY_10.plus(Duration.ofDays(10)), BERLIN);
        assertEquals(List.of("answerGraded", "reviewFailed"), types(out));
        assertEquals(new ReviewItem(INNER, 0, MONDAY.plusDays(11), 4, MONDAY.plusDays(6)), out.newState().review().orElseThrow());
        assertEquals(ProgressStatus.COMPLETED, out.newState().progress().status(), "a wrong review never un-solves a problem");
    }

    @Test
    void anErrorVerdictIsNotAFailedReview() {
        LearnerState solved = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER), MONDAY_10, BERLIN).newState();
        Outcome out = Progression.apply(solved, error("s2", INNER), config(INNER), MONDAY_10.plus(Duration.ofDays(1)), BERLIN);
        assertEquals(List.of("answerGraded"), types(out));
        assertEquals(solved.review(), out.newState().review());
    }

    @Test
    void theSixthTaskOfTheDayInATopicEarnsHalfAndTheFifthReachesLevelTwo() {
        LearnerState state = LearnerState.fresh(ANA, new ProblemSlug("p1"));
        List<Integer> xp = new java.util.ArrayList<>();
        List<Integer> levelsReached = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            var slug = new ProblemSlug("p" + i);
            state = state.onProblem(ProblemProgress.notStarted(ANA, slug), Optional.empty(), state.topicXp(), state.topicStatistics(),
                    CourseProgress.NONE);
            Outcome out = Progression.apply(state, correct("s" + i, slug), config(slug), MONDAY_10.plusSeconds(60L * i), BERLIN);
            xp.add(out.xpAwarded());
            out.eventsOf(DomainEvent.LevelReached.class).forEach(e -> levelsReached.add(e.level()));
            state = out.newState();
        }
        assertEquals(List.of(10, 10, 10, 10, 10, 5), xp);
        assertEquals(List.of(2), levelsReached);
        assertEquals(new TopicXp(JOINS, 55, 2, Optional.of(MONDAY), 6), state.topicXp().orElseThrow());
        assertEquals(2, state.stats().levelByTopic().get(JOINS));
    }

    @Test
    void comingBackAfterAMissedDayBreaksTheStreak() {
        LearnerState state = startedOn(INNER, MONDAY_10);
        state = new LearnerState(ANA, state.totals(), state.progress(), Optional.empty(), Optional.empty(), Optional.empty(),
                new StreakState(Optional.of(MONDAY.minusDays(2)), 4, 7), 0, new TreeSet<>(), LearnerStats.EMPTY, CourseProgress.NONE);
        Outcome out = Progression.apply(state, correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(10), BERLIN);
        var broken = out.eventsOf(DomainEvent.StreakBroken.class).get(0);
        assertEquals(MONDAY.minusDays(2), broken.lastActiveDay());
        assertEquals(4, broken.length());
        var extended = out.eventsOf(DomainEvent.StreakExtended.class).get(0);
        assertEquals(1, extended.current());
        assertEquals(7, extended.longest());
    }

    @Test
    void theLearnersZoneAtSubmissionTimeDecidesTheDay() {
        // 23:30 Sunday in New York is Monday in Berlin
        Instant at = Instant.parse("2026-11-16T04:30:00Z");
        LearnerState state = LearnerState.fresh(ANA, INNER);
        assertEquals(LocalDate.of(2026, 11, 15),
                Progression.apply(state, correct("s1", INNER), config(INNER), at, ZoneId.of("America/New_York")).newState().streak()
                        .lastActiveDay().orElseThrow());
        assertEquals(MONDAY, Progression.apply(state, correct("s1", INNER), config(INNER), at, BERLIN).newState().streak()
                .lastActiveDay().orElseThrow());
    }

    @Test
    void aJumpOverTwoRanksEarnsBoth() {
        LearnerState state = startedOn(INNER, MONDAY_10);
        state = new LearnerState(ANA, new LearnerTotals(2400, 24, 30), state.progress(), Optional.empty(), Optional.empty(), Optional.empty(),
                StreakState.NONE, 1, new TreeSet<>(), LearnerStats.EMPTY, CourseProgress.NONE);
        Outcome out = Progression.apply(state, correct("s1", INNER), ScoringConfig.defaults(problem(INNER)).withAchievements(new AchievementRules(List.of())),
                MONDAY_10.plusSeconds(10), BERLIN);
        assertEquals(List.of("Apprentice", "Intermediate"),
                out.eventsOf(DomainEvent.BadgeEarned.class).stream().map(e -> e.rank().name()).toList());
        assertEquals(3, out.newState().badgeLevel());
    }

    @Test
    void achievementRewardsCountAndCanUnlockFurtherAchievements() {
        var generous = new Achievement(new AchievementCode("welcome"), "Welcome", new Criterion.FirstSubmission(), Rarity.COMMON, 900);
        var thousand = new Achievement(new AchievementCode("thousand"), "A thousand", new Criterion.PointsTotal(1000), Rarity.RARE, 0);
        var rules = new AchievementRules(List.of(thousand, generous));
        Outcome out = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), config(INNER).withAchievements(rules),
                MONDAY_10.plusSeconds(10), BERLIN);
        assertEquals(List.of("welcome", "thousand"),
                out.eventsOf(DomainEvent.AchievementUnlocked.class).stream().map(e -> e.achievement().code().value()).toList());
        assertEquals(150, out.pointsAwarded(), "the solution's points only");
        assertEquals(1050, out.totals().points());
        var reward = out.eventsOf(DomainEvent.PointsAwarded.class).get(1);
        assertEquals(DomainEvent.PointsAwarded.Source.ACHIEVEMENT, reward.source());
        assertEquals(Optional.of(new AchievementCode("welcome")), reward.achievement());
    }

    @Test
    void solvingTheLastProblemCompletesTheModuleAndTheTrack() {
        var p1 = new ProblemSlug("p1");
        var p2 = new ProblemSlug("p2");
        var p3 = new ProblemSlug("p3");
        var placement = new Placement(new ModuleSlug("basics"), List.of(p1, p2), new TrackSlug("sql"), List.of(p1, p2, p3));
        ProblemProgress p2Done = ProblemProgress.notStarted(ANA, p2).start(MONDAY_10.minusSeconds(900))
                .recordAttempt(MONDAY_10.minusSeconds(600), Verdict.correct("", List.of()), new SubmissionId(new UUID(9, 9)), 150);
        LearnerState state = startedOn(p1, MONDAY_10);
        state = state.onProblem(state.progress(), Optional.empty(), Optional.empty(), Optional.empty(),
                new CourseProgress(Map.of(p2, p2Done), Set.of(p2, p3)));
        var cfg = ScoringConfig.defaults(problem(p1).placedIn(placement));
        Outcome out = Progression.apply(state, correct("s1", p1), cfg, MONDAY_10.plusSeconds(120), BERLIN);
        var module = out.eventsOf(DomainEvent.ModuleCompleted.class);
        assertEquals(1, module.size());
        assertEquals(new ModuleSlug("basics"), module.get(0).completion().module());
        assertEquals(300, module.get(0).completion().points());
        assertEquals(MONDAY_10.plusSeconds(120), module.get(0).completion().completedAt());
        assertEquals(1, out.eventsOf(DomainEvent.TrackCompleted.class).size());
        assertEquals(Set.of(p1, p2, p3), out.newState().course().completedInTrack());
    }

    @Test
    void theModuleIsNotCompleteWhileAnotherProblemIsOpen() {
        var p1 = new ProblemSlug("p1");
        var p2 = new ProblemSlug("p2");
        var placement = new Placement(new ModuleSlug("basics"), List.of(p1, p2), new TrackSlug("sql"), List.of(p1, p2));
        var cfg = ScoringConfig.defaults(problem(p1).placedIn(placement));
        Outcome out = Progression.apply(startedOn(p1, MONDAY_10), correct("s1", p1), cfg, MONDAY_10.plusSeconds(120), BERLIN);
        assertTrue(out.eventsOf(DomainEvent.ModuleCompleted.class).isEmpty());
        assertTrue(out.eventsOf(DomainEvent.TrackCompleted.class).isEmpty());
        assertEquals(Set.of(p1), out.newState().course().completedInTrack());
    }

    @Test
    void aProblemWithoutATopicEarnsPointsButNoXp() {
        var plain = new ScoredProblem(INNER, Difficulty.EXPERT, Optional.empty(), new ProblemScoring(100, 50, 300), List.of(), Optional.empty());
        Outcome out = Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", INNER), ScoringConfig.defaults(plain), MONDAY_10, BERLIN);
        assertEquals(150, out.pointsAwarded());
        assertEquals(0, out.xpAwarded());
        assertEquals(Optional.empty(), out.newState().topicXp());
        assertTrue(out.newState().review().isPresent(), "still reviewed");
    }

    @Test
    void sameInputGivesTheSameOutput() {
        LearnerState state = startedOn(INNER, MONDAY_10);
        Outcome a = Progression.apply(state, correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(400), BERLIN);
        Outcome b = Progression.apply(state, correct("s1", INNER), config(INNER), MONDAY_10.plusSeconds(400), BERLIN);
        assertEquals(a, b);
    }

    @Test
    void stateAttemptAndConfigMustBeAboutTheSameProblem() {
        var other = new ProblemSlug("other");
        assertThrows(IllegalArgumentException.class,
                () -> Progression.apply(startedOn(INNER, MONDAY_10), correct("s1", other), config(INNER), MONDAY_10, BERLIN));
    }
}
