package org.praxis.persistence.gamification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jooq.DSLContext;
import org.praxis.domain.gamification.RankIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's copy of the global board's keys ({@link RankIndex}), built from {@code learner_states}
 * at start and kept current from the committed changes the database clocks in {@code board_changed_at}
 * (V8): see docs/performance.md, "Boards and ranks".
 *
 * <p>Two ways of following the changes:
 * <ul>
 * <li>{@link #catchUpReading}, on every read: the rows changed after the newest change held, in the same
 * statement as the reader's own row. Cheap (an index probe that usually finds nothing), and it makes a
 * read exact after every change committed before it, except for a change that committed after a newer one
 * had already been applied (it had a stamp older than the newest held when it became visible);
 * <li>{@link #poll}, in the background every second: the rows changed in the last {@code overlap} before
 * the newest change held, which picks those late commits up. Applying a row is setting its key as of its
 * stamp, never adding, so reading a row twice is harmless.
 * </ul>
 */
public final class GlobalBoardIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalBoardIndex.class);
    /** Rows a catch-up or poll applies at once; a longer backlog is taken in several steps. */
    static final int BATCH = 5_000;
    private static final int FETCH_SIZE = 10_000;
    private static final String STAMP = "(extract(epoch from %s) * 1000000)::bigint";

    private final DSLContext dsl;
    private final Duration overlap;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private RankIndex index = new RankIndex();
    private volatile boolean loaded;
    // epoch microseconds of the newest change and departure applied (the strict catch-up starts after them)
    private volatile long changesSeen = Long.MIN_VALUE;
    private volatile long departuresSeen = Long.MIN_VALUE;
    private long polls;

    /** {@code overlap}: how late after its stamp a change may commit and still be picked up by {@link #poll}. */
    public GlobalBoardIndex(DSLContext dsl, Duration overlap) {
        this.dsl = Objects.requireNonNull(dsl);
        this.overlap = Objects.requireNonNull(overlap);
    }

    /** The packed key of (points, longest streak), and back: see {@link RankIndex#key}. */
    public static long key(long points, int longestStreak) {
        return RankIndex.key(points, longestStreak);
    }

    public static long points(long key) {
        return RankIndex.points(key);
    }

    public static int longestStreak(long key) {
        return RankIndex.longestStreak(key);
    }

    /** Whether the index has been built: until then, readers count in SQL. */
    public boolean loaded() {
        return loaded;
    }

    /** The learner's own row, read in the same statement as the catch-up. */
    public record Mine(UUID learner, long points, int longestStreak, boolean onBoard, String username, String displayName) {
        public long key() {
            return RankIndex.key(points, longestStreak);
        }
    }

    /** A change of one learner's key, or a departure ({@code onBoard} false). */
    private record Change(UUID learner, long key, boolean onBoard, long stamp) {
    }

    /**
     * Builds the index from every learner on the board, streamed ({@value #FETCH_SIZE} rows a fetch), and
     * swaps it in. Changes committed while it loads are picked up by the next catch-up and poll.
     */
    public void load() {
        long started = System.nanoTime();
        var built = new RankIndex();
        long[] newest = {Long.MIN_VALUE, Long.MIN_VALUE};
        dsl.connection(c -> {
            boolean autoCommit = c.getAutoCommit();
            // PgJDBC streams with a cursor only inside a transaction
            c.setAutoCommit(false);
            try {
                try (var departures = c.prepareStatement("select coalesce(" + STAMP.formatted("max(departed_at)")
                        + ", -9223372036854775808) from board_departures"); var rs = departures.executeQuery()) {
                    rs.next();
                    newest[1] = rs.getLong(1);
                }
                // the newest change of any row, on the board or not, before streaming: later ones are caught up
                try (var changes = c.prepareStatement("select coalesce(" + STAMP.formatted("max(board_changed_at)")
                        + ", -9223372036854775808) from learner_states"); var rs = changes.executeQuery()) {
                    rs.next();
                    newest[0] = rs.getLong(1);
                }
                try (var rows = c.prepareStatement("select user_id, points, streak_longest, " + STAMP.formatted("board_changed_at")
                        + " from learner_states where submissions > 0")) {
                    rows.setFetchSize(FETCH_SIZE);
                    try (var rs = rows.executeQuery()) {
                        while (rs.next()) {
                            long stamp = rs.getLong(4);
                            built.put(rs.getObject(1, UUID.class), RankIndex.key(rs.getLong(2), rs.getInt(3)), stamp);
                        }
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
        lock.writeLock().lock();
        try {
            index = built;
            changesSeen = newest[0];
            departuresSeen = newest[1];
            loaded = true;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("global board index loaded: {} learners in {} ms", built.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One background step: builds the index if it is not yet, otherwise applies every change and departure
     * of the last {@code overlap} before the newest held (and what came after), in batches.
     */
    public void poll() {
        if (!loaded) {
            load();
            return;
        }
        long overlapMicros = overlap.toNanos() / 1000;
        long from = minus(changesSeen, overlapMicros);
        while (true) {
            var after = from(from);
            var batch = dsl.connectionResult(c -> changes(c, after, BATCH));
            apply(batch, true);
            if (batch.size() < BATCH) {
                break;
            }
            long last = batch.get(batch.size() - 1).stamp();
            // the batch may end inside a run of equal stamps: take that stamp again, unless the whole batch is one
            from = last == batch.get(0).stamp() ? last : last - 1;
        }
        long departedFrom = minus(departuresSeen, overlapMicros);
        var departures = dsl.connectionResult(c -> departures(c, departedFrom));
        apply(departures, false);
        if (++polls % 3600 == 0) {
            // an instance away for longer than a day rebuilds at start; notes older than that serve no one
            dsl.execute("delete from board_departures where departed_at < now() - interval '1 day'");
        }
    }

    /**
     * Applies the changes committed since the newest held, reads the learner's own row fresh (when
     * {@code learner} is given) in the same statement, and applies it too.
     */
    public Optional<Mine> catchUpReading(Optional<UUID> learner) {
        return dsl.connectionResult(c -> {
            var sql = new StringBuilder("(select 'c' as kind, user_id, points, streak_longest, submissions, "
                    + STAMP.formatted("board_changed_at") + " as stamp, null as username, null as display_name "
                    + "from learner_states where board_changed_at > ? order by board_changed_at limit " + BATCH + ")"
                    + " union all (select 'd', user_id, 0, 0, 0, " + STAMP.formatted("departed_at") + ", null, null "
                    + "from board_departures where departed_at > ? order by departed_at limit " + BATCH + ")");
            if (learner.isPresent()) {
                sql.append(" union all (select 'm', s.user_id, s.points, s.streak_longest, s.submissions, ")
                        .append(STAMP.formatted("s.board_changed_at"))
                        .append(", u.username, u.display_name from learner_states s join users u on u.id = s.user_id where s.user_id = ?)");
            }
            try (var statement = c.prepareStatement(sql.toString())) {
                statement.setObject(1, from(changesSeen));
                statement.setObject(2, from(departuresSeen));
                if (learner.isPresent()) {
                    statement.setObject(3, learner.get());
                }
                var changes = new ArrayList<Change>();
                var departures = new ArrayList<Change>();
                Mine mine = null;
                Change myChange = null;
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(1);
                        var change = new Change(rs.getObject(2, UUID.class), RankIndex.key(rs.getLong(3), rs.getInt(4)),
                                !"d".equals(kind) && rs.getInt(5) > 0, rs.getLong(6));
                        switch (kind) {
                            case "c" -> changes.add(change);
                            case "d" -> departures.add(change);
                            default -> {
                                mine = new Mine(change.learner(), rs.getLong(3), rs.getInt(4), change.onBoard(), rs.getString(7),
                                        rs.getString(8));
                                // my own row, fresh: applied like any change, but it says nothing about what else changed
                                myChange = change;
                            }
                        }
                    }
                }
                var all = new ArrayList<Change>(changes);
                all.addAll(departures);
                if (myChange != null) {
                    all.add(myChange);
                }
                apply(all, false);
                raise(newest(changes), newest(departures));
                return Optional.ofNullable(mine);
            }
        });
    }

    /** The newest stamp of a batch, less one when the batch is full (it may end inside a run of equal stamps). */
    private static long newest(List<Change> batch) {
        long newest = batch.stream().mapToLong(Change::stamp).max().orElse(Long.MIN_VALUE);
        return batch.size() >= BATCH ? newest - 1 : newest;
    }

    private synchronized void raise(long change, long departure) {
        if (change > changesSeen) {
            changesSeen = change;
        }
        if (departure > departuresSeen) {
            departuresSeen = departure;
        }
    }

    public long size() {
        lock.readLock().lock();
        try {
            return index.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many learners other than {@code learner} are strictly better than the learner's fresh key. */
    public long countBetterThan(UUID learner, long freshKey) {
        lock.readLock().lock();
        try {
            return index.countBetterThan(learner, freshKey);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A key held by {@code count} learners. */
    public record Group(long key, long count) {
    }

    /**
     * The groups of equal keys next to {@code key}, nearest first, better ({@code better}) or worse, until
     * they hold at least {@code learners} learners between them.
     */
    public List<Group> groupsNextTo(long key, boolean better, int learners) {
        lock.readLock().lock();
        try {
            var groups = new ArrayList<Group>();
            long held = 0;
            long at = key;
            while (held < learners) {
                at = better ? index.nextBetter(at) : index.nextWorse(at);
                if (at < 0) {
                    break;
                }
                long count = index.countEqual(at);
                groups.add(new Group(at, count));
                held += count;
            }
            return groups;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Starts polling every {@code every}; closing stops it. */
    public AutoCloseable follow(Duration every) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "global-board-index");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("global board index: could not follow the board's changes, trying again", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return poller::shutdownNow;
    }

    private void apply(List<Change> changes, boolean advance) {
        if (changes.isEmpty()) {
            return;
        }
        var ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingLong(Change::stamp));
        lock.writeLock().lock();
        try {
            for (var change : ordered) {
                if (change.onBoard()) {
                    index.put(change.learner(), change.key(), change.stamp());
                } else {
                    index.remove(change.learner(), change.stamp());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (advance) {
            raise(ordered.get(ordered.size() - 1).stamp(), Long.MIN_VALUE);
        }
    }

    private static List<Change> changes(Connection c, OffsetDateTime after, int limit) throws SQLException {
        try (var statement = c.prepareStatement("select user_id, points, streak_longest, submissions, "
                + STAMP.formatted("board_changed_at") + " from learner_states where board_changed_at > ? "
                + "order by board_changed_at limit " + limit)) {
            statement.setObject(1, after);
            var changes = new ArrayList<Change>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getObject(1, UUID.class), RankIndex.key(rs.getLong(2), rs.getInt(3)),
                            rs.getInt(4) > 0, rs.getLong(5)));
                }
            }
            return changes;
        }
    }

    private List<Change> departures(Connection c, long afterMicros) throws SQLException {
        try (var statement = c.prepareStatement("select user_id, " + STAMP.formatted("departed_at")
                + " from board_departures where departed_at > ? order by departed_at")) {
            statement.setObject(1, from(afterMicros));
            var departures = new ArrayList<Change>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    departures.add(new Change(rs.getObject(1, UUID.class), 0, false, rs.getLong(2)));
                }
            }
            raise(Long.MIN_VALUE, departures.stream().mapToLong(Change::stamp).max().orElse(Long.MIN_VALUE));
            return departures;
        }
    }

    private static long minus(long micros, long overlapMicros) {
        return micros == Long.MIN_VALUE ? micros : micros - overlapMicros;
    }

    /** Epoch microseconds as a bind value; "before everything" for none yet. */
    private static OffsetDateTime from(long micros) {
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        }
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

}
