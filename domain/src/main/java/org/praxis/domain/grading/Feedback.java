package org.praxis.domain.grading;

/**
 * The built-in graders' feedback texts, in one place so they can be reviewed together: each helps
 * the learner (what kind of mistake) and none contains or hints at an accepted answer, a correct
 * option, or the direction of a numeric error (which would allow a binary search).
 */
final class Feedback {
    static final String CORRECT = "Correct.";
    static final String EMPTY = "Your answer is empty.";
    static final String WRONG_ANSWER = "That is not the expected answer.";
    static final String CHECK_CASE = "Almost: check upper and lower case.";
    static final String CHECK_SPACING = "Almost: check the spacing.";
    static final String NOT_A_NUMBER = "That is not a number. Enter a number such as 42, -3.5 or 1.2e3.";
    static final String DECIMAL_COMMA = "Use a dot as the decimal separator, for example 3.5.";
    static final String WRONG_NUMBER = "That number is not correct.";
    static final String WRONG_OPTION = "That is not the right option.";
    static final String WRONG_OPTIONS = "That is not the right set of options.";
    static final String PARTLY_RIGHT_OPTIONS = "Partly right: some of your choices are right, but not exactly the right set.";
    static final String NOT_CHECKABLE = "Your answer could not be checked in time; try a shorter or simpler answer.";

    private Feedback() {
    }

    static String tooLong(int max) {
        return "Answers to this problem are at most " + max + " characters long.";
    }

    static String chooseOne(int options) {
        return "Choose one option by its number, 0 to " + (options - 1) + ".";
    }

    static String chooseSeveral(int options) {
        return "Choose options by their numbers, 0 to " + (options - 1) + ", separated by commas.";
    }
}
