package org.praxis.bootstrap.bench;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.praxis.application.identity.IdentitySettings;
import org.praxis.application.identity.port.in.RegisterAccountUseCase;
import org.praxis.application.identity.port.in.SignInUseCase;
import org.praxis.bootstrap.Wiring;
import org.praxis.domain.identity.Actor;
import org.praxis.security.identity.Argon2Parameters;

/**
 * Learners the bench signs in as: registered and signed in once through the identity use cases (the
 * same code as {@code POST /v1/accounts} and {@code POST /v1/sessions}), each with a bearer token.
 */
final class BenchLearners {
    record Learner(int n, UUID id, String username, String token) {
    }

    private BenchLearners() {
    }

    static List<Learner> register(DataSource dataSource, String prefix, int count) {
        // cheap hashing: only the bearer tokens matter here, and they do not depend on it
        var config = new Wiring.IdentityConfig(Clock.systemUTC(), new Argon2Parameters(1024, 1, 1),
                IdentitySettings.defaults("http://localhost"), mail -> { }, List.of(), false); // bench addresses are .invalid: nothing to send
        var identity = Wiring.identity(dataSource, config);
        var learners = new ArrayList<Learner>();
        for (int i = 0; i < count; i++) {
            String username = prefix + i;
            String password = "bench-password-" + UUID.randomUUID();
            var account = identity.accounts().register(Actor.ANONYMOUS,
                    new RegisterAccountUseCase.Command(username, username + "@bench.invalid", password, null, null));
            var session = identity.signIn().signIn(new SignInUseCase.Command(username, password, "127.0.0.1", "praxis-bench"));
            learners.add(new Learner(i, account.id(), username, session.token()));
        }
        return learners;
    }

    /**
     * Puts {@code readers} on the global board at evenly spread positions of the current population,
     * the first at the very top and the last tied with the worst-ranked (0 points, no streak).
     */
    static void placeOnBoard(DataSource dataSource, List<Learner> readers) throws SQLException {
        try (var c = dataSource.getConnection()) {
            int n = readers.size();
            var quantiles = new Double[n];
            for (int i = 0; i < n; i++) {
                quantiles[i] = n == 1 ? 0.5 : 1.0 - (double) i / (n - 1);
            }
            Long[] points;
            try (var q = c.prepareStatement("select percentile_disc(?::float8[]) within group (order by points) from learner_states "
                    + "where submissions > 0")) {
                q.setArray(1, c.createArrayOf("float8", quantiles));
                try (var rs = q.executeQuery()) {
                    rs.next();
                    points = (Long[]) rs.getArray(1).getArray();
                }
            }
            try (var upsert = c.prepareStatement("""
                    insert into learner_states (user_id, points, solved, submissions, streak_current, streak_longest, updated_at)
                    values (?, ?, 1, 1, 0, ?, now())
                    on conflict (user_id) do update set points = excluded.points, streak_longest = excluded.streak_longest,
                        streak_current = 0, submissions = greatest(learner_states.submissions, 1)
                    """)) {
                for (int i = 0; i < n; i++) {
                    long p = points[i] == null ? 0 : points[i];
                    upsert.setObject(1, readers.get(i).id());
                    upsert.setLong(2, i == 0 ? p + 10 : p);
                    upsert.setInt(3, i == n - 1 ? 0 : 3);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }
}
