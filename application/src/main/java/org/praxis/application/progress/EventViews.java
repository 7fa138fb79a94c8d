package org.praxis.application.progress;

import org.praxis.application.progress.port.in.EventView;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.praxis.domain.progress.DomainEvent;

/** Turns each domain event into its public shape: camelCase fields, slugs and ISO dates as strings. */
public final class EventViews {
    private EventViews() {
    }

    public static EventView of(DomainEvent event) {
        var f = new LinkedHashMap<String, Object>();
        f.put("at", event.at().toString());
        if (event instanceof DomainEvent.AnswerGraded e) {
            f.put("problem", e.problem().value());
            f.put("verdict", e.outcome().name().toLowerCase(Locale.ROOT));
            f.put("score", e.score().value());
            var points = new LinkedHashMap<String, Object>();
            points.put("base", e.points().base());
            points.put("timeBonus", e.points().timeBonus());
            points.put("hintPenalty", e.points().hintPenalty());
            points.put("total", e.points().total());
            f.put("points", points);
        } else if (event instanceof DomainEvent.ProblemSolved e) {
            f.put("problem", e.problem().value());
            f.put("score", e.score().value());
            f.put("attempts", e.attempts());
        } else if (event instanceof DomainEvent.BestScoreImproved e) {
            f.put("problem", e.problem().value());
            f.put("previous", e.previous().value());
            f.put("best", e.best().value());
        } else if (event instanceof DomainEvent.PointsAwarded e) {
            f.put("points", e.points());
            f.put("total", e.total());
            f.put("source", e.source().name().toLowerCase(Locale.ROOT));
            e.problem().ifPresent(p -> f.put("problem", p.value()));
            e.achievement().ifPresent(a -> f.put("achievement", a.value()));
        } else if (event instanceof DomainEvent.XpGained e) {
            f.put("topic", e.topic().value());
            f.put("problem", e.problem().value());
            f.put("xp", e.xp());
            f.put("topicXp", e.topicXp());
            f.put("taskOfDay", e.taskOfDay());
            f.put("earlyReview", e.earlyReview());
        } else if (event instanceof DomainEvent.LevelReached e) {
            f.put("topic", e.topic().value());
            f.put("level", e.level());
        } else if (event instanceof DomainEvent.ReviewScheduled e) {
            f.put("problem", e.problem().value());
            f.put("stage", e.stage());
            f.put("dueOn", e.dueOn().toString());
        } else if (event instanceof DomainEvent.ReviewPassed e) {
            f.put("problem", e.problem().value());
            f.put("stage", e.stage());
            f.put("nextDueOn", e.nextDueOn().toString());
            f.put("mastered", e.mastered());
        } else if (event instanceof DomainEvent.ReviewFailed e) {
            f.put("problem", e.problem().value());
            f.put("nextDueOn", e.nextDueOn().toString());
        } else if (event instanceof DomainEvent.StreakExtended e) {
            f.put("day", e.day().toString());
            f.put("current", e.current());
            f.put("longest", e.longest());
        } else if (event instanceof DomainEvent.StreakBroken e) {
            f.put("lastActiveDay", e.lastActiveDay().toString());
            f.put("length", e.length());
        } else if (event instanceof DomainEvent.BadgeEarned e) {
            f.put("name", e.rank().name());
            f.put("level", e.rank().level());
        } else if (event instanceof DomainEvent.AchievementUnlocked e) {
            f.put("code", e.achievement().code().value());
            f.put("title", e.achievement().title());
            f.put("rarity", e.achievement().rarity().name().toLowerCase(Locale.ROOT));
            f.put("pointsReward", e.achievement().pointsReward());
        } else if (event instanceof DomainEvent.ModuleCompleted e) {
            f.put("module", e.completion().module().value());
            f.put("track", e.track().value());
            f.put("timeSpentSeconds", e.completion().timeSpent().toSeconds());
            f.put("finalScore", e.completion().finalScore().value());
            f.put("points", e.completion().points());
        } else if (event instanceof DomainEvent.TrackCompleted e) {
            f.put("track", e.track().value());
        }
        return new EventView(event.type(), f);
    }
}
