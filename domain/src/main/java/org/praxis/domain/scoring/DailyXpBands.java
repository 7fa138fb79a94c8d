package org.praxis.domain.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The XP of the k-th XP-earning task of a learner's local day in one topic (SC3, seed 004): grinding
 * the same day earns less. With {@code F = dailyFullTasks}, {@code H = dailyHalfTasks}:
 * <pre>
 *   m(k) = multiplierFull                                  k &lt;= F
 *          multiplierHalf                                  F &lt; k &lt;= F + H
 *          multiplierLow * dailyXpDecay^(k - F - H - 1)    k &gt; F + H
 *   early review: m(k) * multiplierEarly
 *   xp(k) = roundHalfUp( max(baseTaskXp * m(k), baseTaskXp * minXpPercent / 100) )
 * </pre>
 * All arithmetic is decimal: exact, except the decay power, which is computed to 34 significant
 * digits ({@link MathContext#DECIMAL128}) so that a thousandth task costs no more than the first.
 * Only the final value is rounded, once, half up to a whole XP. Because the bands never rise, the
 * decay is at most 1 and the floor is the same for every k, xp(k) never exceeds xp(k - 1).
 */
public record DailyXpBands(XpSettings settings) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_POWER = 999_999_999;

    public DailyXpBands {
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param k     the ordinal of this task among the learner's XP-earning tasks in the topic today, from 1
     * @param early whether it is a review done before it was due
     */
    public int xpForTask(int k, boolean early) {
        if (k < 1) {
            throw new IllegalArgumentException("tasks are counted from 1, was " + k);
        }
        BigDecimal base = BigDecimal.valueOf(settings.baseTaskXp());
        BigDecimal multiplier = multiplier(k);
        if (early) {
            multiplier = multiplier.multiply(settings.multiplierEarly());
        }
        BigDecimal raw = base.multiply(multiplier);
        BigDecimal floor = base.multiply(settings.minXpPercent()).divide(HUNDRED);
        return raw.max(floor).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The band multiplier of the k-th task, before the early factor and the floor. */
    public BigDecimal multiplier(int k) {
        int full = settings.dailyFullTasks();
        long bands = (long) full + settings.dailyHalfTasks();
        if (k <= full) {
            return settings.multiplierFull();
        }
        if (k <= bands) {
            return settings.multiplierHalf();
        }
        // BigDecimal.pow takes at most 999 999 999; a day has far fewer tasks, and past that the value only stays put.
        int decaySteps = (int) Math.min(k - bands - 1, MAX_POWER);
        return settings.multiplierLow().multiply(settings.dailyXpDecay().pow(decaySteps, MathContext.DECIMAL128));
    }
}
