package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PointsProperties {

    @Property
    void pointsStayWithinZeroAndBasePlusBonus(@ForAll @IntRange(max = 100_000) int base, @ForAll @IntRange(max = 100_000) int bonus,
                                              @ForAll @LongRange(max = 100_000) long estimate,
                                              @ForAll @LongRange(max = 1_000_000) long seconds,
                                              @ForAll @IntRange(max = 1_000_000) int penalty,
                                              @ForAll @IntRange(min = 101, max = 10_000) int zeroAt) {
        var policy = new PointsPolicy(new TimeBonusPolicy(zeroAt));
        int total = policy.points(true, new ProblemScoring(base, bonus, estimate), Optional.of(Duration.ofSeconds(seconds)), penalty).total();
        assertTrue(total >= 0 && total <= base + bonus, () -> "total " + total);
    }

    @Property
    void moreHintPenaltyNeverGivesMorePoints(@ForAll @IntRange(max = 1_000) int base, @ForAll @IntRange(max = 1_000) int bonus,
                                             @ForAll @LongRange(max = 3_600) long seconds,
                                             @ForAll @IntRange(max = 2_000) int penalty, @ForAll @IntRange(max = 2_000) int extra) {
        var problem = new ProblemScoring(base, bonus, 300);
        var taken = Optional.of(Duration.ofSeconds(seconds));
        int fewer = PointsPolicy.DEFAULT.points(true, problem, taken, penalty).total();
        int more = PointsPolicy.DEFAULT.points(true, problem, taken, penalty + extra).total();
        assertTrue(more <= fewer, () -> more + " > " + fewer);
    }

    @Property
    void moreTimeNeverGivesMorePoints(@ForAll @IntRange(max = 1_000) int base, @ForAll @IntRange(max = 1_000) int bonus,
                                      @ForAll @LongRange(max = 10_000) long estimate,
                                      @ForAll @LongRange(max = 100_000) long seconds, @ForAll @LongRange(max = 100_000) long later,
                                      @ForAll @IntRange(max = 500) int penalty) {
        var problem = new ProblemScoring(base, bonus, estimate);
        int sooner = PointsPolicy.DEFAULT.points(true, problem, Optional.of(Duration.ofSeconds(seconds)), penalty).total();
        int slower = PointsPolicy.DEFAULT.points(true, problem, Optional.of(Duration.ofSeconds(seconds + later)), penalty).total();
        assertTrue(slower <= sooner, () -> slower + " > " + sooner);
    }

    @Property
    void wrongAnswersAlwaysScoreZero(@ForAll @IntRange(max = 1_000) int base, @ForAll @IntRange(max = 1_000) int bonus,
                                     @ForAll @LongRange(max = 10_000) long seconds) {
        var problem = new ProblemScoring(base, bonus, 300);
        assertEquals(0, PointsPolicy.DEFAULT.points(false, problem, Optional.of(Duration.ofSeconds(seconds)), 0).total());
    }

    @Property
    void bestAwardsSumToTheBest(@ForAll @IntRange(max = 10_000) int first, @ForAll @IntRange(max = 10_000) int second,
                                @ForAll @IntRange(max = 10_000) int third) {
        var a = BestAwardPolicy.award(0, first);
        var b = BestAwardPolicy.award(a.newBest(), second);
        var c = BestAwardPolicy.award(b.newBest(), third);
        assertEquals(Math.max(first, Math.max(second, third)), a.awarded() + b.awarded() + c.awarded());
    }
}
