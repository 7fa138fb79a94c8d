package org.praxis.application.curriculum.testing;

import java.time.Instant;
import java.util.List;

import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.domain.gamification.BadgeLadder;

/** {@link Awards} in memory: the default ladder until one is stored, no achievements. */
public final class InMemoryAwards implements Awards {
    private BadgeLadder ladder;
    private List<AchievementDefinition> achievements = List.of();

    @Override
    public synchronized BadgeLadder ladder() {
        return ladder == null ? BadgeLadder.DEFAULT : ladder;
    }

    @Override
    public synchronized void replaceLadder(BadgeLadder ladder, Instant at) {
        this.ladder = ladder;
    }

    @Override
    public synchronized List<AchievementDefinition> achievements() {
        return achievements;
    }

    @Override
    public synchronized void replaceAchievements(List<AchievementDefinition> achievements, Instant at) {
        this.achievements = List.copyOf(achievements);
    }
}
