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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jooq.DSLContext;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.domain.gamification.RankIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's copy of the global board ({@link RankIndex}: keys, names and order), built from
 * {@code learner_states} at start and kept current from the committed changes the database clocks in
 * {@code board_changed_at} (V8): see docs/performance.md, "Boards and ranks". Ranks, positions,
 * neighbours and pages are read from memory alone.
 *
 * <p>Two ways changes arrive:
 * <ul>
 * <li>{@link #committedHere}: this instance's own commits of a learner's key, applied right after they
 * commit, so a learner's next read here shows their change ({@link #refresh}: a learner's row read
 * again, when a grading worker, perhaps on another instance, committed it);
 * <li>{@link #poll}, in the background every second: the rows changed after the newest change held, less
 * {@code overlap} (a change can commit after a newer one was applied: it is read again until its stamp is
 * older than that), and the departures. Applying a row is setting its key and names as of its stamp, never
 * adding, so reading a row twice is harmless. The other instances' changes, renames and erasures arrive
 * this way, within a poll.
 * </ul>
 *
 * <p>The board's first {@value #TOP} entries are kept as made for the last read ({@link #page}) until the
 * index changes.
 */
public final class GlobalBoardIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalBoardIndex.class);
    /** Rows a poll applies at once; a longer backlog is taken in several steps. */
    static final int BATCH = 5_000;
    private static final int FETCH_SIZE = 10_000;
    private static final String STAMP = "(extract(epoch from %s) * 1000000)::bigint";
    /** The first entries of the board served from memory: as many as the API's largest page. */
    public static final int TOP = LeaderboardsUseCase.MAX_LIMIT;

    private final DSLContext dsl;
    private final Duration overlap;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private RankIndex index = new RankIndex();
    private volatile boolean loaded;
    // epoch microseconds of the newest change and departure applied (the poll reads again from a little before)
    private volatile long changesSeen = Long.MIN_VALUE;
    private volatile long departuresSeen = Long.MIN_VALUE;
    private long polls;
    // the first entries as made for a read, valid while the index they came from has not changed since
    private volatile Top top;
    private final AtomicLong topsMade = new AtomicLong();

    /** {@code overlap}: how late after its stamp a change may commit and still be picked up by {@link #poll}. */
    public GlobalBoardIndex(DSLContext dsl, Duration overlap) {
        this.dsl = Objects.requireNonNull(dsl);
        this.overlap = Objects.requireNonNull(overlap);
    }

    /** The packed key of (points, longest streak), and back: see {@link RankIndex#key}. */
    public static long key(long points, int longestStreak) {
        return RankIndex.key(points, longestStreak);
    }

    /** Whether the index has been built: until then, readers count in SQL. */
    public boolean loaded() {
        return loaded;
    }

    private record Top(RankIndex index, long changes, List<Entry> entries) {
    }

    /** A change of one learner's key or names, or a departure ({@code onBoard} false). */
    private record Change(UUID learner, long key, boolean onBoard, long stamp, String username, Optional<String> displayName) {
        static Change departure(UUID learner, long stamp) {
            return new Change(learner, 0, false, stamp, "", Optional.empty());
        }
    }

    /**
     * The names as the rows hold them: a row on the board always has its user name (V8's triggers), and
     * if one had none it would sort first both here and in SQL ({@code ''}, the smallest text).
     */
    private static final String NAMES = "coalesce(username, ''), display_name";

    /**
     * Builds the index from every learner on the board, streamed ({@value #FETCH_SIZE} rows a fetch), and
     * swaps it in. Changes committed while it loads are picked up by the next poll.
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
                        + ", " + NAMES + " from learner_states where submissions > 0")) {
                    rows.setFetchSize(FETCH_SIZE);
                    try (var rs = rows.executeQuery()) {
                        while (rs.next()) {
                            built.put(rs.getObject(1, UUID.class), RankIndex.key(rs.getLong(2), rs.getInt(3)), rs.getLong(4),
                                    rs.getString(5), Optional.ofNullable(rs.getString(6)));
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
        // after applying, as for the changes: departures that failed to apply are read again next time
        raise(Long.MIN_VALUE, departures.stream().mapToLong(Change::stamp).max().orElse(Long.MIN_VALUE));
        if (++polls % 3600 == 0) {
            // an instance away for longer than a day rebuilds at start; notes older than that serve no one
            dsl.execute("delete from board_departures where departed_at < now() - interval '1 day'");
        }
    }

    /**
     * This instance committed a change of a learner's key or names: applied at once, so that this instance's
     * next read shows it (P8: my own rank is exact on my next request), while the other instances see it
     * with their next poll. {@code stamp} must not be newer than the stamp the database gave the change
     * (the stamp of the change before it, plus one microsecond, is what the caller knows under the row's
     * lock): the poll then reads the row again with its own stamp and sets the same key, and any later
     * change is newer still. It does not advance what the poll starts from: commits of other instances
     * stamped before it may not be visible yet.
     */
    public void committedHere(UUID learner, long points, int longestStreak, boolean onBoard, long stamp, String username,
            Optional<String> displayName) {
        if (!loaded) {
            return;
        }
        try {
            apply(List.of(new Change(learner, RankIndex.key(points, longestStreak), onBoard, stamp, username, displayName)), false);
        } catch (RuntimeException e) {
            // the submission has committed and answers as such; the poll brings its change within a second
            LOG.warn("global board index: could not apply a change committed here, the next poll will", e);
        }
    }

    /**
     * Reads the learner's board row and applies it with its own stamp: for a change committed by a
     * transaction this thread did not run (a queued answer graded by a worker, perhaps on another
     * instance), so that the learner's next read here shows it. One primary-key read; the write lock only
     * when the row is newer than what the index holds. A failure is logged and left to the poll: the answer
     * it follows is already graded.
     */
    public void refresh(UUID learner) {
        if (!loaded) {
            return;
        }
        try {
            var row = dsl.connectionResult(c -> {
                try (var statement = c.prepareStatement("select user_id, points, streak_longest, submissions, "
                        + STAMP.formatted("board_changed_at") + ", " + NAMES + " from learner_states where user_id = ?")) {
                    statement.setObject(1, learner);
                    try (var rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(change(rs)) : Optional.<Change>empty();
                    }
                }
            });
            if (row.isPresent() && row.get().stamp() > heldStamp(learner)) {
                apply(List.of(row.get()), false);
            }
        } catch (RuntimeException e) {
            LOG.warn("global board index: could not read a learner's row again, the next poll will", e);
        }
    }

    private long heldStamp(UUID learner) {
        lock.readLock().lock();
        try {
            return index.stampOf(learner);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} entries of the board in order from 0-based {@code offset}, with their ranks, from
     * memory. The first {@value #TOP} are made once for every state of the index and kept: a page that
     * changes a few hundred times a second is read thousands of times.
     */
    public List<Entry> page(int offset, int limit) {
        if ((long) offset + limit > TOP) {
            lock.readLock().lock();
            try {
                return index.page(offset, limit).stream().map(GlobalBoardIndex::entry).toList();
            } finally {
                lock.readLock().unlock();
            }
        }
        List<Entry> entries;
        lock.readLock().lock();
        try {
            var kept = top;
            if (kept == null || kept.index() != index || kept.changes() != index.changes()) {
                // readers that miss together each make it; any of theirs is right for this state
                kept = new Top(index, index.changes(), index.page(0, TOP).stream().map(GlobalBoardIndex::entry).toList());
                top = kept;
                topsMade.incrementAndGet();
            }
            entries = kept.entries();
        } finally {
            lock.readLock().unlock();
        }
        return entries.subList(Math.min(offset, entries.size()), Math.min(offset + limit, entries.size()));
    }

    /** How many times the first entries were made (tests: a page read twice without a change is made once). */
    long topsMade() {
        return topsMade.get();
    }

    /** A board entry as the API shows it: the display name, or the user name when there is none. */
    static Entry entry(RankIndex.Placed placed) {
        return new Entry((int) placed.rank(), placed.username(), placed.displayName().orElse(placed.username()), placed.points(),
                Optional.of(placed.longestStreak()), Optional.empty());
    }

    /** The learner's place on the board with up to {@code neighbours} learners either side, from memory. */
    public Optional<RankIndex.Standing> standing(UUID learner, int neighbours) {
        lock.readLock().lock();
        try {
            return index.standing(learner, neighbours);
        } finally {
            lock.readLock().unlock();
        }
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
                    index.put(change.learner(), change.key(), change.stamp(), change.username(), change.displayName());
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
                + STAMP.formatted("board_changed_at") + ", " + NAMES + " from learner_states where board_changed_at > ? "
                + "order by board_changed_at limit " + limit)) {
            statement.setObject(1, after);
            var changes = new ArrayList<Change>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(change(rs));
                }
            }
            return changes;
        }
    }

    /** A row of {@code select user_id, points, streak_longest, submissions, <stamp>, <NAMES>}. */
    private static Change change(java.sql.ResultSet rs) throws SQLException {
        return new Change(rs.getObject(1, UUID.class), RankIndex.key(rs.getLong(2), rs.getInt(3)), rs.getInt(4) > 0, rs.getLong(5),
                rs.getString(6), Optional.ofNullable(rs.getString(7)));
    }

    private static List<Change> departures(Connection c, long afterMicros) throws SQLException {
        try (var statement = c.prepareStatement("select user_id, " + STAMP.formatted("departed_at")
                + " from board_departures where departed_at > ? order by departed_at")) {
            statement.setObject(1, from(afterMicros));
            var departures = new ArrayList<Change>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    departures.add(Change.departure(rs.getObject(1, UUID.class), rs.getLong(2)));
                }
            }
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
