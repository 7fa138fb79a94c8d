package org.praxis.domain.scoring;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The time bonus of a correct solution (SC1, seed 000 {@code problems.time_bonus_points}).
 *
 * <p>With {@code B} the problem's bonus points, {@code E} its estimated seconds, {@code t} the whole
 * seconds the learner took and {@code Z = zeroAtPercentOfEstimate}:
 * <pre>
 *   t &lt;= E              -&gt; B                                   (at or under the estimate: the full bonus)
 *   100 t &gt;= Z E         -&gt; 0                                   (Z % of the estimate or slower: nothing)
 *   otherwise           -&gt; floor(B (Z E - 100 t) / ((Z - 100) E))  (a straight line in between)
 * </pre>
 * Rounding down means the bonus never exceeds the straight line. An unknown time (the learner never
 * opened a session) earns no bonus: speed that cannot be measured is not rewarded.
 *
 * @param zeroAtPercentOfEstimate where the bonus reaches zero, in percent of the estimate (default 300 = three times the estimate)
 */
public record TimeBonusPolicy(int zeroAtPercentOfEstimate) {

    public static final TimeBonusPolicy DEFAULT = new TimeBonusPolicy(300);

    public TimeBonusPolicy {
        // 100 would make the line vertical (division by zero); above 10 000 % the curve is pointless.
        if (zeroAtPercentOfEstimate <= 100 || zeroAtPercentOfEstimate > 10_000) {
            throw new IllegalArgumentException("the bonus must reach zero after the estimate: 100 < zeroAtPercentOfEstimate <= 10000, was "
                    + zeroAtPercentOfEstimate);
        }
    }

    public int bonus(int timeBonusPoints, long estimatedSeconds, Optional<Duration> timeTaken) {
        Objects.requireNonNull(timeTaken, "timeTaken");
        if (timeBonusPoints < 0 || estimatedSeconds < 0) {
            throw new IllegalArgumentException("bonus points and estimate cannot be negative");
        }
        if (timeTaken.isEmpty()) {
            return 0;
        }
        long taken = Math.max(0, timeTaken.get().getSeconds());
        if (taken <= estimatedSeconds) {
            return timeBonusPoints;
        }
        BigInteger estimate = BigInteger.valueOf(estimatedSeconds);
        BigInteger zeroLine = estimate.multiply(BigInteger.valueOf(zeroAtPercentOfEstimate));
        BigInteger hundredT = BigInteger.valueOf(taken).multiply(BigInteger.valueOf(100));
        if (hundredT.compareTo(zeroLine) >= 0) {
            return 0;
        }
        // Here E > 0 (t > E >= 0 and 100 t < Z E), so the denominator is positive.
        BigInteger numerator = BigInteger.valueOf(timeBonusPoints).multiply(zeroLine.subtract(hundredT));
        BigInteger denominator = BigInteger.valueOf(zeroAtPercentOfEstimate - 100L).multiply(estimate);
        return numerator.divide(denominator).intValueExact();
    }
}
