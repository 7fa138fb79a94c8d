package org.praxis.domain.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.AchievementFacts;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.SolvedKey;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.gamification.Streaks;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.review.ReviewPolicy;
import org.praxis.domain.review.ReviewResult;
import org.praxis.domain.scoring.BestAwardPolicy;
import org.praxis.domain.scoring.PointsBreakdown;
import org.praxis.domain.scoring.TopicXp;

/**
 * The core reducer: one graded submission applied to a learner's state.
 * <pre>
 *   LearnerState + GradedAttempt + ScoringConfig + Instant + ZoneId -&gt; Outcome(newState, events)
 * </pre>
 * Pure and deterministic: no clock, no randomness, no I/O; the same input gives an equal output.
 * The local day of the submission is {@code LocalDate.ofInstant(at, zone)} with the learner's zone at
 * that moment; it decides the streak day, the XP band counter and review dates.
 *
 * <p>Steps, in the order their events appear:
 * <ol>
 *   <li>grade bookkeeping and points: the attempt scores {@link org.praxis.domain.scoring.PointsPolicy}
 *       points (time from the session start, penalties of the revealed hints); the total grows by the
 *       improvement over the problem's best only ({@link BestAwardPolicy});</li>
 *   <li>review: a first solve schedules the problem; on a completed problem a correct answer is a
 *       review (passed when due, early otherwise) and a wrong one a failed review; an ERROR verdict
 *       is no evidence either way and changes nothing here;</li>
 *   <li>XP: a first solve and a correct review earn the daily band's XP in the problem's topic (early
 *       reviews times {@code multiplierEarly}); a problem earns XP at most once per local day, so
 *       resubmitting a solved problem is not a way to farm XP;</li>
 *   <li>streak: any correct submission makes its local day active;</li>
 *   <li>module and track completion on a first solve;</li>
 *   <li>achievements (until no new one is earned, since a reward's points can meet another's rule),
 *       then badge ranks, each at most once.</li>
 * </ol>
 */
public final class Progression {

    private Progression() {
    }

    public static Outcome apply(LearnerState state, GradedAttempt attempt, ScoringConfig config, Instant at, ZoneId zone) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        ScoredProblem problem = config.problem();
        ProblemSlug slug = problem.slug();
        if (!attempt.problem().equals(slug) || !state.progress().problem().equals(slug)) {
            throw new IllegalArgumentException("state, attempt and config must be about the same problem; got "
                    + state.progress().problem() + ", " + attempt.problem() + ", " + slug);
        }
        Optional<TopicSlug> topic = problem.topic();
        if (state.topicXp().isPresent() && !topic.equals(Optional.of(state.topicXp().get().topic()))) {
            throw new IllegalArgumentException("the topic XP slice is not for the problem's topic " + topic);
        }
        if (state.topicStatistics().isPresent() && !topic.equals(Optional.of(state.topicStatistics().get().topic()))) {
            throw new IllegalArgumentException("the topic statistics slice is not for the problem's topic " + topic);
        }

        var run = new Run(state.totals());
        LocalDate day = Streaks.localDay(at, zone);
        Verdict verdict = attempt.verdict();
        boolean correct = verdict.isCorrect();

