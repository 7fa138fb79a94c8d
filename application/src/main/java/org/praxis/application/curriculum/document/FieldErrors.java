package org.praxis.application.curriculum.document;

import java.util.ArrayList;
import java.util.List;

import org.praxis.application.common.InvalidInput;

/**
 * The problems found while reading one document, each with the path of the offending field
 * ({@code grader.correct}, {@code hints[1].penalty}; empty for the document itself). Reading goes on
 * after a problem so that an author sees every mistake at once.
 */
public final class FieldErrors {
    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public void add(String path, String message) {
        errors.add(new InvalidInput.FieldError(path, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<InvalidInput.FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws {@link InvalidInput} listing every problem, if there is any; the document itself is the field {@code (body)}. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream()
                    .map(error -> error.field().isEmpty() ? new InvalidInput.FieldError("(body)", error.message()) : error)
                    .toList());
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}
