package org.praxis.domain.scoring;

/**
 * A problem's best result counts once (SC1). The seed's trigger adds the points of every correct
 * submission to the total, so repeating a solved problem farms points; here the total grows only by
 * the improvement over the problem's previous best:
 * <pre>
 *   awarded = max(0, candidate - previousBest)        newBest = max(previousBest, candidate)
 * </pre>
 * so the learner's total always equals the sum of their per-problem bests.
 */
public final class BestAwardPolicy {

    private BestAwardPolicy() {
    }

    public record Award(int awarded, int newBest) {
        public Award {
            if (awarded < 0 || newBest < 0 || awarded > newBest) {
                throw new IllegalArgumentException("need 0 <= awarded <= newBest");
            }
        }
    }

    public static Award award(int previousBest, int candidate) {
        if (previousBest < 0 || candidate < 0) {
            throw new IllegalArgumentException("points cannot be negative");
        }
        return new Award(Math.max(0, candidate - previousBest), Math.max(previousBest, candidate));
    }
}
