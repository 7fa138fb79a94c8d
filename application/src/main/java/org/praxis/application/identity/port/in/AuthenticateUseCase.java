package org.praxis.application.identity.port.in;

import java.util.Optional;

import org.praxis.domain.identity.Actor;

/**
 * Who is calling: no token is {@link Actor#anonymous()}; a session token or an identity provider's JWT
 * is the member it belongs to (a provider's first token for a new subject provisions a learner). A token
 * that is not valid is {@link org.praxis.application.common.Unauthenticated}, never anonymous.
 */
public interface AuthenticateUseCase {
    Actor authenticate(Optional<String> bearerToken);
}
