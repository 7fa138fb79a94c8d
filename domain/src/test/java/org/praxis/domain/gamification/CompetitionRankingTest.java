package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.Score;
import org.praxis.domain.identity.LearnerId;

class CompetitionRankingTest {

    private static LearnerId learner(int n) {
        return new LearnerId(new UUID(0, n));
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        var entries = List.of(
                new Standings.Global(learner(1), 300, 2),
                new Standings.Global(learner(2), 500, 1),
                new Standings.Global(learner(3), 300, 2),
                new Standings.Global(learner(4), 100, 9));
        var ranked = CompetitionRanking.rank(entries, Standings.Global.BETTER, Standings.BY_LEARNER);
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(CompetitionRanking.Ranked::rank).toList());
        assertEquals(List.of(learner(2), learner(1), learner(3), learner(4)), ranked.stream().map(r -> r.entry().learner()).toList());
    }

    @Test
    void globalBreaksEqualPointsByTheLongerLongestStreak() {
        var entries = List.of(new Standings.Global(learner(1), 300, 2), new Standings.Global(learner(2), 300, 5));
        var ranked = CompetitionRanking.rank(entries, Standings.Global.BETTER, Standings.BY_LEARNER);
        assertEquals(learner(2), ranked.get(0).entry().learner());
        assertEquals(List.of(1, 2), ranked.stream().map(CompetitionRanking.Ranked::rank).toList());
    }

    @Test
    void perProblemBreaksEqualScoresByTheEarlierCompletion() {
        var p = new ProblemSlug("p");
        var early = new Standings.OnProblem(learner(2), p, new Score(90), Instant.parse("2026-01-01T10:00:00Z"));
        var late = new Standings.OnProblem(learner(1), p, new Score(90), Instant.parse("2026-01-02T10:00:00Z"));
        var best = new Standings.OnProblem(learner(3), p, new Score(100), Instant.parse("2026-01-03T10:00:00Z"));
        var ranked = CompetitionRanking.rank(List.of(late, early, best), Standings.OnProblem.BETTER, Standings.BY_LEARNER);
        assertEquals(List.of(best, early, late), ranked.stream().map(CompetitionRanking.Ranked::entry).toList());
        assertEquals(List.of(1, 2, 3), ranked.stream().map(CompetitionRanking.Ranked::rank).toList());
    }

    @Test
    void periodAndTopicBoardsRankByTheirOneKey() {
        var week = BoardPeriod.containing(BoardPeriod.Kind.WEEK, Instant.parse("2026-11-18T00:00:00Z"), ZoneOffset.UTC);
        var ranked = CompetitionRanking.rank(List.of(new Standings.Period(learner(1), week, 40), new Standings.Period(learner(2), week, 40),
                new Standings.Period(learner(3), week, 70)), Standings.Period.BETTER, Standings.BY_LEARNER);
        assertEquals(List.of(1, 2, 2), ranked.stream().map(CompetitionRanking.Ranked::rank).toList());
        var t = new TopicSlug("t");
        assertEquals(3, CompetitionRanking.rankOf(new Standings.InTopic(learner(9), t, 10),
                List.of(new Standings.InTopic(learner(1), t, 20), new Standings.InTopic(learner(2), t, 30), new Standings.InTopic(learner(3), t, 10)),
                Standings.InTopic.BETTER));
    }
}
