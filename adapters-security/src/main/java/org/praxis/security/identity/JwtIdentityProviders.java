package org.praxis.security.identity;

import java.net.MalformedURLException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.praxis.application.identity.port.out.IdentityProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks bearer JWTs against the configured providers with nimbus-jose-jwt: the token's issuer picks the
 * provider, then its signature (by a key of that provider, found by key id in the JWKS, which is cached
 * and refreshed when an unknown key id appears), algorithm (the provider's allow-list), audience, expiry
 * and not-before are checked. Time comes from the injected clock.
 */
public final class JwtIdentityProviders implements IdentityProviders {
    private static final Logger LOG = LoggerFactory.getLogger(JwtIdentityProviders.class);
    private static final int HTTP_TIMEOUT_MILLIS = 3_000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private record Provider(ProviderSettings settings, DefaultJWTProcessor<SecurityContext> processor) {
    }

    private final Map<String, Provider> byIssuer = new LinkedHashMap<>();

    public JwtIdentityProviders(List<ProviderSettings> providers, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        for (var settings : providers) {
            if (byIssuer.containsKey(settings.issuer())) {
                throw new IllegalArgumentException("two identity providers have the issuer " + settings.issuer());
            }
            byIssuer.put(settings.issuer(), new Provider(settings, processor(settings, clock)));
        }
    }

    public List<String> names() {
        return byIssuer.values().stream().map(p -> p.settings().name()).toList();
    }

    @Override
    public Verification verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new Verification.Unknown();
        }
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            return new Verification.Unknown();
        }
        var provider = issuer == null ? null : byIssuer.get(issuer);
        if (provider == null) {
            return new Verification.Unknown();
        }
        try {
            var claims = provider.processor().process(jwt, null);
            return new Verification.Verified(provider.settings().name(), claims.getSubject(),
                    text(claims, "email"), Boolean.TRUE.equals(bool(claims, "email_verified")),
                    text(claims, "preferred_username").or(() -> text(claims, "username")).or(() -> text(claims, "nickname")),
                    text(claims, "name"));
        } catch (BadJWTException e) {
            return new Verification.Rejected(reasonFor(e.getMessage()));
        } catch (BadJOSEException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Invalid signature")) {
                return new Verification.Rejected("its signature does not verify");
            }
            if (message.contains("no matching key") || message.contains("algorithm")) {
                return new Verification.Rejected("no key of " + provider.settings().name()
                        + " matches its key id and algorithm");
            }
            return new Verification.Rejected("it is not a valid signed token");
        } catch (JOSEException e) {
            // the keys could not be fetched (provider down or unreachable): refuse, and tell the operator
            LOG.warn("cannot check a token of identity provider {}: {}", provider.settings().name(), e.getMessage());
            return new Verification.Rejected("the keys of " + provider.settings().name() + " cannot be fetched right now");
        }
    }

    private static String reasonFor(String message) {
        String m = String.valueOf(message);
        if (m.contains("Expired")) {
            return "it has expired";
        }
        if (m.contains(" aud ") || m.contains("required aud")) {
            return "it is not meant for this service (audience)";
        }
        if (m.contains("before use time")) {
            return "it is not valid yet";
        }
        if (m.contains("missing required claims")) {
            return "it lacks a required claim (sub, exp)";
        }
        return "its claims are not accepted";
    }

    private static Optional<String> text(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(s -> !s.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Boolean bool(JWTClaimsSet claims, String name) {
        try {
            return claims.getBooleanClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(ProviderSettings settings, Clock clock) {
        var algorithms = new HashSet<JWSAlgorithm>();
        settings.algorithms().forEach(a -> algorithms.add(JWSAlgorithm.parse(a)));
        var processor = new DefaultJWTProcessor<SecurityContext>();
        if (settings.jwksUrl().isPresent()) {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, jwks(settings)));
        } else {
            // one configured key: whatever key id the token names, that key and the allowed algorithms decide
            var key = fromPem(settings.name(), settings.publicKeyPem().orElseThrow());
            processor.setJWSKeySelector((header, context) -> {
                if (!algorithms.contains(header.getAlgorithm())) {
                    return List.of();
                }
                try {
                    return List.of(key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey());
                } catch (JOSEException e) {
                    return List.of();
                }
            });
        }
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp"), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(verifier);
        return processor;
    }

    private static JWKSource<SecurityContext> jwks(ProviderSettings settings) {
        try {
            var retriever = new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT);
            return JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().orElseThrow().toURL(), retriever)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("identity provider " + settings.name() + ": bad JWKS URL", e);
        }
    }

    /** An RSA or EC public key in PEM ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo). */
    static JWK fromPem(String provider, String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identity provider " + provider + ": the public key is not PEM");
        }
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof RSAPublicKey rsa) {
                    return new RSAKey.Builder(rsa).build();
                }
                if (key instanceof ECPublicKey ec) {
                    return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
                }
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("identity provider " + provider + ": the public key is neither RSA nor EC");
    }
}
