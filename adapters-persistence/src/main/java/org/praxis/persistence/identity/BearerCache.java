package org.praxis.persistence.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.praxis.application.identity.port.out.Sessions.Bearer;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.common.AfterCommit;
import org.praxis.persistence.common.ChannelListener;

/**
 * The bearer tokens this instance checked against the database lately, so that the next request with one
 * of them needs no round trip for its token (P6: the check was one of {@code /me}'s two round trips, and
 * its waits for a core were most of the read's tail). A check is answered from here only
 * <ul>
 * <li>while this instance listens on {@value #CHANNEL}: the V11 triggers announce there, with the user's
 * id and when the change commits, every revoked, shortened or deleted session and every new role, premium
 * flag or deleted user, and each announcement drops that user's entries. A lost connection drops them all
 * and stops answering until the listener is back. This instance's own such changes drop the user's entries
 * at once and again right after they commit, without waiting for the announcement;</li>
 * <li>until the session expires;</li>
 * <li>for at most the {@code touchEvery} of {@link CachingSessions#useActive} after the database last
 * checked it, so the session's last use is recorded as often as before, and an account's other fields
 * (its profile, which nothing reads from a bearer) are at most that old.</li>
 * </ul>
 * Entries are keyed by the token's SHA-256, never the token. Each check remembers how many drops there had
 * been when it began, and is not kept if its user's entries (or all) were dropped since: a check that read
 * the database before a change committed is never kept after it. At most {@value #MAX_ENTRIES} entries:
 * beyond that, stale ones go first, and a check finding none stale is not kept (tokens made up by clients
 * are never kept: only active sessions are).
 */
public final class BearerCache implements ChannelListener.Subscriber {
    public static final String CHANNEL = "praxis_access";
    static final int MAX_ENTRIES = 10_000;
    /** Users share the record of their last drop this many ways: an unrelated drop rarely discards a check. */
    private static final int STRIPES = 1024;

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Guards every drop and every change of {@link #entries}, so a drop and a late check never interleave. */
    private final Object changes = new Object();
    /** How many drops there have been; a check begins by reading it. Written under {@link #changes}. */
    private volatile long drops;
    /** Guarded by {@link #changes}: the number of the last drop of any user of each stripe. */
    private final long[] userDropped = new long[STRIPES];
    /** Guarded by {@link #changes}: the number of the last drop of everything. */
    private long everythingDropped;
    /** Guarded by {@link #changes}: when full of fresh entries, the first moment one of them goes stale. */
    private Instant noRoomUntil = Instant.MIN;
    private volatile boolean serving;
    private final LongAdder answered = new LongAdder();
    private final LongAdder missed = new LongAdder();

    /** The bearer of this token hash, if checked lately enough and nothing has changed for its user since. */
    Optional<Bearer> find(byte[] tokenHash, Instant now) {
        long before = drops;
        var key = new Key(tokenHash);
        Entry entry = entries.get(key);
        // a drop under way meanwhile may be about this very entry: ask the database
        if (entry == null || !serving || drops != before) {
            missed.increment();
            return Optional.empty();
        }
        if (!entry.freshAt(now)) {
            synchronized (changes) {
                entries.remove(key, entry);
            }
            missed.increment();
            return Optional.empty();
        }
        answered.increment();
        return Optional.of(entry.bearer());
    }

    /** Checks answered from here since start (a metric). */
    public long answeredFromMemory() {
        return answered.sum();
    }

    /** Checks this cache could not answer since start, which went to the database (a metric). */
    public long askedOfTheDatabase() {
        return missed.sum();
    }

    /** Where a check begins: read it before asking the database, and hand it to {@link #remember}. */
    long generation() {
        return drops;
    }

    /**
     * Keeps what the database answered at {@code checkedAt}, stale {@code touchEvery} later (or at the
     * session's expiry), for a check that began at {@code began}: not if the user's entries, or all of
     * them, were dropped since.
     */
    void remember(byte[] tokenHash, Bearer bearer, Instant checkedAt, Duration touchEvery, long began) {
        synchronized (changes) {
            if (!serving || everythingDropped > began || userDropped[stripe(bearer.account().id())] > began) {
                return;
            }
            if (entries.size() >= MAX_ENTRIES && !makeRoom(checkedAt)) {
                return;
            }
            entries.put(new Key(tokenHash.clone()), Entry.of(bearer, checkedAt, touchEvery));
        }
    }

    /** Drops the stale entries; when none is, remembers when one will be, so that no check scans them all before. */
    private boolean makeRoom(Instant now) {
        if (now.isBefore(noRoomUntil)) {
            return false;
        }
        entries.values().removeIf(e -> !e.freshAt(now));
        if (entries.size() < MAX_ENTRIES) {
            return true;
        }
        noRoomUntil = entries.values().stream().map(Entry::staleFrom).min(Instant::compareTo).orElse(Instant.MIN);
        return false;
    }

    /** Drops the user's entries now. */
    public void forget(LearnerId user) {
        synchronized (changes) {
            userDropped[stripe(user)] = ++drops;
            entries.values().removeIf(e -> e.bearer().account().id().equals(user));
        }
    }

    /**
     * For a change of the user just written: drops the user's entries now and once the current transaction
     * commits (at once outside one), so that no check that read the user before the commit is kept.
     */
    void forgetAfterCommit(LearnerId user) {
        forget(user);
        AfterCommit.run(() -> forget(user));
    }

    /** How many entries are held (for tests and metrics). */
    public int size() {
        return entries.size();
    }

    /** Whether checks are answered from here (the listener is connected). */
    public boolean serving() {
        return serving;
    }

    @Override
    public void listening() {
        synchronized (changes) {
            dropEverything();
            serving = true;
        }
    }

    @Override
    public void notified(String payload) {
        UUID user;
        try {
            user = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            // not one of the triggers' announcements: whoever sent it meant something changed
            synchronized (changes) {
                dropEverything();
            }
            return;
        }
        forget(new LearnerId(user));
    }

    @Override
    public void deaf() {
        synchronized (changes) {
            serving = false;
            dropEverything();
        }
    }

    /** Under {@link #changes}. */
    private void dropEverything() {
        everythingDropped = ++drops;
        entries.clear();
        noRoomUntil = Instant.MIN;
    }

    private static int stripe(LearnerId user) {
        return Math.floorMod(user.value().hashCode(), STRIPES);
    }

    /** A check, answered from memory from {@code checkedAt} until {@code staleFrom}: its minute is up or the session ends. */
    private record Entry(Bearer bearer, Instant checkedAt, Instant staleFrom) {
        static Entry of(Bearer bearer, Instant checkedAt, Duration touchEvery) {
            var aged = checkedAt.plus(touchEvery);
            var expires = bearer.session().expiresAt();
            return new Entry(bearer, checkedAt, aged.isBefore(expires) ? aged : expires);
        }

        boolean freshAt(Instant now) {
            return !now.isBefore(checkedAt) && now.isBefore(staleFrom);
        }
    }

    /** A token hash as a map key (arrays compare by identity). */
    private record Key(byte[] hash) {
        Key {
            Objects.requireNonNull(hash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(hash, key.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Key[" + hash.length + " bytes]";
        }
    }
}
