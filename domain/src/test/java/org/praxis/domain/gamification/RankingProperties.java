package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.praxis.domain.identity.LearnerId;

class RankingProperties {

    private static List<Standings.Global> entries(List<Integer> points, List<Integer> streaks) {
        var entries = new ArrayList<Standings.Global>();
        for (int i = 0; i < points.size(); i++) {
            entries.add(new Standings.Global(new LearnerId(new UUID(0, i)), points.get(i), streaks.get(i % streaks.size())));
        }
        return entries;
    }

    @Property
    void rankIsOnePlusTheNumberStrictlyBetterAndEqualKeysShareIt(
            @ForAll @Size(max = 40) List<@IntRange(max = 5) Integer> points,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 2) Integer> streaks) {
        var entries = entries(points, streaks);
        var ranked = CompetitionRanking.rank(entries, Standings.Global.BETTER, Standings.BY_LEARNER);
        assertEquals(entries.size(), ranked.size());
        for (var r : ranked) {
            long strictlyBetter = entries.stream().filter(e -> Standings.Global.BETTER.compare(e, r.entry()) < 0).count();
            assertEquals(1 + strictlyBetter, r.rank());
            assertEquals(r.rank(), CompetitionRanking.rankOf(r.entry(), entries, Standings.Global.BETTER));
            for (var other : ranked) {
                if (Standings.Global.BETTER.compare(other.entry(), r.entry()) == 0) {
                    assertEquals(r.rank(), other.rank(), "equal keys, different ranks");
                }
            }
        }
    }
}
