package org.praxis.application.curriculum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;
import org.praxis.domain.scoring.XpSettings;

/** What every {@link Topics} and {@link Awards} must do. Run on an empty store (one per test class). */
public abstract class TopicsAndAwardsContract {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    protected abstract Topics topics();

    protected abstract Awards awards();

    private static TopicDefinition topic(String slug, Optional<String> parent, Optional<XpSettings> xp) {
        return new TopicDefinition(new Topic(new TopicSlug(slug), "Title of " + slug, parent.map(TopicSlug::new)), "About " + slug, xp);
    }

    @Test
    void theTopicTreeIsReplacedKeepingGeneralAndExactDecimals() {
        var xp = new XpSettings(500, 10, 3, 3, new BigDecimal("1.00"), new BigDecimal("0.5"), new BigDecimal("0.250"),
                new BigDecimal("0.5"), new BigDecimal("0.9"), new BigDecimal("10"), List.of(0, 10, 30), List.of(1, 2));
        var first = List.of(topic("web", Optional.empty(), Optional.empty()), topic("html", Optional.of("web"), Optional.of(xp)),
                topic("css", Optional.of("web"), Optional.empty()), topic("math", Optional.empty(), Optional.empty()));
        topics().replaceAll(first, T0);
        var general = topics().all().get(4);
        assertEquals("general", general.slug().value());
        assertEquals(first, topics().all().subList(0, 4), "parents before children, siblings in order, XP settings exact");

        var second = List.of(topic("math", Optional.empty(), Optional.of(XpSettings.DEFAULT)), topic("web", Optional.empty(), Optional.empty()),
                topic("css", Optional.of("web"), Optional.empty()));
        topics().replaceAll(second, T0);
        assertEquals(List.of("math", "web", "css", "general"), topics().all().stream().map(t -> t.slug().value()).toList());
        assertEquals(Optional.of(XpSettings.DEFAULT), topics().all().get(0).xp());
    }

    @Test
    void theLadderAndTheAchievementsAreReplaced() {
        assertEquals(BadgeLadder.DEFAULT, awards().ladder(), "the default ladder until one is stored");
        var ladder = new BadgeLadder(List.of(new BadgeRank("Novice", 1, 0, 0), new BadgeRank("Adept", 2, 100, 3)));
        awards().replaceLadder(ladder, T0);
        assertEquals(ladder, awards().ladder());

        var first = new AchievementDefinition(new Achievement(new AchievementCode("first-steps"), "First steps", new Criterion.FirstSubmission(),
                Rarity.COMMON, 10), "Submit once.");
        var hard = new AchievementDefinition(new Achievement(new AchievementCode("hard-ten"), "Ten hard ones",
                new Criterion.SolvedCount(10, Optional.of(Difficulty.ADVANCED), Optional.of(new TopicSlug("web"))), Rarity.EPIC, 0), "");
        awards().replaceAchievements(List.of(hard, first), T0);
        assertEquals(List.of(hard, first), awards().achievements());
        awards().replaceAchievements(List.of(first), T0);
        assertEquals(List.of(first), awards().achievements());
    }
}
