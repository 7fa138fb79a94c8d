package org.praxis.application.progress;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.common.Members;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.progress.port.in.GradingJobsUseCase;
import org.praxis.application.progress.port.out.GradingJobs;
import org.praxis.application.progress.port.out.Submissions;

/** A learner's grading jobs, for polling after a 202. */
public final class GradingJobsService implements GradingJobsUseCase {
    private final GradingJobs jobs;
    private final Submissions submissions;
    private final Boards boards;
    private final Transactions tx;

    public GradingJobsService(GradingJobs jobs, Submissions submissions, Boards boards, Transactions tx) {
        this.jobs = Objects.requireNonNull(jobs);
        this.submissions = Objects.requireNonNull(submissions);
        this.boards = Objects.requireNonNull(boards);
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public JobView job(org.praxis.domain.identity.Actor actor, UUID id) {
        var member = Members.require(actor);
        var view = tx.inTransaction(() -> {
            var job = jobs.find(member.id(), id)
                    .orElseThrow(() -> new NotFound("grading job", "There is no grading job '" + id + "'."));
            var submission = job.submission().flatMap(s -> submissions.find(member.id(), s));
            return new JobView(job.id(), job.status().name().toLowerCase(Locale.ROOT), submission,
                    job.status() == GradingJobs.Status.FAILED ? job.error() : Optional.empty());
        });
        if (view.submission().isPresent()) {
            // a worker graded it, perhaps elsewhere: the learner who sees it done must see it on the boards too
            boards.refresh(member.id());
        }
        return view;
    }
}
