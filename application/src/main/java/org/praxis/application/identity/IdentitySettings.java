package org.praxis.application.identity;

import java.time.Duration;
import java.util.Objects;

import org.praxis.domain.identity.ThrottlePolicy;

/**
 * The knobs of identity: how long sessions and mailed tokens live, how failed sign-ins are throttled, and
 * the address mailed links start with ({@code <linkBase>/verify-email?token=...}, {@code <linkBase>/reset-password?token=...}).
 */
public record IdentitySettings(Duration sessionLifetime, Duration verificationLifetime, Duration resetLifetime,
        ThrottlePolicy perAccount, ThrottlePolicy perAddress, String linkBase) {

    public IdentitySettings {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(linkBase, "linkBase");
        for (Duration d : new Duration[] {sessionLifetime, verificationLifetime, resetLifetime}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("lifetimes must be positive");
            }
        }
        linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** Sessions live 30 days, verification tokens 48 hours, reset tokens 1 hour. */
    public static IdentitySettings defaults(String linkBase) {
        return new IdentitySettings(Duration.ofDays(30), Duration.ofHours(48), Duration.ofHours(1),
                ThrottlePolicy.PER_ACCOUNT, ThrottlePolicy.PER_ADDRESS, linkBase);
    }

    public IdentitySettings withSessionLifetime(Duration lifetime) {
        return new IdentitySettings(lifetime, verificationLifetime, resetLifetime, perAccount, perAddress, linkBase);
    }
}
