package org.praxis.application.identity.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.LearnerId;

public final class InMemorySessions implements Sessions {
    private record Row(Session session, byte[] hash, Instant revokedAt) {
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Function<LearnerId, Optional<Account>> accounts;

    /** Sessions of the accounts that {@code accounts} finds (the join the database makes). */
    public InMemorySessions(Function<LearnerId, Optional<Account>> accounts) {
        this.accounts = accounts;
    }

    public synchronized void forget(LearnerId user) {
        rows.values().removeIf(r -> r.session().user().equals(user));
    }

    @Override
    public synchronized void create(Session session, byte[] tokenHash) {
        rows.put(session.id(), new Row(session, tokenHash.clone(), null));
    }

    @Override
    public synchronized Optional<Session> activeByTokenHash(byte[] tokenHash, Instant now) {
        return rows.values().stream().filter(r -> Arrays.equals(r.hash(), tokenHash) && active(r, now))
                .map(Row::session).findFirst();
    }

    @Override
    public synchronized Optional<Bearer> useActive(byte[] tokenHash, Instant now, Duration touchEvery) {
        var found = activeByTokenHash(tokenHash, now)
                .flatMap(s -> accounts.apply(s.user()).map(a -> new Bearer(s, a)));
        found.map(Bearer::session).filter(s -> s.lastUsedAt().map(t -> t.isBefore(now.minus(touchEvery))).orElse(true))
                .ifPresent(s -> {
                    var r = rows.get(s.id());
                    rows.put(s.id(), new Row(new Session(s.id(), s.user(), s.createdAt(), s.expiresAt(), Optional.of(now),
                            s.userAgent()), r.hash(), r.revokedAt()));
                });
        return found;
    }

    @Override
    public synchronized List<Session> activeOf(LearnerId user, Instant now) {
        return rows.values().stream().filter(r -> r.session().user().equals(user) && active(r, now)).map(Row::session)
                .sorted(Comparator.comparing(Session::createdAt).reversed()).toList();
    }

    @Override
    public synchronized boolean revoke(LearnerId user, UUID session, Instant at) {
        var r = rows.get(session);
        if (r == null || !r.session().user().equals(user) || !active(r, at)) {
            return false;
        }
        rows.put(session, new Row(r.session(), r.hash(), at));
        return true;
    }

    @Override
    public synchronized int revokeAll(LearnerId user, Optional<UUID> keep, Instant at) {
        int n = 0;
        for (var id : List.copyOf(rows.keySet())) {
            if (keep.filter(id::equals).isEmpty() && revoke(user, id, at)) {
                n++;
            }
        }
        return n;
    }

    private static boolean active(Row r, Instant now) {
        return r.revokedAt() == null && r.session().expiresAt().isAfter(now);
    }
}
