package org.praxis.domain.gamification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Standard competition ranking (GA4, SQL's {@code RANK()}): equal keys share a rank and the next rank
 * skips, 1, 2, 2, 4. Equivalently, rank = 1 + the number of entries strictly better.
 */
public final class CompetitionRanking {

    private CompetitionRanking() {
    }

    /**
     * Ranks entries by {@code better} (negative = the first is better; zero = tied). The list comes back
     * best first; tied entries keep an order given by {@code display}, which never affects their rank.
     */
    public static <T> List<Ranked<T>> rank(Collection<T> entries, Comparator<? super T> better, Comparator<? super T> display) {
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(display, "display");
        var sorted = new ArrayList<T>(entries);
        sorted.sort((a, b) -> {
            int byKey = better.compare(a, b);
            return byKey != 0 ? byKey : display.compare(a, b);
        });
        var ranked = new ArrayList<Ranked<T>>(sorted.size());
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || better.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                rank = i + 1;
            }
            ranked.add(new Ranked<>(rank, sorted.get(i)));
        }
        return List.copyOf(ranked);
    }

    /** The rank {@code entry} would have among {@code others}: 1 + the number strictly better. */
    public static <T> int rankOf(T entry, Collection<T> others, Comparator<? super T> better) {
        long strictlyBetter = others.stream().filter(other -> better.compare(other, entry) < 0).count();
        return Math.toIntExact(1 + strictlyBetter);
    }

    public record Ranked<T>(int rank, T entry) {
        public Ranked {
            if (rank < 1) {
                throw new IllegalArgumentException("ranks start at 1");
            }
            Objects.requireNonNull(entry, "entry");
        }
    }
}
