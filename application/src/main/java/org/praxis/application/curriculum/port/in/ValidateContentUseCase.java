package org.praxis.application.curriculum.port.in;

import java.util.List;
import java.util.Objects;

/**
 * {@code praxis content validate DIR} (CU5): reads a whole content folder and reports everything wrong
 * with it at once, each problem with its file and field. Touches no database.
 */
public interface ValidateContentUseCase {

    /** Every problem found, in file order; empty when the folder is valid. */
    List<ContentError> validate(String location);

    /**
     * One problem of a content folder.
     *
     * @param file  the file's path inside the folder ({@code problems/two-sum/problem.yaml})
     * @param field the path of the field inside the file ({@code hints[1].penalty}); empty for the file as a whole
     */
    record ContentError(String file, String field, String message) {
        public ContentError {
            Objects.requireNonNull(file, "file");
            field = field == null ? "" : field;
            Objects.requireNonNull(message, "message");
        }

        /** {@code file: field: message}, the way {@code praxis content validate} prints it. */
        @Override
        public String toString() {
            return field.isEmpty() ? file + ": " + message : file + ": " + field + ": " + message;
        }
    }
}
