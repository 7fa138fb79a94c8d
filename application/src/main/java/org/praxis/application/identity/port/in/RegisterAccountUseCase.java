package org.praxis.application.identity.port.in;

import org.praxis.domain.identity.Actor;

/** Sign up with a user name, e-mail and password (ID1, ID2); a verification mail follows. */
public interface RegisterAccountUseCase {
    AccountView register(Actor actor, Command command);

    /** Fields as the caller sent them (null when absent); the service checks every rule and lists each broken one. */
    /** A newly created account, as registration answers it. */
    record AccountView(java.util.UUID id, String username, String displayName, String timeZone, String role) {
    }

    record Command(String username, String email, String password, String displayName, String timeZone) {
    }
}
