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
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jooq.DSLContext;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
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
 * <li>{@link #catchUpReading}, on every read of "my rank" (and on a page read after this instance committed a
 * change of a learner's key, {@link #catchUpIfChangedHere}): the rows changed after the newest change held, in
 * the same statement as the reader's own row and neighbours. Cheap (an index probe that usually finds nothing), and it makes a
 * read exact after every change committed before it, except for a change that committed after a newer one
 * had already been applied (it had a stamp older than the newest held when it became visible);
 * <li>{@link #poll}, in the background every second: the rows changed in the last {@code overlap} before
 * the newest change held, which picks those late commits up. Applying a row is setting its key as of its
 * stamp, never adding, so reading a row twice is harmless.
 * </ul>
 *
 * <p>It also keeps the board's first {@value #TOP} entries as SQL last read them ({@link #first}), valid
 * until a change that may touch them reaches the index, and it knows when this instance committed a change
 * of a learner's key ({@link #changedHere}), so that a read after it catches up first and the others need not.
 */
public final class GlobalBoardIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalBoardIndex.class);
    /** Rows a catch-up or poll applies at once; a longer backlog is taken in several steps. */
    static final int BATCH = 5_000;
    private static final int FETCH_SIZE = 10_000;
    private static final String STAMP = "(extract(epoch from %s) * 1000000)::bigint";
    /** The first entries of the board served from memory: as many as the API's largest page. */
    public static final int TOP = LeaderboardsUseCase.MAX_LIMIT;
    /** See {@link #catchUpIfChangedHere}: a quarter of a second, a few dozen rows at hundreds of submissions a second. */
    private static final long LOCAL_LOOK_BACK_MICROS = 250_000;

    /** A threshold below every key: every change invalidates the first entries. */
    private static final long EVERY_KEY = Long.MIN_VALUE;

    private final DSLContext dsl;
    private final Duration overlap;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private RankIndex index = new RankIndex();
    private volatile boolean loaded;
    // epoch microseconds of the newest change and departure applied (the strict catch-up starts after them)
    private volatile long changesSeen = Long.MIN_VALUE;
    private volatile long departuresSeen = Long.MIN_VALUE;
    private long polls;
    // the first entries as SQL read them, valid while generation is what it was then; generation,
    // threshold and topLearners change under the write lock only (see first())
    private volatile Top top;
    private volatile long generation;
    private long threshold = EVERY_KEY;
    private Set<UUID> topLearners = Set.of();
    private final AtomicLong rereads = new AtomicLong();
    // read-your-writes on this instance: commits of key changes here, and the count a catch-up began after
    private final AtomicLong changedHere = new AtomicLong();
    private final AtomicLong caughtUpHere = new AtomicLong();

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

    /** A learner next to the reader on the board, read fresh in the reader's statement. */
    public record Neighbour(UUID learner, long points, int longestStreak, String username, String displayName) {
        public long key() {
            return RankIndex.key(points, longestStreak);
        }
    }

    /**
     * What one catch-up statement read besides the changes: the reader's own row (if asked and it exists)
     * and up to k learners either side of it, nearest first ({@code above}: better or before me among my
     * equals; {@code below}: after me), when the reader is on the board.
     */
    public record Reading(Optional<Mine> mine, List<Neighbour> above, List<Neighbour> below) {
    }

    /** An entry of the board's first page with whose key it is, as the first entries are cached. */
    public record Ranked(UUID learner, long key, Entry entry) {
    }

    private record Top(long generation, List<Ranked> entries) {
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
            invalidateTop();
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
        // a poll reads everything a catch-up would (and more): it covers the commits made here before it
        long here = changedHere.get();
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
        caughtUpHere.accumulateAndGet(here, Math::max);
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
        return catchUpReading(learner, 0).mine();
    }

    /** This instance committed a change of a learner's key: its next read of the board catches up first. */
    public void changedHere() {
        changedHere.incrementAndGet();
    }

    /**
     * Catches up unless nothing changed here since the last catch-up or poll began: the reads of this
     * instance see its own commits at once, the other instances' within a poll.
     */
    public void catchUpIfChangedHere() {
        if (caughtUpHere.get() < changedHere.get()) {
            catchUpReading(Optional.empty(), 0, LOCAL_LOOK_BACK_MICROS);
        }
    }

    /**
     * As {@link #catchUpReading(Optional)}, and in the same statement the {@code neighbours} learners
     * either side of the learner in board order: my equals before me (user name descending) and the
     * better keys (ascending from mine, i.e. backwards along learner_states_board_idx), my equals after
     * me and the worse keys. Each is a range read of at most k entries of the board index from my fresh
     * row's position, whatever the size of my group of equals. One round trip in all.
     */
    public Reading catchUpReading(Optional<UUID> learner, int neighbours) {
        return catchUpReading(learner, neighbours, 0);
    }

    /**
     * {@code lookBackMicros}: how far before the newest change held to read again. A change of this
     * instance is stamped in the same round trip as its commit, but another change stamped after it can
     * still commit (and be applied) first; looking back a little picks such a commit up on this instance's
     * next page read instead of at the next poll.
     */
    private Reading catchUpReading(Optional<UUID> learner, int neighbours, long lookBackMicros) {
        long here = changedHere.get();
        var reading = dsl.connectionResult(c -> {
            // inside a caller's transaction the setting would outlast this statement: planned as PostgreSQL chooses then
            boolean generic = c.getAutoCommit();
            String sql = CATCH_UP[(generic ? 3 : 0) + (learner.isEmpty() ? 0 : neighbours > 0 ? 2 : 1)];
            try (var statement = c.prepareStatement(sql)) {
                int at = 0;
                if (learner.isPresent()) {
                    statement.setObject(++at, learner.get());
                }
                statement.setObject(++at, from(minus(changesSeen, lookBackMicros)));
                statement.setObject(++at, from(departuresSeen));
                if (learner.isPresent() && neighbours > 0) {
                    for (int part = 0; part < 4; part++) {
                        statement.setInt(++at, neighbours);
                    }
                }
                statement.execute();
                // with the generic plan, the first result is set_config's row; the reading follows
                if (generic && !statement.getMoreResults()) {
                    throw new SQLException("the board's catch-up statement returned no rows");
                }
                var changes = new ArrayList<Change>();
                var departures = new ArrayList<Change>();
                var above = new ArrayList<Neighbour>();
                var betterAbove = new ArrayList<Neighbour>();
                var below = new ArrayList<Neighbour>();
                var worseBelow = new ArrayList<Neighbour>();
                Mine mine = null;
                Change myChange = null;
                try (var rs = statement.getResultSet()) {
                    while (rs.next()) {
                        String kind = rs.getString(1);
                        var id = rs.getObject(2, UUID.class);
                        switch (kind) {
                            case "c" -> changes.add(new Change(id, RankIndex.key(rs.getLong(3), rs.getInt(4)), rs.getInt(5) > 0, rs.getLong(6)));
                            case "d" -> departures.add(new Change(id, 0, false, rs.getLong(6)));
                            case "m" -> {
                                mine = new Mine(id, rs.getLong(3), rs.getInt(4), rs.getInt(5) > 0, rs.getString(7), rs.getString(8));
                                // my own row, fresh: applied like any change, but it says nothing about what else changed
                                myChange = new Change(id, mine.key(), mine.onBoard(), rs.getLong(6));
                            }
                            default -> {
                                var neighbour = new Neighbour(id, rs.getLong(3), rs.getInt(4), rs.getString(7), rs.getString(8));
                                // each part arrives in its own order, nearest first
                                (switch (kind) {
                                    case "e<" -> above;
                                    case "b" -> betterAbove;
                                    case "e>" -> below;
                                    default -> worseBelow;
                                }).add(neighbour);
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
                above.addAll(betterAbove);
                below.addAll(worseBelow);
                return new Reading(Optional.ofNullable(mine), nearest(above, neighbours), nearest(below, neighbours));
            }
        });
        caughtUpHere.accumulateAndGet(here, Math::max);
        return reading;
    }

    private static List<Neighbour> nearest(List<Neighbour> neighbours, int k) {
        return List.copyOf(neighbours.subList(0, Math.min(k, neighbours.size())));
    }

    /**
     * Sent in front of the catch-up statement, in the same round trip and implicit transaction (one Sync):
     * a generic plan for it, kept by the connection's prepared statement. PostgreSQL's own choice is a
     * custom plan at every execution, as the generic plan's estimate for "changed after ?" is a third of
     * the table: planning the union of seven parts took 0.8 ms of the server's CPU per read, executing it
     * 0.07 ms with the same index scans (docs/performance.md, "Planning"). {@code set_config(..., true)}
     * lasts until the end of that transaction, so no other statement of the pooled connection sees it; on a
     * connection inside a transaction it would last until that one ends, so there it is left out.
     */
    private static final String GENERIC_PLAN = "select set_config('plan_cache_mode', 'force_generic_plan', true); ";

    /**
     * The neighbours' parts of the catch-up statement, each a range read of learner_states_board_idx
     * (points desc, longest streak desc, user name; V8) from my fresh row, at most k rows (the four binds).
     * A row comparison on (points, longest streak) is an index bound on those two columns (equal
     * directions), so "strictly better than me" starts right at my group and reads only k entries. The
     * index carries the learner's id and display name (V9): index-only scans, no lookup in users.
     */
    private static final String NEIGHBOURS = """
             union all select 'e<', x.* from me cross join lateral (select s.user_id, s.points, s.streak_longest, s.submissions,
                    0::bigint, s.username, s.display_name from learner_states s
              where s.submissions > 0 and s.points = me.points and s.streak_longest = me.streak_longest and s.username < me.board_name
              order by s.username desc limit ?) x where me.submissions > 0
             union all select 'b', x.* from me cross join lateral (select s.user_id, s.points, s.streak_longest, s.submissions,
                    0::bigint, s.username, s.display_name from learner_states s
              where s.submissions > 0 and (s.points, s.streak_longest) > (me.points, me.streak_longest)
              order by s.points, s.streak_longest, s.username desc limit ?) x where me.submissions > 0
             union all select 'e>', x.* from me cross join lateral (select s.user_id, s.points, s.streak_longest, s.submissions,
                    0::bigint, s.username, s.display_name from learner_states s
              where s.submissions > 0 and s.points = me.points and s.streak_longest = me.streak_longest and s.username > me.board_name
              order by s.username limit ?) x where me.submissions > 0
             union all select 'w', x.* from me cross join lateral (select s.user_id, s.points, s.streak_longest, s.submissions,
                    0::bigint, s.username, s.display_name from learner_states s
              where s.submissions > 0 and (s.points, s.streak_longest) < (me.points, me.streak_longest)
              order by s.points desc, s.streak_longest desc, s.username limit ?) x where me.submissions > 0
            """;

    /**
     * The catch-up statement's six texts, made once (a read used to build its few kilobytes again):
     * [in a transaction | with the generic plan] x [no learner | the learner | the learner and neighbours].
     */
    private static final String[] CATCH_UP = catchUpStatements();

    private static String[] catchUpStatements() {
        var texts = new String[6];
        for (int generic = 0; generic < 2; generic++) {
            for (int part = 0; part < 3; part++) {
                texts[generic * 3 + part] = catchUpStatement(generic == 1, part > 0, part == 2);
            }
        }
        return texts;
    }

    private static String catchUpStatement(boolean generic, boolean learner, boolean neighbours) {
        var sql = new StringBuilder(generic ? GENERIC_PLAN : "");
        if (learner) {
            sql.append("with me as (select s.user_id, s.points, s.streak_longest, s.submissions, ")
                    .append(STAMP.formatted("s.board_changed_at"))
                    .append(" as stamp, s.username as board_name, u.username, u.display_name from learner_states s ")
                    .append("join users u on u.id = s.user_id where s.user_id = ?) ");
        }
        sql.append("(select 'c' as kind, user_id, points, streak_longest, submissions, "
                + STAMP.formatted("board_changed_at") + " as stamp, null as username, null as display_name "
                + "from learner_states where board_changed_at > ? order by board_changed_at limit " + BATCH + ")"
                + " union all (select 'd', user_id, 0, 0, 0, " + STAMP.formatted("departed_at") + ", null, null "
                + "from board_departures where departed_at > ? order by departed_at limit " + BATCH + ")");
        if (learner) {
            sql.append(" union all select 'm', user_id, points, streak_longest, submissions, stamp, username, display_name from me");
            if (neighbours) {
                sql.append(NEIGHBOURS);
            }
        }
        return sql.toString();
    }

    /**
     * The board's first entries from {@code offset}, at most {@code limit} ({@code offset + limit <=}
     * {@value #TOP}), from memory while no change that may touch them has reached the index since they
     * were read; otherwise {@code read} reads the first {@value #TOP} in SQL (in board order, with their
     * ranks) and they are kept.
     *
     * <p>Why a kept page is never stale once the index applied a change that touches it: from the moment a
     * read begins, every change applied bumps the generation (the threshold is below every key), so a page
     * is kept only if nothing was applied while SQL read it. Once kept, a change bumps it when the learner is
     * on the page, or their key held before or after the change is at least the page's last key (they
     * may enter it, ties listed by name included): a learner outside the page whose key stays below its
     * last key cannot change it. A page read while a shorter board holds fewer than {@value #TOP} learners
     * keeps the threshold below every key. Renames and new display names are changes too (V9).
     */
    public List<Entry> first(int limit, int offset, Supplier<List<Ranked>> read) {
        var kept = top;
        var entries = kept != null && kept.generation() == generation ? kept.entries() : reread(read);
        int from = Math.min(offset, entries.size());
        int to = Math.min(offset + limit, entries.size());
        var page = new ArrayList<Entry>(to - from);
        for (int i = from; i < to; i++) {
            page.add(entries.get(i).entry());
        }
        return page;
    }

    private List<Ranked> reread(Supplier<List<Ranked>> read) {
        long started;
        lock.writeLock().lock();
        try {
            var kept = top;
            if (kept != null && kept.generation() == generation) {
                // another reader kept a page meanwhile
                return kept.entries();
            }
            // Without a kept page the threshold is below every key, so every change applied from now on
            // bumps the generation and this read does not keep its page. Readers missing together do not
            // bump it themselves: whichever finishes first with the generation unchanged keeps the page.
            if (kept != null) {
                invalidateTop();
            }
            started = generation;
        } finally {
            lock.writeLock().unlock();
        }
        rereads.incrementAndGet();
        var entries = List.copyOf(read.get());
        lock.writeLock().lock();
        try {
            if (generation == started) {
                top = new Top(started, entries);
                threshold = entries.size() >= TOP ? entries.get(TOP - 1).key() : EVERY_KEY;
                var learners = new java.util.HashSet<UUID>();
                entries.forEach(e -> learners.add(e.learner()));
                topLearners = learners;
            }
        } finally {
            lock.writeLock().unlock();
        }
        return entries;
    }

    /** How many times the first entries were read in SQL (tests: a page served from memory reads none). */
    long rereads() {
        return rereads.get();
    }

    /** Under the write lock. */
    private void invalidateTop() {
        generation++;
        threshold = EVERY_KEY;
        topLearners = Set.of();
        top = null;
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
            boolean touchesTop = false;
            for (var change : ordered) {
                var held = index.keyOf(change.learner());
                long heldStamp = index.stampOf(change.learner());
                boolean applied = change.onBoard() ? index.put(change.learner(), change.key(), change.stamp())
                        : index.remove(change.learner(), change.stamp());
                touchesTop |= touchesTop(change, held, heldStamp, applied);
            }
            if (touchesTop) {
                invalidateTop();
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (advance) {
            raise(ordered.get(ordered.size() - 1).stamp(), Long.MIN_VALUE);
        }
    }

    /**
     * Whether an applied change may touch the first entries (see {@link #first}): not when it repeats what
     * was held (the poll's overlap reads changes again), nor when it was older than what was held.
     */
    private boolean touchesTop(Change change, OptionalLong held, long heldStamp, boolean applied) {
        boolean onPage = topLearners.contains(change.learner());
        if (!applied) {
            // a departure of a learner the index never held, who is on the page (read while they were there)
            // (or of any learner while a page is being read: it may hold one the index has not seen yet)
            return !change.onBoard() && held.isEmpty() && (onPage || threshold == EVERY_KEY);
        }
        if (change.onBoard() && held.isPresent() && held.getAsLong() == change.key() && heldStamp == change.stamp()) {
            return false;
        }
        return onPage || (held.isPresent() && held.getAsLong() >= threshold) || (change.onBoard() && change.key() >= threshold);
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
