package org.praxis.application.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.CourseProgress;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.GradedAttempt;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.LearnerStats;
import org.praxis.domain.progress.LearnerTotals;
import org.praxis.domain.progress.ModuleCompletion;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.ProblemProgress;
import org.praxis.domain.progress.Progression;
import org.praxis.domain.progress.ScoringConfig;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.progress.TopicStatistics;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.TopicXp;

/**
 * One learner's whole state in memory, fed one graded submission after another through the domain's
 * reducer exactly as {@code SubmitAnswerService.applyGraded} does: the slices it loads are assembled from
 * this state as {@code JooqLearnerStates.load} assembles them from rows, and what {@code save},
 * {@code Boards.credit} and {@code Submissions.record} would write is kept, to be written in bulk.
 */
final class SampleLearner {
    private final LearnerId id;
    private final ZoneId zone;
    private final SamplePeriods weeks;
    private final SamplePeriods months;

    private LearnerTotals totals = LearnerTotals.ZERO;
    private StreakState streak = StreakState.NONE;
    private int badgeLevel;
    private final TreeSet<AchievementCode> achievements = new TreeSet<>();
    private LearnerStats stats = LearnerStats.EMPTY;
    private Instant updatedAt;
    private final Map<ProblemSlug, SampleData.Progress> progress = new LinkedHashMap<>();
    private final Map<ProblemSlug, SampleData.Review> reviews = new LinkedHashMap<>();
    private final Map<TopicSlug, TopicXp> topicXp = new LinkedHashMap<>();
    private final Map<TopicSlug, TopicStatistics> topicStatistics = new LinkedHashMap<>();
    private final Map<AchievementCode, Instant> earned = new LinkedHashMap<>();
    private final TreeSet<LocalDate> activeDays = new TreeSet<>();
    private final List<SampleData.Badge> badges = new ArrayList<>();
    private final Map<ModuleSlug, ModuleCompletion> modules = new LinkedHashMap<>();
    private final Map<TrackSlug, Instant> tracks = new LinkedHashMap<>();
    private final Map<Boards.BoardKey.Period, Long> boards = new LinkedHashMap<>();
    private final List<SampleData.Submitted> submissions = new ArrayList<>();

    /** {@code weeks} and {@code months}: the board zone's periods, as {@code Boards.credit} finds them. */
    SampleLearner(LearnerId id, ZoneId zone, SamplePeriods weeks, SamplePeriods months) {
        this.id = id;
        this.zone = zone;
        this.weeks = weeks;
        this.months = months;
    }

    Set<ModuleSlug> completedModules() {
        return modules.keySet();
    }

    boolean hasCompleted(ProblemSlug problem) {
        var p = progress.get(problem);
        return p != null && p.progress().isCompleted();
    }

    List<ProblemSlug> completedProblems() {
        return progress.values().stream().filter(p -> p.progress().isCompleted()).map(p -> p.progress().problem()).toList();
    }

    int submitted() {
        return submissions.size();
    }

    /**
     * One graded answer, as the service applies it (same scoring configuration, same writes); the
     * configuration is the problem's, made once per load rather than per submission.
     */
    void submit(PracticeProblem problem, ScoringConfig config, SampleData.Answer answer, SubmissionId submission, Instant submittedAt) {
        var at = submittedAt.truncatedTo(ChronoUnit.MICROS);
        var before = load(problem);
        var attempt = GradedAttempt.of(submission, problem.slug(), answer.graded().verdict());
        var outcome = Progression.apply(before, attempt, config, at, zone);
        save(before, outcome, problem, at);
        long credited = 0;
        for (var event : outcome.events()) {
            if (event instanceof DomainEvent.PointsAwarded awarded) {
                credited += awarded.points();
            }
        }
        if (credited > 0) {
            boards.merge(new Boards.BoardKey.Period("weekly", weeks.key(at)), credited, Long::sum);
            boards.merge(new Boards.BoardKey.Period("monthly", months.key(at)), credited, Long::sum);
        }
        var after = outcome.newState();
        submissions.add(new SampleData.Submitted(submission, answer, before.progress().isCompleted(), outcome.pointsAwarded(),
                outcome.xpAwarded(),
                new SubmissionView.Progress(after.progress().status(), after.progress().attempts(), after.progress().bestScore().value()),
                new SubmissionView.Totals(after.totals().points(), after.totals().solved(), after.streak().current(), after.streak().longest()),
                outcome.events(), at));
    }