        // 1. points: the attempt's candidate, then only the improvement counts.
        ProblemProgress before = state.progress();
        // Time taken is known only for a session opened before the first attempt: when the first attempt
        // opened it, every later attempt would look instant and an unstarted solve could be "improved"
        // into the full time bonus by simply answering again.
        Optional<Duration> taken = before.startedAt()
                .filter(start -> before.firstAttemptAt().map(start::isBefore).orElse(true))
                .map(start -> before.timeTakenAt(at));
        int penalty = problem.hintPenalty(before.hintsRevealed());
        PointsBreakdown points = config.points().points(correct, problem.scoring(), taken, penalty);
        ProblemProgress after = before.recordAttempt(at, verdict, attempt.submission(), points.total());
        var change = new ProgressChange(before, after);
        BestAwardPolicy.Award award = BestAwardPolicy.award(before.pointsEarned(), points.total());
        boolean solvedNow = change.solvedNow();
        run.totals = state.totals().plus(award.awarded(), solvedNow ? 1 : 0, 1);
        run.emit(new DomainEvent.AnswerGraded(state.learner(), at, attempt.submission(), slug, verdict.outcome(), verdict.score(), points));
        if (solvedNow) {
            run.emit(new DomainEvent.ProblemSolved(state.learner(), at, attempt.submission(), slug, verdict.score(), after.attempts()));
        }
        if (change.bestScoreImproved()) {
            run.emit(new DomainEvent.BestScoreImproved(state.learner(), at, attempt.submission(), slug, before.bestScore(), after.bestScore()));
        }
        if (award.awarded() > 0) {
            run.emit(new DomainEvent.PointsAwarded(state.learner(), at, award.awarded(), run.totals.points(),
                    DomainEvent.PointsAwarded.Source.SOLUTION, Optional.of(slug), Optional.empty()));
        }

        // 2. review.
        var reviews = new ReviewPolicy(config.xp().reviewIntervals());
        Optional<ReviewItem> review = state.review();
        boolean earnsXp = false;
        boolean early = false;
        if (solvedNow) {
            ReviewItem item = reviews.firstSchedule(slug, day);
            review = Optional.of(item);
            earnsXp = true;
            run.emit(new DomainEvent.ReviewScheduled(state.learner(), at, slug, item.stage(), item.nextReviewOn()));
        } else if (before.isCompleted() && verdict.outcome() != Verdict.Outcome.ERROR) {
            // A problem completed before reviews existed gets the schedule its first solve would have had.
            ReviewItem item = review.orElseGet(() -> reviews.firstSchedule(slug, LocalDate.ofInstant(before.completedAt().orElseThrow(), zone)));
            boolean practisedToday = item.lastPracticedOn().equals(day);
            ReviewResult result = reviews.review(item, correct, day);
            review = Optional.of(result.after());
            switch (result.kind()) {
                case PASSED -> run.emit(new DomainEvent.ReviewPassed(state.learner(), at, slug, result.after().stage(),
                        result.after().nextReviewOn(), reviews.isMastered(result.after())));
                case FAILED -> run.emit(new DomainEvent.ReviewFailed(state.learner(), at, slug, result.after().nextReviewOn()));
                case EARLY -> early = true;
            }
            earnsXp = correct && !practisedToday;
        }

        // 3. XP and level in the problem's topic.
        Optional<TopicXp> topicXp = state.topicXp();
        LearnerStats stats = state.stats();
        if (earnsXp && topic.isPresent()) {
            TopicXp current = topicXp.orElseGet(() -> TopicXp.fresh(topic.get(), config.xp()));
            TopicXp.XpGain gain = current.gain(config.xp(), day, early);
            topicXp = Optional.of(gain.after());
            if (gain.gained() > 0) {
                run.emit(new DomainEvent.XpGained(state.learner(), at, topic.get(), slug, gain.gained(), gain.after().xp(),
                        gain.taskOfDay(), early));
            }
            for (int level = gain.before().level() + 1; level <= gain.after().level(); level++) {
                run.emit(new DomainEvent.LevelReached(state.learner(), at, topic.get(), level));
            }
            stats = stats.withLevel(topic.get(), gain.after().level());
        }
        Optional<TopicStatistics> topicStatistics = topic.map(t -> state.topicStatistics()
                .orElseGet(() -> TopicStatistics.empty(state.learner(), t))
                .recordAttempt(change, verdict, problem.difficulty(), attempt.runTime(), at));

        // 4. streak: a correct submission makes its local day active.
        StreakState streak = state.streak();
        if (correct) {
            StreakState.StreakUpdate update = streak.record(day);
            streak = update.after();
            switch (update.kind()) {
                case BROKEN_AND_RESTARTED -> {
                    run.emit(new DomainEvent.StreakBroken(state.learner(), at, update.before().lastActiveDay().orElseThrow(),
                            update.before().current()));
                    run.emit(new DomainEvent.StreakExtended(state.learner(), at, day, streak.current(), streak.longest()));
                }
                case STARTED, EXTENDED -> run.emit(new DomainEvent.StreakExtended(state.learner(), at, day, streak.current(), streak.longest()));
                case UNCHANGED -> { }
            }
        }

