package org.praxis.security.identity.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.praxis.security.identity.ProviderSettings;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider for tests: its own RSA keys, generated here, published as a JWKS by a local HTTP
 * server (the JDK's), and tokens minted with any claims, times and keys a test needs.
 */
public final class TestIdentityProvider implements AutoCloseable {
    public static final String AUDIENCE = "praxis-test";

    private final String name;
    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    private final AtomicInteger jwksFetches = new AtomicInteger();

    public TestIdentityProvider(String name) {
        this.name = name;
        try {
            key = new RSAKeyGenerator(2048).keyID(name + "-key-1").generate();
            // same key id, other key: a token it signs has a signature that does not verify
            stranger = new RSAKeyGenerator(2048).keyID(name + "-key-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public String issuer() {
        return "https://" + name + ".idp.test/";
    }

    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    public ProviderSettings settings() {
        return new ProviderSettings(name, issuer(), AUDIENCE, Optional.of(jwksUrl()), Optional.empty(), Set.of("RS256"));
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** The public key as PEM, for a provider configured by key instead of JWKS. */
    public String publicKeyPem() {
        try {
            var encoded = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for {@code subject}, issued at {@code now}, expiring in 5 minutes. */
    public String token(String subject, Instant now, Map<String, Object> claims) {
        return sign(key, key.getKeyID(), claims(subject, now, now.plus(Duration.ofMinutes(5)), AUDIENCE, claims));
    }

    public String expiredToken(String subject, Instant now) {
        return sign(key, key.getKeyID(), claims(subject, now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(10)),
                AUDIENCE, Map.of()));
    }

    public String tokenForAudience(String subject, Instant now, String audience) {
        return sign(key, key.getKeyID(), claims(subject, now, now.plus(Duration.ofMinutes(5)), audience, Map.of()));
    }

    public String tokenWithWrongSignature(String subject, Instant now) {
        return sign(stranger, key.getKeyID(), claims(subject, now, now.plus(Duration.ofMinutes(5)), AUDIENCE, Map.of()));
    }

    public String tokenWithUnknownKeyId(String subject, Instant now) {
        return sign(stranger, "no-such-key", claims(subject, now, now.plus(Duration.ofMinutes(5)), AUDIENCE, Map.of()));
    }

    private JWTClaimsSet claims(String subject, Instant issued, Instant expires, String audience, Map<String, Object> extra) {
        var builder = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(audience)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires));
        extra.forEach(builder::claim);
        return builder.build();
    }

    private static String sign(RSAKey signingKey, String keyId, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
