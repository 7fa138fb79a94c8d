package org.praxis.application.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.praxis.application.common.InvalidInput;

/** Collects every broken rule of a request, so one answer lists them all. */
final class FieldErrors {
    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    FieldErrors check(String field, Optional<String> problem) {
        problem.ifPresent(message -> errors.add(new InvalidInput.FieldError(field, message)));
        return this;
    }

    FieldErrors add(String field, String message) {
        errors.add(new InvalidInput.FieldError(field, message));
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
