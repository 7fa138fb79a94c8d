package org.praxis.application.identity.port.in;

import org.praxis.domain.identity.Actor;

/** Prove an e-mail address by the token mailed to it (ID2). */
public interface EmailVerificationUseCase {
    /** Mails a new token (older ones stop working); nothing happens when the address is verified already. */
    void requestVerification(Actor actor);

    void verify(String token);
}