    private LearnerState load(PracticeProblem problem) {
        var slug = problem.slug();
        var current = Optional.ofNullable(progress.get(slug)).map(SampleData.Progress::progress)
                .orElse(ProblemProgress.notStarted(id, slug));
        var review = Optional.ofNullable(reviews.get(slug)).map(SampleData.Review::item);
        TopicSlug topic = problem.content().topic();
        return new LearnerState(id, totals, current, review, Optional.ofNullable(topicXp.get(topic)),
                Optional.ofNullable(topicStatistics.get(topic)), streak, badgeLevel, achievements, stats, course(problem));
    }

    private CourseProgress course(PracticeProblem problem) {
        if (problem.placement().isEmpty()) {
            return CourseProgress.NONE;
        }
        var placement = problem.placement().get();
        var moduleProblems = new HashMap<ProblemSlug, ProblemProgress>();
        for (var other : placement.moduleProblems()) {
            if (!other.equals(problem.slug())) {
                moduleProblems.put(other, Optional.ofNullable(progress.get(other)).map(SampleData.Progress::progress)
                        .orElse(ProblemProgress.notStarted(id, other)));
            }
        }
        var completedInTrack = new HashSet<ProblemSlug>();
        for (var other : placement.trackProblems()) {
            if (!other.equals(problem.slug()) && hasCompleted(other)) {
                completedInTrack.add(other);
            }
        }
        return new CourseProgress(moduleProblems, completedInTrack);
    }

    private void save(LearnerState before, Outcome outcome, PracticeProblem problem, Instant at) {
        var after = outcome.newState();
        totals = after.totals();
        badgeLevel = after.badgeLevel();
        stats = after.stats();
        updatedAt = at;
        if (!after.progress().equals(before.progress())) {
            progress.put(problem.slug(), new SampleData.Progress(after.progress(), problem.id(), at));
        }
        if (after.review().isPresent() && !after.review().equals(before.review())) {
            reviews.put(problem.slug(), new SampleData.Review(after.review().get(), problem.id()));
        }
        after.topicXp().ifPresent(x -> topicXp.put(x.topic(), x));
        after.topicStatistics().ifPresent(s -> topicStatistics.put(s.topic(), s));
        for (var code : after.achievements()) {
            if (achievements.add(code)) {
                earned.put(code, at);
            }
        }
        if (after.streak().lastActiveDay().isPresent() && !after.streak().lastActiveDay().equals(before.streak().lastActiveDay())) {
            activeDays.add(after.streak().lastActiveDay().get());
        }
        streak = after.streak();
        for (var event : outcome.events()) {
            if (event instanceof DomainEvent.BadgeEarned e) {
                if (badges.stream().noneMatch(b -> b.rank().level() == e.rank().level())) {
                    badges.add(new SampleData.Badge(e.rank(), e.at()));
                }
            } else if (event instanceof DomainEvent.ModuleCompleted e) {
                modules.putIfAbsent(e.completion().module(), e.completion());
            } else if (event instanceof DomainEvent.TrackCompleted e) {
                tracks.putIfAbsent(e.track(), e.at());
            }
        }
    }

    /** The learner with everything written for them; no state row when they never submitted (no lock was taken). */
    SampleData.Learner finish(String username, Instant joinedAt, Map<TrackSlug, Instant> enrolments) {
        SampleData.State state = submissions.isEmpty() ? null
                : new SampleData.State(totals, streak, badgeLevel, stats, updatedAt, List.copyOf(progress.values()),
                        List.copyOf(reviews.values()), Map.copyOf(topicXp), Map.copyOf(topicStatistics), earned,
                        new TreeSet<>(activeDays), badges, List.copyOf(modules.values()), tracks, boards);
        return new SampleData.Learner(id, username, zone, joinedAt, enrolments, submissions, state);
    }
}
