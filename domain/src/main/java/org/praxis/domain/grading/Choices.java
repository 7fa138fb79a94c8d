package org.praxis.domain.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Shared option rules of the choice settings. */
final class Choices {
    static final int MAX_OPTIONS = 50;

    private Choices() {
    }

    static List<String> checkOptions(List<String> options) {
        var copy = List.copyOf(Objects.requireNonNull(options, "options"));
        if (copy.size() < 2 || copy.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a choice needs 2.." + MAX_OPTIONS + " options, had " + copy.size());
        }
        // Options that differ only in case or spacing look identical to a learner.
        var seen = new ArrayList<String>();
        for (String option : copy) {
            String normal = Normalisation.LENIENT.apply(option);
            if (normal.isBlank()) {
                throw new IllegalArgumentException("an option cannot be blank");
            }
            if (seen.contains(normal)) {
                throw new IllegalArgumentException("options must be distinct: " + option);
            }
            seen.add(normal);
        }
        return copy;
    }

    private static final Pattern INDEX = Pattern.compile("\\d{1,3}");
    private static final int MAX_ANSWER_LENGTH = 4 * MAX_OPTIONS;

    /**
     * The chosen 0-based indexes of a comma-separated answer ({@code " 2, 0 ,2"} is {0, 2}), or empty
     * when any part is not an index of an option. Duplicates and order do not matter.
     */
    static Optional<SortedSet<Integer>> parseIndexes(String answer, int optionCount) {
        String text = Normalisation.LENIENT.apply(answer);
        var chosen = new TreeSet<Integer>();
        if (text.isEmpty()) {
            return Optional.of(chosen);
        }
        if (text.length() > MAX_ANSWER_LENGTH) {
            return Optional.empty();
        }
        for (String part : text.split(",", -1)) {
            String index = part.strip();
            if (!INDEX.matcher(index).matches()) {
                return Optional.empty();
            }
            int value = Integer.parseInt(index);
            if (value >= optionCount) {
                return Optional.empty();
            }
            chosen.add(value);
        }
        return Optional.of(chosen);
    }
}
