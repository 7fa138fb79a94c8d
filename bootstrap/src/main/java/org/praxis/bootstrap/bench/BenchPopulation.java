package org.praxis.bootstrap.bench;

import java.io.PrintWriter;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The learners the board is measured at: users with a learner_states row each, on the board (at least
 * one submission), with a skewed score distribution that has many ties — a third never scored, most have
 * a few hundred points, a few have tens of thousands. Filled with generate_series in one statement per
 * chunk; the whole population can be swapped for the bulk loader's ({@code load-sample}) by replacing
 * {@link #growTo}.
 */
final class BenchPopulation {
    private static final int CHUNK = 100_000;

    private final DataSource dataSource;
    private final PrintWriter progress;
    private long size;

    BenchPopulation(DataSource dataSource, PrintWriter progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    long size() {
        return size;
    }

    /** Adds population learners until there are {@code target}; returns the seconds it took. */
    double growTo(long target) throws SQLException {
        long started = System.nanoTime();
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            while (size < target) {
                long from = size + 1;
                long to = Math.min(target, size + CHUNK);
                try (var insert = c.prepareStatement("""
                        with u as (
                            insert into users (id, username, email, display_name, created_at, updated_at)
                            select gen_random_uuid(), 'pop' || n, 'pop' || n || '@bench.invalid', null,
                                   now() - interval '180 days', now()
                            from generate_series(?::bigint, ?::bigint) n
                            returning id)
                        insert into learner_states (user_id, points, solved, submissions, streak_last_day, streak_current,
                                                    streak_longest, badge_level, updated_at)
                        select id, points, points / 50, points / 40 + 1, current_date - 1, 0, streak, 0, now()
                        from (select id,
                                     case when random() < 0.33 then 0
                                          else (floor(power(random(), 4) * 2000) * 10)::bigint end as points,
                                     floor(power(random(), 3) * 30)::int as streak
                              from u) scored
                        """)) {
                    insert.setLong(1, from);
                    insert.setLong(2, to);
                    insert.executeUpdate();
                }
                size = to;
                progress.printf("  population: %,d learners%n", size);
                progress.flush();
            }
            // Vacuumed, not only analysed, as a board this size in service has long been: the neighbours'
            // index-only scans then skip the heap (visibility map), and autovacuum's vacuum of the fresh
            // rows (triggered by the inserts) does not fall in the middle of a measured phase instead.
            try (var vacuum = c.createStatement()) {
                vacuum.execute("vacuum (analyze) users, learner_states");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
