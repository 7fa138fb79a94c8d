package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.PointsPolicy;
import org.praxis.domain.scoring.ProblemScoring;
import org.praxis.domain.scoring.TopicXp;
import org.praxis.domain.scoring.XpSettings;

/**
 * Random learner histories run through the reducer the way the application does: load the slices a
 * submission needs, apply, store the slices back.
 */
class ProgressionProperties {

    private static final LearnerId LEARNER = new LearnerId(new UUID(7, 7));
    private static final List<ProblemSlug> PROBLEMS = List.of(new ProblemSlug("a"), new ProblemSlug("b"), new ProblemSlug("c"),
            new ProblemSlug("d"), new ProblemSlug("e"));
    private static final List<TopicSlug> TOPICS = List.of(new TopicSlug("t1"), new TopicSlug("t2"));
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Auckland"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Europe/Berlin"));
    // A small ladder and cheap achievements, so short histories reach several of them.
    private static final BadgeLadder LADDER = new BadgeLadder(List.of(new BadgeRank("One", 1, 0, 0), new BadgeRank("Two", 2, 150, 1),
            new BadgeRank("Three", 3, 400, 3), new BadgeRank("Four", 4, 600, 5)));
    private static final AchievementRules RULES = new AchievementRules(List.of(
            new Achievement(new AchievementCode("first"), "first", new Criterion.FirstSubmission(), Rarity.COMMON, 5),
            new Achievement(new AchievementCode("two-solved"), "two", new Criterion.SolvedCount(2, Optional.empty(), Optional.empty()),
                    Rarity.COMMON, 0),
            new Achievement(new AchievementCode("streak-2"), "streak", new Criterion.StreakDays(2), Rarity.RARE, 50),
            new Achievement(new AchievementCode("points-300"), "points", new Criterion.PointsTotal(300), Rarity.RARE, 0),
            new Achievement(new AchievementCode("level-2"), "level", new Criterion.LevelReached(new TopicSlug("t1"), 2), Rarity.EPIC, 0),
            new Achievement(new AchievementCode("topics-2"), "topics", new Criterion.DistinctTopicsSolved(2), Rarity.EPIC, 0)));

    record Step(int problem, int verdict, long secondsLater, int zone, boolean revealHint) {
    }

    /** The application's storage, reduced to maps of slices. */
    static final class Store {
        LearnerState learner = LearnerState.fresh(LEARNER, PROBLEMS.get(0));
        final Map<ProblemSlug, ProblemProgress> progress = new HashMap<>();
        final Map<ProblemSlug, ReviewItem> reviews = new HashMap<>();
        final Map<TopicSlug, TopicXp> xp = new HashMap<>();
        final Map<TopicSlug, TopicStatistics> statistics = new HashMap<>();

        LearnerState load(ProblemSlug slug, TopicSlug topic) {
            return learner.onProblem(progress.getOrDefault(slug, ProblemProgress.notStarted(LEARNER, slug)), Optional.ofNullable(reviews.get(slug)),
                    Optional.ofNullable(xp.get(topic)), Optional.ofNullable(statistics.get(topic)), CourseProgress.NONE);
        }

        void save(LearnerState state, TopicSlug topic) {
            learner = state;
            progress.put(state.progress().problem(), state.progress());
            state.review().ifPresent(r -> reviews.put(r.problem(), r));
            state.topicXp().ifPresent(x -> xp.put(topic, x));
            state.topicStatistics().ifPresent(s -> statistics.put(topic, s));
        }
    }

    static ScoringConfig config(ProblemSlug slug) {
        TopicSlug topic = topicOf(slug);
        var problem = new ScoredProblem(slug, Difficulty.values()[PROBLEMS.indexOf(slug) % 4], Optional.of(topic),
                new ProblemScoring(100, 50, 300), List.of(10, 30), Optional.empty());
        return new ScoringConfig(problem, XpSettings.DEFAULT, PointsPolicy.DEFAULT, LADDER, RULES);
    }

    static TopicSlug topicOf(ProblemSlug slug) {
        return TOPICS.get(PROBLEMS.indexOf(slug) % TOPICS.size());
    }

    static Verdict verdict(int kind) {
        return switch (kind) {
            case 0 -> Verdict.correct("", List.of());
            case 1 -> Verdict.incorrect(new Score(35), "", List.of());
            default -> Verdict.error("");
        };
    }

    @Property(tries = 300)
    void theReducerIsDeterministicAndAwardsEachBadgeAndAchievementAtMostOnce(@ForAll("histories") List<Step> history) {
        var store = new Store();
        Instant at = Instant.parse("2026-11-01T08:00:00Z");
        var badges = new HashSet<String>();
        var achievements = new HashSet<AchievementCode>();
        long rewards = 0;
        int submission = 0;
        for (Step step : history) {
            ProblemSlug slug = PROBLEMS.get(step.problem());
            TopicSlug topic = topicOf(slug);
            at = at.plusSeconds(step.secondsLater());
            LearnerState state = store.load(slug, topic);
            if (state.progress().startedAt().isEmpty()) {
                state = state.onProblem(state.progress().start(at.minusSeconds(200)), state.review(), state.topicXp(), state.topicStatistics(),
                        state.course());
            }
            if (step.revealHint()) {
                state = state.onProblem(state.progress().revealHint(1), state.review(), state.topicXp(), state.topicStatistics(), state.course());
            }
            var attempt = new GradedAttempt(new SubmissionId(new UUID(0, submission++)), slug, verdict(step.verdict()), Optional.empty());
            ZoneId zone = ZONES.get(step.zone());

            Outcome outcome = Progression.apply(state, attempt, config(slug), at, zone);
            assertEquals(outcome, Progression.apply(state, attempt, config(slug), at, zone), "same input, same output");

            for (DomainEvent event : outcome.events()) {
                if (event instanceof DomainEvent.BadgeEarned earned) {
                    assertTrue(badges.add(earned.rank().name()), "badge earned twice: " + earned.rank().name());
                }
                if (event instanceof DomainEvent.AchievementUnlocked unlocked) {
                    assertTrue(achievements.add(unlocked.achievement().code()), "achievement earned twice: " + unlocked.achievement().code());
                    rewards += unlocked.achievement().pointsReward();
                }
            }
            LearnerState after = outcome.newState();
            assertTrue(after.topicXp().map(TopicXp::xp).orElse(0) <= XpSettings.DEFAULT.maxXp(), "over maxXp");
            assertTrue(after.topicXp().map(TopicXp::level).orElse(0) >= state.topicXp().map(TopicXp::level).orElse(0), "a level dropped");
            assertTrue(after.totals().points() >= state.totals().points(), "points went down");
            store.save(after, topic);

            long bests = store.progress.values().stream().mapToLong(ProblemProgress::pointsEarned).sum();
            assertEquals(bests + rewards, store.learner.totals().points(), "total = sum of per-problem bests + rewards");
            assertEquals(store.progress.values().stream().filter(ProblemProgress::isCompleted).count(), store.learner.totals().solved());
            assertEquals(submission, store.learner.totals().submissions());
            assertEquals(achievements, store.learner.achievements());
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, PROBLEMS.size() - 1),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(0L, 30L, 600L, 3_600L, 20 * 3_600L, 26 * 3_600L, 3 * 86_400L),
                        Arbitraries.integers().between(0, ZONES.size() - 1),
                        Arbitraries.integers().between(0, 9).map(n -> n == 0))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }
}
