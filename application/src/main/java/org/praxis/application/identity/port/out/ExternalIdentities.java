package org.praxis.application.identity.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.identity.LearnerId;

/** Links between an identity provider's subject and a user (ID3); one user may have several. */
public interface ExternalIdentities {
    record Link(String provider, String subject, LearnerId user, Instant linkedAt) {
        public Link {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(linkedAt, "linkedAt");
        }
    }

    Optional<LearnerId> userOf(String provider, String subject);

    /** Adds a link; one that exists already is a {@link org.praxis.application.common.Conflict} ({@code identity-taken}). */
    void link(Link link);

    List<Link> of(LearnerId user);
}
