package org.praxis.security.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.praxis.application.identity.port.out.IdentityProviders.Verification;
import org.praxis.application.identity.testing.TestClock;
import org.praxis.security.identity.testing.TestIdentityProvider;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Tokens of a test provider with its own keys, served as JWKS over local HTTP. */
class JwtIdentityProvidersTest {
    private static TestIdentityProvider acme;
    private static TestIdentityProvider other;
    private static final TestClock clock = new TestClock(Instant.now());
    private static JwtIdentityProviders providers;

    @BeforeAll
    static void start() {
        acme = new TestIdentityProvider("acme");
        other = new TestIdentityProvider("other");
        providers = new JwtIdentityProviders(List.of(acme.settings()), clock);
    }

    @AfterAll
    static void stop() {
        acme.close();
        other.close();
    }

    @Test
    void aValidTokenNamesTheProviderTheSubjectAndTheProfileClaims() {
        var result = providers.verify(acme.token("user-1", clock.instant(),
                Map.of("email", "ada@example.org", "email_verified", true, "preferred_username", "ada", "name", "Ada")));
        var verified = assertInstanceOf(Verification.Verified.class, result);
        assertEquals("acme", verified.provider());
        assertEquals("user-1", verified.subject());
        assertEquals(Optional.of("ada@example.org"), verified.email());
        assertTrue(verified.emailVerified());
        assertEquals(Optional.of("ada"), verified.preferredUsername());
    }

    @Test
    void anExpiredTokenIsRejectedByTheInjectedClock() {
        assertEquals(new Verification.Rejected("it has expired"), providers.verify(acme.expiredToken("user-1", clock.instant())));
        var fresh = acme.token("user-1", clock.instant(), Map.of());
        var later = new JwtIdentityProviders(List.of(acme.settings()), new TestClock(clock.instant().plusSeconds(3600)));
        assertEquals(new Verification.Rejected("it has expired"), later.verify(fresh));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        assertEquals(new Verification.Rejected("it is not meant for this service (audience)"),
                providers.verify(acme.tokenForAudience("user-1", clock.instant(), "someone-else")));
    }

    @Test
    void aWrongSignatureIsRejected() {
        assertEquals(new Verification.Rejected("its signature does not verify"),
                providers.verify(acme.tokenWithWrongSignature("user-1", clock.instant())));
    }

    @Test
    void anUnknownKeyIdIsRejected() {
        assertEquals(new Verification.Rejected("no key of acme matches its key id and algorithm"),
                providers.verify(acme.tokenWithUnknownKeyId("user-1", clock.instant())));
    }

    @Test
    void tokensOfUnconfiguredIssuersAndNonTokensAreUnknown() {
        assertInstanceOf(Verification.Unknown.class, providers.verify(other.token("user-1", clock.instant(), Map.of())));
        assertInstanceOf(Verification.Unknown.class, providers.verify("not.a.jwt"));
        assertInstanceOf(Verification.Unknown.class, providers.verify("x".repeat(20_000)));
    }

    @Test
    void unsignedAndSharedSecretTokensAreNeverAccepted() throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(acme.issuer()).subject("user-1").audience(TestIdentityProvider.AUDIENCE)
                .expirationTime(java.util.Date.from(clock.instant().plusSeconds(300))).build();
        var plain = new PlainJWT(claims).serialize();
        assertInstanceOf(Verification.Unknown.class, providers.verify(plain));
        var hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("acme-key-1").build(), claims);
        hmac.sign(new MACSigner("a shared secret of at least 256 bits...".getBytes()));
        assertInstanceOf(Verification.Rejected.class, providers.verify(hmac.serialize()));
    }

    @Test
    void aProviderCanBeConfiguredWithAPemPublicKey() {
        var byKey = new JwtIdentityProviders(List.of(new ProviderSettings("acme", acme.issuer(), TestIdentityProvider.AUDIENCE,
                Optional.empty(), Optional.of(acme.publicKeyPem()), Set.of())), clock);
        assertInstanceOf(Verification.Verified.class, byKey.verify(acme.token("user-2", clock.instant(), Map.of())));
    }

    @Test
    void settingsRefuseWeakAlgorithmsAndMissingKeys() {
        assertThrows(IllegalArgumentException.class, () -> new ProviderSettings("acme", "iss", "aud",
                Optional.of(URI.create("https://x/jwks")), Optional.empty(), Set.of("HS256")));
        assertThrows(IllegalArgumentException.class, () -> new ProviderSettings("acme", "iss", "aud",
                Optional.empty(), Optional.empty(), Set.of()));
    }
}
