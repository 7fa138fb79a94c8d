package org.praxis.application.identity.port.out;

import java.util.Objects;
import java.util.Optional;

/** The configured external identity providers: checks a bearer token one of them signed (ID3). */
public interface IdentityProviders {

    sealed interface Verification {
        /** Signature, issuer, audience, expiry and algorithm all check out. */
        record Verified(String provider, String subject, Optional<String> email, boolean emailVerified,
                Optional<String> preferredUsername, Optional<String> name) implements Verification {
            public Verified {
                Objects.requireNonNull(provider, "provider");
                Objects.requireNonNull(subject, "subject");
                Objects.requireNonNull(email, "email");
                Objects.requireNonNull(preferredUsername, "preferredUsername");
                Objects.requireNonNull(name, "name");
            }
        }

        /** A token for a configured provider that fails a check; {@code reason} is safe to show the caller. */
        record Rejected(String reason) implements Verification {
        }

        /** Not a token any configured provider issued (or not a JWT at all). */
        record Unknown() implements Verification {
        }
    }

    Verification verify(String token);

    /** No provider configured: every token is {@link Verification.Unknown}. */
    static IdentityProviders none() {
        return token -> new Verification.Unknown();
    }
}
