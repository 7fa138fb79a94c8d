package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;

class TrackProgressTest {
    static final TrackSlug SQL = new TrackSlug("sql");

    private static List<ProblemSlug> problems(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new ProblemSlug("p" + i)).toList();
    }

    @Test
    void percentIsRoundedDown() {
        List<ProblemSlug> three = problems(3);
        assertEquals(33, TrackProgress.of(SQL, three, Set.of(three.get(0))).percent());
        assertEquals(66, TrackProgress.of(SQL, three, Set.of(three.get(0), three.get(1))).percent());
    }

    @Test
    void hundredPercentOnlyWhenEveryProblemIsDone() {
        List<ProblemSlug> many = problems(300);
        TrackProgress almost = TrackProgress.of(SQL, many, Set.copyOf(many.subList(0, 299)));
        assertEquals(99, almost.percent());
        assertFalse(almost.isComplete());
        TrackProgress done = TrackProgress.of(SQL, many, Set.copyOf(many));
        assertEquals(100, done.percent());
        assertTrue(done.isComplete());
    }

    @Test
    void completedProblemsOutsideTheTrackAreIgnored() {
        TrackProgress p = TrackProgress.of(SQL, problems(4), Set.of(new ProblemSlug("p1"), new ProblemSlug("archived")));
        assertEquals(1, p.completed());
        assertEquals(4, p.total());
        assertEquals(25, p.percent());
    }

    @Test
    void anEmptyTrackIsZeroPercentAndNotComplete() {
        TrackProgress empty = TrackProgress.of(SQL, List.of(), Set.of(new ProblemSlug("p1")));
        assertEquals(0, empty.percent());
        assertFalse(empty.isComplete());
    }

    @Test
    void completedCannotExceedTotal() {
        assertThrows(IllegalArgumentException.class, () -> new TrackProgress(SQL, 3, 2));
    }
}
