package org.praxis.domain.gamification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One period of a weekly or monthly board (GA4): ISO weeks (Monday to Monday, keyed by week-based
 * year, {@code 2026-W47}) or calendar months ({@code 2026-11}), cut in the board's time zone. The board
 * zone is one setting for the whole board, not each learner's: a board period must be the same
 * interval for everyone on it.
 *
 * @param start inclusive
 * @param end   exclusive: an instant belongs to exactly one period of each kind
 */
public record BoardPeriod(Kind kind, String key, ZoneId zone, Instant start, Instant end) {

    public enum Kind { WEEK, MONTH }

    private static final Pattern WEEK_KEY = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH_KEY = Pattern.compile("(\\d{4})-(\\d{2})");

    public BoardPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period starts before it ends");
        }
    }

    /** The period of {@code kind} that contains {@code at} in the board zone. */
    public static BoardPeriod containing(Kind kind, Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return switch (kind) {
            case WEEK -> week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
            case MONTH -> month(YearMonth.from(day), zone);
        };
    }

    /** The period named by {@code key} ("2026-W47" or "2026-11"); refuses keys that do not name a real period. */
    public static BoardPeriod parse(Kind kind, String key, ZoneId zone) {
        Objects.requireNonNull(key, "key");
        switch (kind) {
            case WEEK -> {
                Matcher m = WEEK_KEY.matcher(key);
                if (!m.matches()) {
                    throw new IllegalArgumentException("a week is written like 2026-W47, was " + key);
                }
                int year = Integer.parseInt(m.group(1));
                int week = Integer.parseInt(m.group(2));
                LocalDate anchor = LocalDate.of(year, 1, 4); // 4 January is always in ISO week 1
                long weeksInYear = anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
                if (week < 1 || week > weeksInYear) {
                    throw new IllegalArgumentException(year + " has ISO weeks 1.." + weeksInYear + ", not " + week);
                }
                LocalDate monday = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
                return week(monday, zone);
            }
            case MONTH -> {
                if (!MONTH_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("a month is written like 2026-11, was " + key);
                }
                try {
                    return month(YearMonth.parse(key), zone);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a month: " + key);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public BoardPeriod next() {
        return containing(kind, end, zone);
    }

    public BoardPeriod previous() {
        return containing(kind, start.minusNanos(1), zone);
    }

    private static BoardPeriod week(LocalDate monday, ZoneId zone) {
        int weekYear = monday.get(IsoFields.WEEK_BASED_YEAR);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String key = String.format(Locale.ROOT, "%04d-W%02d", weekYear, week);
        // atStartOfDay(zone), not atTime(0:00): a DST gap at midnight moves the start to the first real instant.
        return new BoardPeriod(Kind.WEEK, key, zone, monday.atStartOfDay(zone).toInstant(),
                monday.plus(1, ChronoUnit.WEEKS).atStartOfDay(zone).toInstant());
    }

    private static BoardPeriod month(YearMonth month, ZoneId zone) {
        String key = String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue());
        return new BoardPeriod(Kind.MONTH, key, zone, month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
