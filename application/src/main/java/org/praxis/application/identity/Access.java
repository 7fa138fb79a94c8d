package org.praxis.application.identity;

import org.praxis.application.common.Forbidden;
import org.praxis.application.common.Unauthenticated;
import org.praxis.domain.identity.Actor;

/**
 * The checks use cases make on the actor they are given (ID5). Used by every feature's services; adapters
 * never decide. Another learner's private data is not forbidden but absent: callers answer
 * {@link org.praxis.application.common.NotFound} by looking only among the actor's own rows.
 */
public final class Access {
    private Access() {
    }

    /** The signed-in member, or {@link Unauthenticated}. */
    public static Actor.Member member(Actor actor) {
        if (actor instanceof Actor.Member member) {
            return member;
        }
        throw new Unauthenticated("Sign in first: this needs a valid bearer token.");
    }

    /** Admins and the operator; a signed-in learner or author is {@link Forbidden}. */
    public static void requireAdmin(Actor actor) {
        if (actor instanceof Actor.Operator) {
            return;
        }
        if (!member(actor).mayAdminister()) {
            throw new Forbidden("Only admins may do this.");
        }
    }

    /** Authors, admins and the operator; a signed-in learner is {@link Forbidden}. */
    public static void requireAuthor(Actor actor) {
        if (actor instanceof Actor.Operator) {
            return;
        }
        if (!member(actor).mayAuthor()) {
            throw new Forbidden("Only authors and admins may do this.");
        }
    }
}
