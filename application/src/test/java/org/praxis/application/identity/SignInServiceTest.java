package org.praxis.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.TooManyAttempts;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.RegisterAccountUseCase;
import org.praxis.application.identity.port.in.SignInUseCase.Command;
import org.praxis.application.identity.port.out.IdentityProviders.Verification;
import org.praxis.application.identity.testing.IdentityFakes;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.Role;

class SignInServiceTest {
    private static final String PASSWORD = "correct horse battery";

    private final IdentityFakes fakes = new IdentityFakes();
    private final SignInService service = fakes.signInService();

    @BeforeEach
    void ada() {
        fakes.accountService().register(Actor.anonymous(),
                new RegisterAccountUseCase.Command("Ada", "ada@example.org", PASSWORD, null, null));
    }

    private Command attempt(String login, String password) {
        return new Command(login, password, "203.0.113.7", "test");
    }

    @Test
    void signInByNameOrEmailInAnyCaseGivesAWorkingToken() {
        var byName = service.signIn(attempt("ada", PASSWORD));
        var byMail = service.signIn(attempt("ADA@example.org", PASSWORD));
        assertEquals(43, byName.token().length());
        assertEquals(fakes.clock.instant().plus(Duration.ofDays(30)), byName.expiresAt());
        var actor = service.authenticate(Optional.of(byMail.token()));
        assertEquals(Role.LEARNER, ((Actor.Member) actor).role());
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginAreTheSameAnswerAndCostTheSame() {
        var wrong = assertThrows(Unauthenticated.class, () -> service.signIn(attempt("ada", "not the password")));
        int before = fakes.hasher.verifications();
        var unknown = assertThrows(Unauthenticated.class, () -> service.signIn(attempt("nobody", "not the password")));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(before + 1, fakes.hasher.verifications(), "an unknown login still spends a verification");
    }

    @Test
    void repeatedFailuresLockTheLoginWithGrowingDelaysEvenForTheRightPassword() {
        for (int i = 0; i < 6; i++) {
            assertThrows(Unauthenticated.class, () -> service.signIn(attempt("ada", "wrong password")));
        }
        var locked = assertThrows(TooManyAttempts.class, () -> service.signIn(attempt("ada", PASSWORD)));
        assertEquals(1, locked.retryAfterSeconds());
        fakes.clock.advance(Duration.ofSeconds(1));
        assertThrows(Unauthenticated.class, () -> service.signIn(attempt("ada", "wrong password")));
        assertEquals(2, assertThrows(TooManyAttempts.class, () -> service.signIn(attempt("ada", PASSWORD))).retryAfterSeconds());
        fakes.clock.advance(Duration.ofSeconds(2));
        service.signIn(attempt("ada", PASSWORD));
    }

    @Test
    void unknownLoginsAreThrottledExactlyLikeKnownOnes() {
        for (int i = 0; i < 6; i++) {
            assertThrows(Unauthenticated.class, () -> service.signIn(attempt("nobody", "wrong password")));
        }
        assertEquals(1, assertThrows(TooManyAttempts.class, () -> service.signIn(attempt("nobody", "x"))).retryAfterSeconds());
    }

    @Test
    void outdatedHashesAreUpgradedOnSignIn() {
        fakes.hasher.raiseParameters();
        service.signIn(attempt("ada", PASSWORD));
        var id = fakes.accounts.byUsername("ada").orElseThrow().id();
        assertTrue(fakes.credentials.passwordHash(id).orElseThrow().startsWith("fake$v2$"));
    }

    @Test
    void sessionsExpireAndCanBeRevoked() {
        var session = service.signIn(attempt("ada", PASSWORD));
        var ada = service.authenticate(Optional.of(session.token()));
        var other = service.signIn(attempt("ada", PASSWORD));
        assertEquals(2, service.list(ada, Optional.of(session.token())).size());
        assertTrue(service.list(ada, Optional.of(session.token())).stream().anyMatch(s -> s.current()));
        service.signOut(ada, Optional.of(session.token()));
        assertThrows(Unauthenticated.class, () -> service.authenticate(Optional.of(session.token())));
        fakes.clock.advance(Duration.ofDays(30));
        assertThrows(Unauthenticated.class, () -> service.authenticate(Optional.of(other.token())));
    }

    @Test
    void anotherLearnersSessionIsNotFound() {
        fakes.accountService().register(Actor.anonymous(),
                new RegisterAccountUseCase.Command("bob", "bob@example.org", PASSWORD, null, null));
        var ada = service.authenticate(Optional.of(service.signIn(attempt("ada", PASSWORD)).token()));
        var bob = service.authenticate(Optional.of(service.signIn(attempt("bob", PASSWORD)).token()));
        var bobs = service.list(bob, Optional.empty()).get(0).id();
        assertThrows(NotFound.class, () -> service.revoke(ada, bobs));
        service.revoke(bob, bobs);
    }

    @Test
    void garbageTokensAreUnauthenticatedAndNoTokenIsAnonymous() {
        assertEquals(Actor.anonymous(), service.authenticate(Optional.empty()));
        assertThrows(Unauthenticated.class, () -> service.authenticate(Optional.of("nonsense")));
        assertThrows(Unauthenticated.class, () -> service.authenticate(Optional.of("a.b.c")));
    }

    @Test
    void aProvidersFirstTokenProvisionsALearnerAndLaterTokensFindIt() {
        fakes.providers.answer("x.y.z", new Verification.Verified("acme", "sub-1", Optional.of("ADA@example.org"), true,
                Optional.of("ada"), Optional.of("Ada from Acme")));
        var first = (Actor.Member) service.authenticate(Optional.of("x.y.z"));
        var again = (Actor.Member) service.authenticate(Optional.of("x.y.z"));
        assertEquals(first.id(), again.id());
        var account = fakes.accounts.byId(first.id()).orElseThrow();
        assertEquals("ada2", account.username(), "the name clash is resolved with a suffix");
        assertTrue(account.email().isEmpty(), "an e-mail another account has is never taken over");
        assertEquals("Ada from Acme", account.displayName());
    }

    @Test
    void aRejectedProviderTokenSaysWhy() {
        fakes.providers.answer("x.y.z", new Verification.Rejected("the token has expired"));
        var e = assertThrows(Unauthenticated.class, () -> service.authenticate(Optional.of("x.y.z")));
        assertTrue(e.getMessage().contains("expired"));
    }

    @Test
    void identitiesLinkToOneAccountOnly() {
        var ada = service.authenticate(Optional.of(service.signIn(attempt("ada", PASSWORD)).token()));
        fakes.providers.answer("g.h.i", new Verification.Verified("github", "42", Optional.empty(), false, Optional.empty(),
                Optional.empty()));
        assertTrue(service.link(ada, "g.h.i").created());
        assertFalse(service.link(ada, "g.h.i").created());
        assertEquals(1, service.list(ada).size());
        var provisioned = service.authenticate(Optional.of("g.h.i"));
        assertEquals(ada, provisioned, "the linked identity signs in as Ada");
        fakes.providers.answer("o.t.h", new Verification.Verified("acme", "7", Optional.empty(), false, Optional.empty(),
                Optional.empty()));
        var someoneElse = service.authenticate(Optional.of("o.t.h"));
        assertThrows(Conflict.class, () -> service.link(ada, "o.t.h"));
        assertFalse(someoneElse.equals(ada));
        assertThrows(InvalidInput.class, () -> service.link(ada, "un.kno.wn"));
    }
}
