package org.praxis.application.progress.testing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.application.progress.port.out.LearnerStates;
import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.ProblemProgress;
import org.praxis.domain.progress.SubmissionId;

/**
 * In-memory stand-ins for the learning loop's out-ports, so its services are tested without a
 * database. The learner's whole state is kept as the reducer returns it.
 */
public final class InMemoryLearning implements PracticeProblems, LearnerStates, Submissions, Boards {
    private final List<LearnerId> refreshed = new java.util.ArrayList<>();
    private final Map<ProblemSlug, PracticeProblem> problems = new HashMap<>();
    private final Map<LearnerId, LearnerState> states = new HashMap<>();
    private final Map<LearnerId, Set<ModuleSlug>> completedModules = new HashMap<>();
    private final Map<LearnerId, List<SubmissionView>> submissions = new HashMap<>();
    private final Map<String, KeyUse> keys = new HashMap<>();
    private final Map<String, Long> periodScores = new HashMap<>();
    private int locks;

    public void publish(PracticeProblem problem) {
        problems.put(problem.slug(), problem);
    }

    public void complete(LearnerId learner, ModuleSlug module) {
        completedModules.computeIfAbsent(learner, k -> new TreeSet<>()).add(module);
    }

    public int locks() {
        return locks;
    }

    public List<SubmissionView> submissionsOf(LearnerId learner) {
        return submissions.getOrDefault(learner, List.of());
    }

    public long periodScore(String board, String period, LearnerId learner) {
        return periodScores.getOrDefault(board + "/" + period + "/" + learner, 0L);
    }

    public Optional<LearnerState> stateOf(LearnerId learner) {
        return Optional.ofNullable(states.get(learner));
    }

    @Override
    public Optional<PracticeProblem> published(ProblemSlug slug) {
        return Optional.ofNullable(problems.get(slug));
    }

    @Override
    public AwardRules awardRules() {
        return new AwardRules(BadgeLadder.DEFAULT, new AchievementRules(List.of()));
    }

    @Override
    public ZoneId lock(LearnerId learner) {
        locks++;
        return ZoneId.of("UTC");
    }

    @Override
    public Snapshot lockAndLoad(LearnerId learner, PracticeProblem problem, Optional<String> key) {
        var zone = lock(learner);
        return new Snapshot(zone, key.flatMap(k -> byKey(learner, k)), completedModules(learner), load(learner, problem));
    }

    @Override
    public ZoneId zoneOf(LearnerId learner) {
        return ZoneId.of("UTC");
    }

    @Override
    public Set<ModuleSlug> completedModules(LearnerId learner) {
        return completedModules.getOrDefault(learner, Set.of());
    }

    @Override
    public LearnerState load(LearnerId learner, PracticeProblem problem) {
        var state = states.get(learner);
        if (state == null) {
            return LearnerState.fresh(learner, problem.slug());
        }
        var progress = state.progress().problem().equals(problem.slug()) ? state.progress()
                : ProblemProgress.notStarted(learner, problem.slug());
        return state.onProblem(progress, Optional.empty(), state.topicXp(), state.topicStatistics(), state.course());
    }

    @Override
    public void save(LearnerState before, Outcome outcome, PracticeProblem problem) {
        states.put(outcome.newState().learner(), outcome.newState());
        for (var event : outcome.eventsOf(DomainEvent.ModuleCompleted.class)) {
            complete(event.learner(), event.completion().module());
        }
    }

    @Override
    public void saveProgress(ProblemProgress progress, long problemId) {
        var state = states.getOrDefault(progress.learner(), LearnerState.fresh(progress.learner(), progress.problem()));
        states.put(progress.learner(), state.withProgress(progress));
    }

    @Override
    public Optional<KeyUse> byKey(LearnerId learner, String key) {
        return Optional.ofNullable(keys.get(learner + "/" + key));
    }

    @Override
    public void record(LearnerId learner, SubmissionView submission, long problemId, Optional<String> key, byte[] requestHash) {
        submissions.computeIfAbsent(learner, k -> new ArrayList<>()).add(submission);
        key.ifPresent(k -> keys.put(learner + "/" + k, new KeyUse(submission.id(), requestHash)));
    }

    @Override
    public Optional<SubmissionView> find(LearnerId learner, SubmissionId id) {
        return submissionsOf(learner).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public List<SubmissionView> history(LearnerId learner, Optional<ProblemSlug> problem, Optional<Cursor> after, int limit) {
        return submissionsOf(learner).stream()
                .filter(s -> problem.map(s.problem()::equals).orElse(true))
                .sorted(Comparator.comparing(SubmissionView::submittedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void credit(LearnerId learner, List<BoardKey.Period> periods, long points) {
        for (var period : periods) {
            periodScores.merge(period.board() + "/" + period.period() + "/" + learner, points, Long::sum);
        }
    }

    @Override
    public boolean exists(BoardKey board) {
        return true;
    }

    @Override
    public long size(BoardKey board) {
        return 0;
    }

    @Override
    public List<Entry> page(BoardKey board, int limit, int offset) {
        return List.of();
    }

    @Override
    public Optional<Position> positionOf(BoardKey board, LearnerId learner) {
        return Optional.empty();
    }

    @Override
    public void refresh(LearnerId learner) {
        refreshed.add(learner);
    }

    /** The learners whose board entries were asked to be read again, in order. */
    public List<LearnerId> refreshed() {
        return List.copyOf(refreshed);
    }
}
