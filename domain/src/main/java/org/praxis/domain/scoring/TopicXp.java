package org.praxis.domain.scoring;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.TopicSlug;

/**
 * A learner's XP in one topic (seed 004 {@code UserTopicXp}): XP held (capped at {@code maxXp}),
 * the level reached, and how many XP-earning tasks were done on the learner's latest active local
 * day in this topic ({@code daily_tasks_count} / {@code daily_tasks_date}). One row per learner and
 * topic, so a submission loads and locks only the topic it touches.
 */
public record TopicXp(TopicSlug topic, int xp, int level, Optional<LocalDate> tasksDay, int tasksThatDay) {

    public TopicXp {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(tasksDay, "tasksDay");
        if (xp < 0 || level < 0 || tasksThatDay < 0) {
            throw new IllegalArgumentException("xp, level and task count cannot be negative");
        }
        if (tasksDay.isEmpty() != (tasksThatDay == 0)) {
            throw new IllegalArgumentException("a task day is present exactly when tasks were counted on it");
        }
    }

    public static TopicXp fresh(TopicSlug topic, XpSettings settings) {
        return new TopicXp(topic, 0, settings.levelFor(0), Optional.empty(), 0);
    }

    /** Tasks already done on {@code day}: the counter restarts on a new local day. */
    public int tasksOn(LocalDate day) {
        return tasksDay.filter(day::equals).isPresent() ? tasksThatDay : 0;
    }

    /**
     * One XP-earning task on local day {@code day}. XP is capped at {@code maxXp}; the level is taken
     * from the thresholds but never lowered, so a content change to the thresholds cannot demote anyone.
     */
    public XpGain gain(XpSettings settings, LocalDate day, boolean early) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(day, "day");
        int k = tasksOn(day) + 1;
        int earned = new DailyXpBands(settings).xpForTask(k, early);
        int newXp = (int) Math.min(settings.maxXp(), Math.max(xp, (long) xp + earned));
        // A topic whose maxXp was lowered below what a learner holds keeps their XP: nothing is taken back.
        newXp = Math.max(newXp, xp);
        int newLevel = Math.max(level, settings.levelFor(newXp));
        var after = new TopicXp(topic, newXp, newLevel, Optional.of(day), k);
        return new XpGain(this, after, k, earned, early);
    }

    /**
     * @param taskOfDay  k, the ordinal of the task in the local day
     * @param bandXp     what the band paid before the {@code maxXp} cap
     */
    public record XpGain(TopicXp before, TopicXp after, int taskOfDay, int bandXp, boolean early) {
        public XpGain {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** What the learner actually gained: the band's XP, less whatever the cap cut off. */
        public int gained() {
            return after.xp() - before.xp();
        }

        public boolean levelledUp() {
            return after.level() > before.level();
        }
    }
}
