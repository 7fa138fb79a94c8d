package org.praxis.domain.progress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Hint;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.scoring.ProblemScoring;

/**
 * What the reducer needs to know about the problem of a submission, taken from its published version:
 * the scoring numbers, the penalty of each hint, the difficulty and topic (for XP and achievement
 * counters) and where it sits in a track.
 *
 * @param hintPenalties the penalty of hint n at index n - 1
 */
public record ScoredProblem(ProblemSlug slug, Difficulty difficulty, Optional<TopicSlug> topic, ProblemScoring scoring,
                            List<Integer> hintPenalties, Optional<Placement> placement) {

    public ScoredProblem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(placement, "placement");
        hintPenalties = List.copyOf(hintPenalties);
        for (int penalty : hintPenalties) {
            if (penalty < 0) {
                throw new IllegalArgumentException("a hint penalty cannot be negative");
            }
        }
        placement.ifPresent(p -> {
            if (!p.moduleProblems().contains(slug)) {
                throw new IllegalArgumentException("problem " + slug + " is not one of its module's problems");
            }
        });
    }

    /** The problem as a published version's content describes it, outside any track. */
    public static ScoredProblem of(ProblemSlug slug, ProblemContent content) {
        return new ScoredProblem(slug, content.difficulty(), Optional.of(content.topic()),
                new ProblemScoring(content.basePoints(), content.timeBonusPoints(), content.estimatedSeconds()),
                penaltiesOf(content.hints()), Optional.empty());
    }

    public ScoredProblem withScoring(ProblemScoring newScoring) {
        return new ScoredProblem(slug, difficulty, topic, newScoring, hintPenalties, placement);
    }

    public ScoredProblem placedIn(Placement where) {
        return new ScoredProblem(slug, difficulty, topic, scoring, hintPenalties, Optional.of(where));
    }

    public static List<Integer> penaltiesOf(List<Hint> hints) {
        return hints.stream().map(Hint::penalty).toList();
    }

    /**
     * The sum of the penalties of the revealed hints. A revealed number the problem no longer has (a
     * newer version dropped the hint) costs nothing: the learner cannot be charged for content that
     * is gone. The sum saturates at {@code Integer.MAX_VALUE}, far above any points it is taken from.
     */
    public int hintPenalty(Set<Integer> revealed) {
        long sum = 0;
        for (int number : revealed) {
            if (number >= 1 && number <= hintPenalties.size()) {
                sum += hintPenalties.get(number - 1);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }
}
