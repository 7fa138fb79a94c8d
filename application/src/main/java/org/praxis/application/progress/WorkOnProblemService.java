package org.praxis.application.progress;

import java.time.Clock;
import java.util.Objects;
import java.util.TreeSet;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.Members;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.progress.port.in.WorkOnProblemUseCase;
import org.praxis.application.progress.port.out.LearnerStates;
import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.domain.curriculum.ModuleAccess;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.UnlockPolicy;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.ProblemProgress;

public final class WorkOnProblemService implements WorkOnProblemUseCase {
    private final PracticeProblems problems;
    private final LearnerStates learners;
    private final Transactions tx;
    private final Clock clock;

    public WorkOnProblemService(PracticeProblems problems, LearnerStates learners, Transactions tx, Clock clock) {
        this.problems = Objects.requireNonNull(problems);
        this.learners = Objects.requireNonNull(learners);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public MyProgress start(Actor actor, ProblemSlug slug) {
        var member = Members.require(actor);
        var problem = problems.openTo(actor, slug);
        return tx.inTransaction(() -> {
            learners.lock(member.id());
            requireUnlocked(member.id(), problem);
            var progress = learners.load(member.id(), problem).progress();
            var started = progress.start(clock.instant());
            if (!started.equals(progress)) {
                learners.saveProgress(started, problem.id());
            }
            return view(started);
        });
    }

    @Override
    public RevealedHint revealHint(Actor actor, ProblemSlug slug, int number) {
        var member = Members.require(actor);
        var problem = problems.openTo(actor, slug);
        var hints = problem.content().hints();
        if (number < 1 || number > hints.size()) {
            throw new NotFound("hint", "'" + slug + "' has " + hints.size() + " hint(s); there is no hint " + number + ".");
        }
        return tx.inTransaction(() -> {
            learners.lock(member.id());
            requireUnlocked(member.id(), problem);
            var progress = learners.load(member.id(), problem).progress();
            // A hint opens the session too: the learner is clearly working on the problem.
            var revealed = progress.start(clock.instant()).revealHint(number);
            if (!revealed.equals(progress)) {
                learners.saveProgress(revealed, problem.id());
            }
            var hint = hints.get(number - 1);
            return new RevealedHint(number, hint.text(), hint.penalty());
        });
    }

    /** Work on a problem of a locked module waits, as its submissions do (409 problem-locked). */
    private void requireUnlocked(org.praxis.domain.identity.LearnerId learner, PracticeProblems.PracticeProblem problem) {
        var access = UnlockPolicy.decide(problem.prerequisites(), learners.completedModules(learner));
        if (access instanceof ModuleAccess.Locked locked) {
            throw new Conflict("problem-locked", "'" + problem.slug() + "' unlocks when these modules are completed: "
                    + locked.missing().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")) + ".");
        }
    }

    private static MyProgress view(ProblemProgress p) {
        return new MyProgress(p.problem(), p.status(), p.attempts(), p.bestScore().value(), p.startedAt(), p.completedAt(),
                new TreeSet<>(p.hintsRevealed()));
    }

}
