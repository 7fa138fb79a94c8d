package org.praxis.application.common;

/**
 * Something does not exist, or the caller may not see it: the two are deliberately the same answer,
 * so that a learner cannot probe for other learners' data or for drafts.
 */
public final class NotFound extends RuntimeException {
    private final String what;

    public NotFound(String what, String detail) {
        super(detail);
        this.what = what;
    }

    /** A short noun for the missing thing, e.g. "problem". */
    public String what() {
        return what;
    }
}
