package org.praxis.application.identity.port.in;

import java.util.Optional;

import org.praxis.domain.identity.Actor;

/** Change my password (ends my other sessions); reset a forgotten one through a mailed, once-only token. */
public interface PasswordsUseCase {
    void change(Actor actor, Optional<String> bearerToken, String currentPassword, String newPassword);

    /** Always accepted, whether or not an account has this e-mail: the answer reveals nothing. */
    void requestReset(String email);

    /** Sets the password and ends every session of the account. */
    void completeReset(String token, String newPassword);
}
