package org.praxis.application.curriculum.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.BadgeLadder;

/** The badge ladder (GA1) and the achievements (GA2) that content defines. */
public interface Awards {

    /** The ladder in force: the stored one, or {@link BadgeLadder#DEFAULT} when none was ever stored. */
    BadgeLadder ladder();

    /** Makes {@code ladder} the ladder; rungs it no longer has are archived. */
    void replaceLadder(BadgeLadder ladder, Instant at);

    /** The active achievements, in their order. */
    List<AchievementDefinition> achievements();

    /** Makes {@code achievements} the active ones, in this order; the others are archived. */
    void replaceAchievements(List<AchievementDefinition> achievements, Instant at);

    /** An achievement as a content file writes it: the domain's {@link Achievement} and the text learners read. */
    record AchievementDefinition(Achievement achievement, String description) {
        public AchievementDefinition {
            Objects.requireNonNull(achievement, "achievement");
            description = description == null ? "" : description;
        }
    }
}
