package org.praxis.application.identity.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.praxis.application.common.Conflict;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.domain.identity.LearnerId;

public final class InMemoryExternalIdentities implements ExternalIdentities {
    private final List<Link> links = new ArrayList<>();

    public synchronized void forget(LearnerId user) {
        links.removeIf(l -> l.user().equals(user));
    }

    @Override
    public synchronized Optional<LearnerId> userOf(String provider, String subject) {
        return links.stream().filter(l -> l.provider().equals(provider) && l.subject().equals(subject)).map(Link::user).findFirst();
    }

    @Override
    public synchronized void link(Link link) {
        if (userOf(link.provider(), link.subject()).isPresent()) {
            throw new Conflict("identity-taken", "linked already");
        }
        links.add(link);
    }

    @Override
    public synchronized List<Link> of(LearnerId user) {
        return links.stream().filter(l -> l.user().equals(user)).toList();
    }
}
