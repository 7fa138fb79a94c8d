package org.praxis.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdentityRulesTest {

    @Test
    void usernamesAreComparedRegardlessOfCase() {
        assertEquals(new Username("Ada.L").canonical(), new Username("ada.l").canonical());
        assertEquals(Optional.of("must be 3 to 32 characters long"), Username.problem("ab"));
        assertEquals(Optional.of("may contain only letters, digits, '_', '.' and '-'"), Username.problem("ada lovelace"));
        assertThrows(IllegalArgumentException.class, () -> new Username("x".repeat(33)));
    }

    @Test
    void suggestedUsernamesAreAlwaysValid() {
        assertEquals("AdaLovelace", Username.suggestedFrom("Ada Lovelace!", "learner").value());
        assertEquals("learner", Username.suggestedFrom("é", "learner").value());
        assertEquals(32, new Username("a".repeat(32)).withSuffix(12).value().length());
    }

    @Test
    void emailAddressesNeedALocalPartAndADomain() {
        assertTrue(EmailAddress.problem("ada@example.org").isEmpty());
        assertTrue(EmailAddress.problem("ada+praxis@mail.example.co.uk").isEmpty());
        for (String bad : new String[] {"ada", "ada@", "@example.org", "ada@example", "ada @example.org", "ada..l@example.org"}) {
            assertEquals(Optional.of("is not an e-mail address"), EmailAddress.problem(bad), bad);
        }
        assertEquals("ada@example.org", new EmailAddress("Ada@Example.org").canonical());
    }

    @Test
    void timeZonesAreIanaNamesNotOffsets() {
        assertTrue(ProfileRules.timeZoneProblem("Europe/Paris").isEmpty());
        assertTrue(ProfileRules.timeZoneProblem("UTC").isEmpty());
        assertFalse(ProfileRules.timeZoneProblem("+02:00").isEmpty());
        assertFalse(ProfileRules.timeZoneProblem("Mars/Olympus").isEmpty());
    }

    @Test
    void avatarsAreWebAddressesOnly() {
        assertTrue(ProfileRules.avatarUrlProblem("https://cdn.example.org/a.png").isEmpty());
        assertFalse(ProfileRules.avatarUrlProblem("javascript:alert(1)").isEmpty());
        assertFalse(ProfileRules.avatarUrlProblem("data:image/png;base64,AAAA").isEmpty());
    }

    @Test
    void displayNamesAreOneLine() {
        assertTrue(ProfileRules.displayNameProblem("Ada Lovelace").isEmpty());
        assertFalse(ProfileRules.displayNameProblem("Ada\nLovelace").isEmpty());
        assertFalse(ProfileRules.displayNameProblem("  ").isEmpty());
    }

    @Test
    void passwordsNeedLengthAndMustNotBeTheUsername() {
        assertEquals(Optional.of("must be at least 10 characters long"), PasswordPolicy.problem("short", "ada", null));
        assertEquals(Optional.of("must not be the user name or e-mail"),
                PasswordPolicy.problem("AdaLovelace", "adalovelace", "ada@example.org"));
        assertTrue(PasswordPolicy.problem("correct horse battery staple", "ada", "ada@example.org").isEmpty());
    }

    @Test
    void rolesGrowInPower() {
        var learner = new Actor.Member(new LearnerId(UUID.randomUUID()), Role.LEARNER, false);
        var author = new Actor.Member(new LearnerId(UUID.randomUUID()), Role.AUTHOR, false);
        var admin = new Actor.Member(new LearnerId(UUID.randomUUID()), Role.ADMIN, false);
        assertFalse(learner.mayAuthor());
        assertTrue(author.mayAuthor());
        assertFalse(author.mayAdminister());
        assertTrue(admin.mayAdminister());
        assertFalse(Actor.anonymous().mayAuthor());
        assertTrue(learner.is(learner.id()));
        assertFalse(learner.is(author.id()));
        assertEquals(Optional.of(Role.AUTHOR), Role.parse(" Author "));
        assertEquals(Optional.empty(), Role.parse("owner"));
    }
}
