package org.praxis.domain.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A topic's XP settings (SC3, SC4, SC5). The components are named exactly as seed 004's
 * {@code TopicXpConfig} columns so a topic's {@code config.json} maps onto this record field by field.
 * Multipliers, decay and the minimum percent are decimals (seed 004 stores them as {@code decimal}) so
 * that no binary rounding creeps into XP.
 *
 * @param maxXp           the most XP a learner can hold in the topic
 * @param baseTaskXp      the XP of one task before any multiplier
 * @param dailyFullTasks  how many tasks a local day earns at {@code multiplierFull}
 * @param dailyHalfTasks  how many further tasks earn at {@code multiplierHalf}
 * @param multiplierFull  the multiplier of the full band
 * @param multiplierHalf  the multiplier of the half band
 * @param multiplierLow   the multiplier of the first task after both bands; later ones decay from it
 * @param multiplierEarly applied on top of the band for a review done before it is due
 * @param dailyXpDecay    each task after the first low-band one is worth this factor of the one before
 * @param minXpPercent    no task earns less than this percent of {@code baseTaskXp}
 * @param levelThresholds the XP at which each level starts, strictly increasing; level n starts at the n-th
 * @param reviewIntervals days until the next review after a solve or a passed review, by stage
 */
public record XpSettings(
        int maxXp,
        int baseTaskXp,
        int dailyFullTasks,
        int dailyHalfTasks,
        BigDecimal multiplierFull,
        BigDecimal multiplierHalf,
        BigDecimal multiplierLow,
        BigDecimal multiplierEarly,
        BigDecimal dailyXpDecay,
        BigDecimal minXpPercent,
        List<Integer> levelThresholds,
        List<Integer> reviewIntervals) {

    /**
     * Seed 004 names and types these settings but its excerpt carries no values, so these defaults are
     * ours (docs/domain.md says why each is what it is).
     */
    public static final XpSettings DEFAULT = new XpSettings(
            1000, 10, 5, 5,
            new BigDecimal("1.00"), new BigDecimal("0.50"), new BigDecimal("0.25"), new BigDecimal("0.50"),
            new BigDecimal("0.90"), new BigDecimal("10"),
            List.of(0, 50, 150, 300, 500, 750, 1000),
            List.of(1, 3, 7, 14, 30, 60));

    public XpSettings {
        Objects.requireNonNull(multiplierFull, "multiplierFull");
        Objects.requireNonNull(multiplierHalf, "multiplierHalf");
        Objects.requireNonNull(multiplierLow, "multiplierLow");
        Objects.requireNonNull(multiplierEarly, "multiplierEarly");
        Objects.requireNonNull(dailyXpDecay, "dailyXpDecay");
        Objects.requireNonNull(minXpPercent, "minXpPercent");
        levelThresholds = List.copyOf(levelThresholds);
        reviewIntervals = List.copyOf(reviewIntervals);
        if (maxXp < 0 || baseTaskXp < 0 || dailyFullTasks < 0 || dailyHalfTasks < 0) {
            throw new IllegalArgumentException("maxXp, baseTaskXp, dailyFullTasks and dailyHalfTasks cannot be negative");
        }
        if (multiplierLow.signum() < 0 || multiplierEarly.signum() < 0) {
            throw new IllegalArgumentException("multipliers cannot be negative");
        }
        // Bands that rise would pay more for grinding, the opposite of what they are for.
        if (multiplierFull.compareTo(multiplierHalf) < 0 || multiplierHalf.compareTo(multiplierLow) < 0) {
            throw new IllegalArgumentException("need multiplierFull >= multiplierHalf >= multiplierLow");
        }
        if (dailyXpDecay.signum() < 0 || dailyXpDecay.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("dailyXpDecay must be within 0..1, was " + dailyXpDecay);
        }
        if (minXpPercent.signum() < 0 || minXpPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("minXpPercent must be within 0..100, was " + minXpPercent);
        }
        if (levelThresholds.isEmpty()) {
            throw new IllegalArgumentException("at least one level threshold is needed");
        }
        int previous = -1;
        for (int threshold : levelThresholds) {
            if (threshold <= previous) {
                throw new IllegalArgumentException("level thresholds must be non-negative and strictly increasing: " + levelThresholds);
            }
            previous = threshold;
        }
        if (reviewIntervals.isEmpty()) {
            throw new IllegalArgumentException("at least one review interval is needed");
        }
        int previousInterval = 0;
        for (int days : reviewIntervals) {
            if (days < previousInterval || days < 1) {
                throw new IllegalArgumentException("review intervals must be at least 1 day and never shrink: " + reviewIntervals);
            }
            previousInterval = days;
        }
    }

    /**
     * The level of {@code xp} (SC4): the number of thresholds at or below it. With the default
     * thresholds {@code [0, 50, ...]} a topic starts at level 1 and reaches level 2 at 50 XP; with a
     * first threshold above zero a learner is at level 0 until reaching it.
     */
    public int levelFor(int xp) {
        int level = 0;
        for (int threshold : levelThresholds) {
            if (xp < threshold) {
                break;
            }
            level++;
        }
        return level;
    }

}
