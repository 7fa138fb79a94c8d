package org.praxis.application.operations.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.praxis.domain.curriculum.ProblemSlug;

/**
 * Fills the database with sample learners whose submissions are spread over several months, every
 * derived row exactly as the learning loop would have written it (the {@code load-sample} command).
 */
public interface LoadSampleUseCase {

    Result load(Command command, Progress progress);

    /**
     * @param learners    learners to add (user names {@code learner-n} after the highest existing one)
     * @param submissions submissions among them, exactly
     * @param seed        the same seed, counts and window give the same learners and submissions
     * @param months      how far back from {@code until} the submissions go
     * @param until       the end of the window (no submission at or after it)
     * @param threads     learners are generated and written by this many workers at once
     */
    record Command(int learners, long submissions, long seed, int months, Instant until, int threads) {
        public Command {
            Objects.requireNonNull(until);
            if (learners < 1 || learners > 9_999_999) {
                throw new IllegalArgumentException("learners must be between 1 and 9999999, was " + learners);
            }
            if (submissions < 0 || submissions > 1_000L * learners) {
                throw new IllegalArgumentException("submissions must be between 0 and 1000 per learner, was " + submissions);
            }
            if (months < 1 || months > 60) {
                throw new IllegalArgumentException("months must be between 1 and 60, was " + months);
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
            }
        }
    }

    /** Told after each batch is committed: the learners and submissions written so far. */
    interface Progress {
        void written(long learners, long submissions);

        Progress NONE = (learners, submissions) -> {
        };
    }

    /**
     * @param firstLearner the number of the first learner added ({@code learner-0000001} is 1)
     * @param problems     the problems the learners worked on (published, free, with an answer known to be right)
     */
    record Result(int learners, long submissions, long firstLearner, List<ProblemSlug> problems, Duration took) {
    }
}
