package org.praxis.application.identity.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * Password sign-in by user name or e-mail. Wrong password and unknown login are the same answer
 * ({@link org.praxis.application.common.Unauthenticated}); repeated failures are throttled per login and
 * per client address ({@link org.praxis.application.common.TooManyAttempts}).
 */
public interface SignInUseCase {
    IssuedSession signIn(Command command);

    record Command(String login, String password, String clientAddress, String userAgent) {
        public Command {
            Objects.requireNonNull(clientAddress, "clientAddress");
        }
    }

    /** The bearer token is shown this once; only its hash is kept. */
    record IssuedSession(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedSession[expiresAt=" + expiresAt + "]";
        }
    }
}
