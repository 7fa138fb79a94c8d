package org.praxis.persistence.operations;

import java.util.List;
import java.util.Locale;

import org.praxis.application.progress.EventViews;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.persistence.progress.StatsJson;

/**
 * A submission's events ({@code submissions.events}, V13), written straight into a binary COPY's json
 * field: the same JSON, byte for byte, that the learning loop stores ({@link EventViews#of} written by
 * Jackson), field for field in the same order, without the maps and the serializer per event. An event
 * type not listed here takes that slower path, so a new type is stored right before it is made fast.
 * {@code LoadSampleTest} compares both for every submission of a sample load.
 */
final class EventJson {
    private EventJson() {
    }

    /** The events as one json field: {@code [{"type": ..., "fields": {...}}, ...]}. */
    static void writeAll(List<DomainEvent> events, CopyBinary out) {
        out.beginJson();
        out.json('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.json(',');
            }
            var event = events.get(i);
            out.json('{');
            name(out, "type", true);
            out.jsonString(event.type());
            name(out, "fields", false);
            fields(event, out);
            out.json('}');
        }
        out.json(']');
        out.endJson();
    }

    private static void fields(DomainEvent event, CopyBinary out) {
        if (!known(event)) {
            out.jsonRaw(StatsJson.json(EventViews.of(event).fields()).data());
            return;
        }
        out.json('{');
        name(out, "at", true);
        out.jsonInstant(event.at());
        if (event instanceof DomainEvent.AnswerGraded e) {
            string(out, "problem", e.problem().value());
            string(out, "verdict", lower(e.outcome()));
            number(out, "score", e.score().value());
            name(out, "points", false);
            out.json('{');
            name(out, "base", true);
            out.jsonNumber(e.points().base());
            number(out, "timeBonus", e.points().timeBonus());
            number(out, "hintPenalty", e.points().hintPenalty());
            number(out, "total", e.points().total());
            out.json('}');
        } else if (event instanceof DomainEvent.ProblemSolved e) {
            string(out, "problem", e.problem().value());
            number(out, "score", e.score().value());
            number(out, "attempts", e.attempts());
        } else if (event instanceof DomainEvent.BestScoreImproved e) {
            string(out, "problem", e.problem().value());
            number(out, "previous", e.previous().value());
            number(out, "best", e.best().value());
        } else if (event instanceof DomainEvent.PointsAwarded e) {
            number(out, "points", e.points());
            number(out, "total", e.total());
            string(out, "source", lower(e.source()));
            if (e.problem().isPresent()) {
                string(out, "problem", e.problem().get().value());
            }
            if (e.achievement().isPresent()) {
                string(out, "achievement", e.achievement().get().value());
            }
        } else if (event instanceof DomainEvent.XpGained e) {
            string(out, "topic", e.topic().value());
            string(out, "problem", e.problem().value());
            number(out, "xp", e.xp());
            number(out, "topicXp", e.topicXp());
            number(out, "taskOfDay", e.taskOfDay());
            name(out, "earlyReview", false);
            out.jsonBoolean(e.earlyReview());
        } else if (event instanceof DomainEvent.LevelReached e) {
            string(out, "topic", e.topic().value());
            number(out, "level", e.level());
        } else if (event instanceof DomainEvent.ReviewScheduled e) {
            string(out, "problem", e.problem().value());
            number(out, "stage", e.stage());
            string(out, "dueOn", e.dueOn().toString());
        } else if (event instanceof DomainEvent.ReviewPassed e) {
            string(out, "problem", e.problem().value());
            number(out, "stage", e.stage());
            string(out, "nextDueOn", e.nextDueOn().toString());
            name(out, "mastered", false);
            out.jsonBoolean(e.mastered());
        } else if (event instanceof DomainEvent.ReviewFailed e) {
            string(out, "problem", e.problem().value());
            string(out, "nextDueOn", e.nextDueOn().toString());
        } else if (event instanceof DomainEvent.StreakExtended e) {
            string(out, "day", e.day().toString());
            number(out, "current", e.current());
            number(out, "longest", e.longest());
        } else if (event instanceof DomainEvent.StreakBroken e) {
            string(out, "lastActiveDay", e.lastActiveDay().toString());
            number(out, "length", e.length());
        } else if (event instanceof DomainEvent.BadgeEarned e) {
            string(out, "name", e.rank().name());
            number(out, "level", e.rank().level());
        } else if (event instanceof DomainEvent.AchievementUnlocked e) {
            string(out, "code", e.achievement().code().value());
            string(out, "title", e.achievement().title());
            string(out, "rarity", lower(e.achievement().rarity()));
            number(out, "pointsReward", e.achievement().pointsReward());
        } else if (event instanceof DomainEvent.ModuleCompleted e) {
            string(out, "module", e.completion().module().value());
            string(out, "track", e.track().value());
            number(out, "timeSpentSeconds", e.completion().timeSpent().toSeconds());
            number(out, "finalScore", e.completion().finalScore().value());
            number(out, "points", e.completion().points());
        } else if (event instanceof DomainEvent.TrackCompleted e) {
            string(out, "track", e.track().value());
        }
        out.json('}');
    }

    private static boolean known(DomainEvent e) {
        return e instanceof DomainEvent.AnswerGraded || e instanceof DomainEvent.ProblemSolved || e instanceof DomainEvent.BestScoreImproved
                || e instanceof DomainEvent.PointsAwarded || e instanceof DomainEvent.XpGained || e instanceof DomainEvent.LevelReached
                || e instanceof DomainEvent.ReviewScheduled || e instanceof DomainEvent.ReviewPassed || e instanceof DomainEvent.ReviewFailed
                || e instanceof DomainEvent.StreakExtended || e instanceof DomainEvent.StreakBroken || e instanceof DomainEvent.BadgeEarned
                || e instanceof DomainEvent.AchievementUnlocked || e instanceof DomainEvent.ModuleCompleted
                || e instanceof DomainEvent.TrackCompleted;
    }

    private static void name(CopyBinary out, String name, boolean first) {
        if (!first) {
            out.json(',');
        }
        out.jsonString(name);
        out.json(':');
    }

    private static void string(CopyBinary out, String name, String value) {
        name(out, name, false);
        out.jsonString(value);
    }

    private static void number(CopyBinary out, String name, long value) {
        name(out, name, false);
        out.jsonNumber(value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
