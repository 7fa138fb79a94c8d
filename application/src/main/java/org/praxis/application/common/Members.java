package org.praxis.application.common;

import org.praxis.domain.identity.Actor;

/** The one check every learner-facing use case starts with: a signed-in member, or 401. */
public final class Members {
    private Members() {
    }

    public static Actor.Member require(Actor actor) {
        return actor.member().orElseThrow(() -> new Unauthenticated("Sign in to do this."));
    }
}
