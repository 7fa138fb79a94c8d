package org.praxis.security.identity;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One trusted identity provider: its name (stored with each linked identity), the issuer its tokens
 * carry, the audience they must name, where its keys are (a JWKS URL or one PEM public key) and the
 * signature algorithms accepted from it.
 */
public record ProviderSettings(String name, String issuer, String audience, Optional<URI> jwksUrl,
        Optional<String> publicKeyPem, Set<String> algorithms) {

    /** Asymmetric algorithms only: a shared-secret (HS*) or unsigned ("none") token is never accepted. */
    public static final Set<String> SUPPORTED = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "ES256");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        name = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("identity provider names are 1-32 letters, digits, '_' or '-', was '" + name + "'");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("identity provider " + name + " needs an issuer");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("identity provider " + name + " needs an audience");
        }
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        if (jwksUrl.isPresent() == publicKeyPem.isPresent()) {
            throw new IllegalArgumentException("identity provider " + name + " needs exactly one of a JWKS URL and a public key");
        }
        if (jwksUrl.isPresent() && !"https".equals(jwksUrl.get().getScheme()) && !"http".equals(jwksUrl.get().getScheme())) {
            throw new IllegalArgumentException("identity provider " + name + ": the JWKS URL must be http(s)");
        }
        algorithms = Set.copyOf(algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : algorithms);
        for (String algorithm : algorithms) {
            if (!SUPPORTED.contains(algorithm)) {
                throw new IllegalArgumentException("identity provider " + name + ": algorithm " + algorithm
                        + " is not accepted (use one of " + new java.util.TreeSet<>(SUPPORTED) + ")");
            }
        }
    }
}
