package org.praxis.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.RegisterAccountUseCase;
import org.praxis.application.identity.port.in.SignInUseCase;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.identity.testing.IdentityFakes;
import org.praxis.domain.identity.Actor;

class CredentialServiceTest {
    private static final String PASSWORD = "correct horse battery";

    private final IdentityFakes fakes = new IdentityFakes();
    private final CredentialService service = fakes.credentialService();
    private final SignInService signIn = fakes.signInService();

    @BeforeEach
    void ada() {
        fakes.accountService().register(Actor.anonymous(),
                new RegisterAccountUseCase.Command("ada", "ada@example.org", PASSWORD, null, null));
    }

    private String session(String password) {
        return signIn.signIn(new SignInUseCase.Command("ada", password, "198.51.100.1", null)).token();
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsOnly() {
        String mine = session(PASSWORD);
        String other = session(PASSWORD);
        var ada = signIn.authenticate(Optional.of(mine));
        service.change(ada, Optional.of(mine), PASSWORD, "a new long password");
        signIn.authenticate(Optional.of(mine));
        assertThrows(Unauthenticated.class, () -> signIn.authenticate(Optional.of(other)));
        assertThrows(Unauthenticated.class, () -> session(PASSWORD));
        session("a new long password");
    }

    @Test
    void theCurrentPasswordMustBeRight() {
        var ada = signIn.authenticate(Optional.of(session(PASSWORD)));
        var e = assertThrows(InvalidInput.class, () -> service.change(ada, Optional.empty(), "wrong one", "a new long password"));
        assertEquals("currentPassword", e.errors().get(0).field());
    }

    @Test
    void emailVerificationTokensWorkOnceAndExpire() {
        String token = fakes.mailer.lastToken(Mailer.Kind.EMAIL_VERIFICATION, "ada@example.org").orElseThrow();
        service.verify(token);
        assertTrue(fakes.accounts.byUsername("ada").orElseThrow().emailVerifiedAt().isPresent());
        assertThrows(InvalidInput.class, () -> service.verify(token));

        fakes.accountService().register(Actor.anonymous(),
                new RegisterAccountUseCase.Command("bob", "bob@example.org", PASSWORD, null, null));
        String late = fakes.mailer.lastToken(Mailer.Kind.EMAIL_VERIFICATION, "bob@example.org").orElseThrow();
        fakes.clock.advance(Duration.ofHours(48));
        assertThrows(InvalidInput.class, () -> service.verify(late));
    }

    @Test
    void aResetSetsThePasswordOnceAndEndsEverySession() {
        String before = session(PASSWORD);
        service.requestReset("ADA@example.org");
        String token = fakes.mailer.lastToken(Mailer.Kind.PASSWORD_RESET, "ada@example.org").orElseThrow();
        service.completeReset(token, "a reset long password");
        assertThrows(Unauthenticated.class, () -> signIn.authenticate(Optional.of(before)));
        session("a reset long password");
        assertThrows(InvalidInput.class, () -> service.completeReset(token, "another long password"));
    }

    @Test
    void resetsForUnknownAddressesSendNothingAndSayNothing() {
        int mails = fakes.mailer.sent().size();
        service.requestReset("nobody@example.org");
        assertEquals(mails, fakes.mailer.sent().size());
    }

    @Test
    void aNewerResetTokenVoidsTheOlderOne() {
        service.requestReset("ada@example.org");
        String first = fakes.mailer.lastToken(Mailer.Kind.PASSWORD_RESET, "ada@example.org").orElseThrow();
        service.requestReset("ada@example.org");
        assertThrows(InvalidInput.class, () -> service.completeReset(first, "a reset long password"));
    }

    @Test
    void resetTokensExpireAfterAnHour() {
        service.requestReset("ada@example.org");
        String token = fakes.mailer.lastToken(Mailer.Kind.PASSWORD_RESET, "ada@example.org").orElseThrow();
        fakes.clock.advance(Duration.ofHours(1));
        assertThrows(InvalidInput.class, () -> service.completeReset(token, "a reset long password"));
    }
}