        // Achievement counters of a first solve.
        if (solvedNow) {
            OptionalLong seconds = taken.map(d -> OptionalLong.of(d.getSeconds())).orElse(OptionalLong.empty());
            boolean perfect = verdict.score().equals(Score.FULL) && before.hintsRevealed().isEmpty();
            stats = stats.solved(new SolvedKey(topic, problem.difficulty()), perfect, seconds);
        }

        // 5. module and track completion.
        CourseProgress course = state.course();
        if (solvedNow && problem.placement().isPresent()) {
            Placement placement = problem.placement().get();
            var moduleBefore = new HashMap<>(course.moduleProblems());
            moduleBefore.put(slug, before);
            var moduleAfter = new HashMap<>(course.moduleProblems());
            moduleAfter.put(slug, after);
            boolean wasComplete = ModuleCompletion.evaluate(placement.module(), placement.moduleProblems(), moduleBefore).isPresent();
            Optional<ModuleCompletion> completion = ModuleCompletion.evaluate(placement.module(), placement.moduleProblems(), moduleAfter);
            if (!wasComplete && completion.isPresent()) {
                run.emit(new DomainEvent.ModuleCompleted(state.learner(), at, completion.get(), placement.track()));
            }
            var trackDone = new HashSet<>(course.completedInTrack());
            trackDone.remove(slug);
            boolean trackWasComplete = TrackProgress.of(placement.track(), placement.trackProblems(), trackDone).isComplete();
            trackDone.add(slug);
            if (!trackWasComplete && TrackProgress.of(placement.track(), placement.trackProblems(), trackDone).isComplete()) {
                run.emit(new DomainEvent.TrackCompleted(state.learner(), at, placement.track()));
            }
            course = new CourseProgress(course.moduleProblems(), trackDone);
        }

        // 6. achievements, then badges: each at most once, because held ones are never evaluated again.
        var held = new TreeSet<>(state.achievements());
        while (true) {
            var facts = new AchievementFacts(run.totals.submissions(), run.totals.points(), run.totals.solved(), streak.longest(),
                    stats.solvedBy(), stats.perfectWithoutHints(), stats.fastestSolveSeconds(), stats.levelByTopic());
            List<Achievement> earned = config.achievements().newlyEarned(held, facts);
            if (earned.isEmpty()) {
                break;
            }
            for (Achievement achievement : earned) {
                held.add(achievement.code());
                run.emit(new DomainEvent.AchievementUnlocked(state.learner(), at, achievement));
                if (achievement.pointsReward() > 0) {
                    run.totals = run.totals.plus(achievement.pointsReward(), 0, 0);
                    run.emit(new DomainEvent.PointsAwarded(state.learner(), at, achievement.pointsReward(), run.totals.points(),
                            DomainEvent.PointsAwarded.Source.ACHIEVEMENT, Optional.empty(), Optional.<AchievementCode>of(achievement.code())));
                }
            }
        }
        int badgeLevel = state.badgeLevel();
        for (BadgeRank rank : config.badges().newlyReached(badgeLevel, run.totals.points(), run.totals.solved())) {
            run.emit(new DomainEvent.BadgeEarned(state.learner(), at, rank));
            badgeLevel = Math.max(badgeLevel, rank.level());
        }

        var newState = new LearnerState(state.learner(), run.totals, after, review, topicXp, topicStatistics, streak, badgeLevel, held,
                stats, course);
        return new Outcome(newState, run.events);
    }

    /** The parts of the result built up step by step. */
    private static final class Run {
        final List<DomainEvent> events = new ArrayList<>();
        LearnerTotals totals;

        Run(LearnerTotals totals) {
            this.totals = totals;
        }

        void emit(DomainEvent event) {
            events.add(event);
        }
    }
}
