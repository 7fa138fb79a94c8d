package org.praxis.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.common.Conflict;
import org.praxis.application.common.Forbidden;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.AdministerUsersUseCase.NewUser;
import org.praxis.application.identity.port.in.ProfileUseCase.Change;
import org.praxis.application.identity.port.in.ProfileUseCase.Field;
import org.praxis.application.identity.port.in.RegisterAccountUseCase.Command;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.identity.testing.IdentityFakes;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

class AccountServiceTest {
    private final IdentityFakes fakes = new IdentityFakes();
    private final AccountService service = fakes.accountService();

    private Actor.Member register(String username) {
        var view = service.register(Actor.anonymous(), new Command(username, username + "@example.org",
                "correct horse battery", null, null));
        return new Actor.Member(new LearnerId(view.id()), Role.LEARNER, false);
    }

    @Test
    void registrationCreatesALearnerInUtcAndMailsAVerificationLink() {
        var view = service.register(Actor.anonymous(), new Command("Ada", "ada@example.org", "correct horse battery", "Ada L.", null));
        assertEquals("Ada", view.username());
        assertEquals("UTC", view.timeZone());
        assertEquals("learner", view.role());
        assertEquals(1, fakes.mailer.sent().size());
        assertTrue(fakes.mailer.lastToken(Mailer.Kind.EMAIL_VERIFICATION, "ada@example.org").isPresent());
        assertTrue(fakes.mailer.sent().get(0).text().contains("https://app.example.org/verify-email?token="));
        assertTrue(fakes.credentials.passwordHash(new LearnerId(view.id())).orElseThrow().startsWith("fake$"));
    }

    @Test
    void everyBrokenFieldIsListed() {
        var e = assertThrows(InvalidInput.class, () -> service.register(Actor.anonymous(),
                new Command("a", "not-mail", "short", " ", "Mars/Base")));
        assertEquals(List.of("username", "email", "password", "displayName", "timeZone"),
                e.errors().stream().map(InvalidInput.FieldError::field).toList());
    }

    @Test
    void namesAndEmailsAreTakenRegardlessOfCase() {
        register("ada");
        var name = assertThrows(Conflict.class, () -> service.register(Actor.anonymous(),
                new Command("ADA", "other@example.org", "correct horse battery", null, null)));
        assertEquals("username-taken", name.reason());
        var mail = assertThrows(Conflict.class, () -> service.register(Actor.anonymous(),
                new Command("other", "ADA@EXAMPLE.ORG", "correct horse battery", null, null)));
        assertEquals("email-taken", mail.reason());
    }

    @Test
    void profileEditsChangeOnlyTheFieldsGivenAndNullClears() {
        var ada = register("ada");
        var values = new EnumMap<Field, String>(Field.class);
        values.put(Field.BIO, "Counts things.");
        values.put(Field.TIME_ZONE, "Europe/London");
        service.update(ada, new Change(values));
        var cleared = new HashMap<Field, String>();
        cleared.put(Field.BIO, null);
        var me = service.update(ada, new Change(cleared));
        assertNull(me.bio());
        assertEquals("Europe/London", me.timeZone());
        assertEquals("Beginner", me.stats().rank().name());
    }

    @Test
    void profileEditsListEveryBrokenField() {
        var ada = register("ada");
        var values = new HashMap<Field, String>();
        values.put(Field.TIME_ZONE, null);
        values.put(Field.AVATAR_URL, "javascript:alert(1)");
        var e = assertThrows(InvalidInput.class, () -> service.update(ada, new Change(values)));
        assertEquals(2, e.errors().size());
    }

    @Test
    void anonymousCallersHaveNoProfile() {
        assertThrows(Unauthenticated.class, () -> service.me(Actor.anonymous()));
        assertThrows(Unauthenticated.class, () -> service.export(Actor.anonymous()));
    }

    @Test
    void publicProfilesAreForEveryoneAndUnknownNamesAreNotFound() {
        register("ada");
        assertEquals("ada", service.publicProfile(Actor.anonymous(), "ADA").username());
        assertThrows(NotFound.class, () -> service.publicProfile(Actor.anonymous(), "nobody"));
    }

    @Test
    void onlyAdminsChangeRolesAndTheLastAdminStays() {
        var ada = register("ada");
        register("bob");
        assertThrows(Forbidden.class, () -> service.change(ada, "bob", Optional.of(Role.AUTHOR), Optional.empty()));
        assertThrows(Unauthenticated.class, () -> service.change(Actor.anonymous(), "bob", Optional.of(Role.AUTHOR), Optional.empty()));
        var view = service.change(Actor.OPERATOR, "bob", Optional.of(Role.ADMIN), Optional.of(true));
        assertEquals("admin", view.role());
        assertTrue(view.premium());
        var e = assertThrows(Conflict.class, () -> service.change(Actor.OPERATOR, "bob", Optional.of(Role.LEARNER), Optional.empty()));
        assertEquals("last-admin", e.reason());
    }

    @Test
    void theFirstAdminIsCreatedOnlyOnce() {
        assertTrue(service.createFirstAdmin(Actor.OPERATOR, "admin", "admin@praxis.invalid", "a generated secret"));
        assertFalse(service.createFirstAdmin(Actor.OPERATOR, "admin2", "admin2@praxis.invalid", "a generated secret"));
        assertEquals(1, fakes.accounts.countWithRole(Role.ADMIN));
    }

    @Test
    void ensureAdminPromotesAndResetsThePassword() {
        var ada = register("ada");
        service.ensureAdmin(Actor.OPERATOR, "ada", "ada@example.org", "a brand new password");
        var account = fakes.accounts.byId(ada.id()).orElseThrow();
        assertEquals(Role.ADMIN, account.role());
        assertTrue(fakes.hasher.verify("a brand new password", fakes.credentials.passwordHash(ada.id())).matches());
    }

    @Test
    void learnersCannotCreateUsers() {
        var ada = register("ada");
        assertThrows(Forbidden.class, () -> service.create(ada, new NewUser("eve", "eve@example.org", "correct horse battery", Role.ADMIN)));
        var created = service.create(Actor.OPERATOR, new NewUser("eve", "eve@example.org", "correct horse battery", Role.AUTHOR));
        assertEquals("author", created.role());
    }

    @Test
    void deletingMyAccountRemovesIt() {
        var ada = register("ada");
        service.delete(ada);
        assertTrue(fakes.accounts.byId(ada.id()).isEmpty());
        assertThrows(Unauthenticated.class, () -> service.me(ada));
    }

    @Test
    void theExportHoldsMyAccount() {
        var ada = register("ada");
        var export = service.export(ada);
        assertEquals("ada@example.org", export.account().email());
        assertEquals(fakes.clock.instant(), export.exportedAt());
    }
}
