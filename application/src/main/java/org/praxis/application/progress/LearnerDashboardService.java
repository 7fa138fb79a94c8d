package org.praxis.application.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.praxis.application.common.Members;
import org.praxis.application.common.Transactions;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase;
import org.praxis.application.progress.port.out.LearnerOverviews;
import org.praxis.application.progress.port.out.LearnerStates;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.UnlockPolicy;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.TrackProgress;

public final class LearnerDashboardService implements LearnerDashboardUseCase {
    private static final int RECENT = 5;

    private final LearnerOverviews overviews;
    private final LearnerStates learners;
    private final Submissions submissions;
    private final Transactions tx;
    private final Clock clock;

    public LearnerDashboardService(LearnerOverviews overviews, LearnerStates learners, Submissions submissions,
            Transactions tx, Clock clock) {
        this.overviews = Objects.requireNonNull(overviews);
        this.learners = Objects.requireNonNull(learners);
        this.submissions = Objects.requireNonNull(submissions);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Dashboard dashboard(Actor actor) {
        var me = Members.require(actor).id();
        return tx.inTransaction(() -> {
            var tracks = overviews.enrolledTracks(me);
            var completed = overviews.completedProblems(me);
            var modulesDone = overviews.completedModules(me);
            var doneSlugs = modulesDone.stream().map(CompletedModule::module).collect(Collectors.toSet());
            var enrolments = new ArrayList<Enrolment>();
            for (var track : tracks) {
                var problems = track.modules().stream().flatMap(m -> m.problems().stream()).map(LearnerOverviews.ProblemRef::slug).toList();
                var progress = TrackProgress.of(track.track(), problems, completed);
                var modulesOfTrack = track.modules().stream().map(LearnerOverviews.ModuleOutline::module).collect(Collectors.toSet());
                enrolments.add(new Enrolment(track.track(), track.title(), track.enrolledAt(), progress.percent(),
                        progress.completed(), progress.total(),
                        modulesDone.stream().filter(m -> modulesOfTrack.contains(m.module())).toList()));
            }
            var recent = submissions.history(me, Optional.empty(), Optional.empty(), RECENT).stream()
                    .map(s -> new RecentSubmission(s.id(), s.problem(), s.verdict(), s.score(), s.pointsAwarded(), s.submittedAt()))
                    .toList();
            return new Dashboard(enrolments, continueAt(tracks, completed, doneSlugs), due(me), recent,
                    overviews.topicStatistics(me));
        });
    }

    @Override
    public List<DueReview> dueReviews(Actor actor) {
        var me = Members.require(actor).id();
        return tx.inTransaction(() -> due(me));
    }

    private List<DueReview> due(LearnerId me) {
        var zone = learners.zoneOf(me);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return overviews.dueReviews(me, today).stream()
                .sorted(Comparator.comparing(DueReview::dueOn).thenComparing(r -> r.problem().value()))
                .toList();
    }

    /** The first unsolved problem, in course order, of a module the learner may open, latest enrolment first. */
    private static Optional<ContinueAt> continueAt(List<LearnerOverviews.EnrolledTrack> tracks, Set<ProblemSlug> completed,
            Set<ModuleSlug> modulesDone) {
        return tracks.stream()
                .sorted(Comparator.comparing(LearnerOverviews.EnrolledTrack::enrolledAt).reversed())
                .flatMap(track -> track.modules().stream()
                        .filter(m -> UnlockPolicy.decide(m.prerequisites(), modulesDone).isUnlocked())
                        .flatMap(m -> m.problems().stream()
                                .filter(p -> !completed.contains(p.slug()))
                                .map(p -> new ContinueAt(track.track(), m.module(), p.slug(), p.title()))))
                .findFirst();
    }
}
