package org.praxis.domain.gamification;

import java.util.regex.Pattern;

/** The stable name of an achievement, as seed 000's {@code achievement_type} ('first_submission', '10_day_streak'). */
public record AchievementCode(String value) implements Comparable<AchievementCode> {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:[_-][a-z0-9]+)*");

    public AchievementCode {
        if (value == null || value.length() > 100 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("an achievement code is lower-case letters and digits joined by single _ or -, at most 100 characters: "
                    + value);
        }
    }

    @Override
    public int compareTo(AchievementCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
