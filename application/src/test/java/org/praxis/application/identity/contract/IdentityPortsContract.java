package org.praxis.application.identity.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.praxis.application.common.Conflict;
import org.praxis.application.common.Transactions;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.domain.identity.ThrottlePolicy;

/**
 * What every implementation of the identity out-ports must do. Subclasses give the implementations
 * (the in-memory fakes here, the jOOQ adapters on PostgreSQL in the persistence module); each test gets
 * fresh, empty ones, and names are made unique per test so a shared database does not matter.
 */
public abstract class IdentityPortsContract {
    protected static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    protected abstract Accounts accounts();

    protected abstract Credentials credentials();

    protected abstract Sessions sessions();

    protected abstract OneTimeTokens oneTimeTokens();

    protected abstract ExternalIdentities identities();

    protected abstract FailedSignIns failures();

    protected abstract Transactions tx();

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    protected Account account(String name) {
        var a = new Account(new LearnerId(UUID.randomUUID()), name + unique, Optional.of(name + unique + "@example.org"),
                null, "UTC", null, null, Role.LEARNER, false, Optional.empty(), NOW);
        tx().run(() -> accounts().create(a));
        return a;
    }

    @Test
    void accountsAreFoundByNameAndEmailRegardlessOfCase() {
        var ada = account("Ada");
        tx().run(() -> {
            assertEquals(ada, accounts().byUsername(ada.username().toUpperCase()).orElseThrow());
            assertEquals(ada.id(), accounts().byEmail(ada.email().get().toUpperCase()).orElseThrow().id());
            assertEquals(ada.id(), accounts().byLogin(ada.email().get()).orElseThrow().id());
            assertEquals(ada.id(), accounts().byLogin(ada.username().toLowerCase()).orElseThrow().id());
            assertTrue(accounts().byLogin("nobody" + unique).isEmpty());
        });
    }

    @Test
    void aTakenNameOrEmailIsAConflict() {
        var ada = account("Ada");
        var sameName = new Account(new LearnerId(UUID.randomUUID()), ada.username().toLowerCase(), Optional.of("x" + unique + "@example.org"),
                null, "UTC", null, null, Role.LEARNER, false, Optional.empty(), NOW);
        assertEquals("username-taken", assertThrows(Conflict.class, () -> tx().run(() -> accounts().create(sameName))).reason());
        var sameMail = new Account(new LearnerId(UUID.randomUUID()), "other" + unique, Optional.of(ada.email().get().toUpperCase()),
                null, "UTC", null, null, Role.LEARNER, false, Optional.empty(), NOW);
        assertEquals("email-taken", assertThrows(Conflict.class, () -> tx().run(() -> accounts().create(sameMail))).reason());
    }

    @Test
    void profilesRolesAndVerificationAreSaved() {
        var ada = account("ada");
        tx().run(() -> {
            accounts().updateProfile(ada.id(), new Accounts.Profile("Ada", "Europe/Paris", "bio", "https://x.org/a.png"), NOW);
            accounts().setRole(ada.id(), Role.AUTHOR, NOW);
            accounts().setPremium(ada.id(), true, NOW);
            accounts().markEmailVerified(ada.id(), NOW);
        });
        var saved = tx().inTransaction(() -> accounts().byId(ada.id()).orElseThrow());
        assertEquals("Europe/Paris", saved.timeZone());
        assertEquals("https://x.org/a.png", saved.avatarUrl());
        assertEquals(Role.AUTHOR, saved.role());
        assertTrue(saved.premium());
        assertEquals(Optional.of(NOW), saved.emailVerifiedAt());
    }

    @Test
    void passwordHashesAreReplaced() {
        var ada = account("ada");
        tx().run(() -> credentials().storePasswordHash(ada.id(), "h1", NOW));
        tx().run(() -> credentials().storePasswordHash(ada.id(), "h2", NOW));
        assertEquals(Optional.of("h2"), tx().inTransaction(() -> credentials().passwordHash(ada.id())));
    }

    @Test
    void sessionsAreActiveUntilRevokedOrExpired() {
        var ada = account("ada");
        var bob = account("bob");
        byte[] hash = BearerTokens.hash("token-" + unique);
        var s = new Sessions.Session(UUID.randomUUID(), ada.id(), NOW, NOW.plus(Duration.ofDays(1)), Optional.empty(), Optional.of("ua"));
        var t = new Sessions.Session(UUID.randomUUID(), ada.id(), NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)), Optional.empty(), Optional.empty());
        tx().run(() -> {
            sessions().create(s, hash);
            sessions().create(t, BearerTokens.hash("other-" + unique));
        });
        tx().run(() -> {
            assertEquals(s.id(), sessions().activeByTokenHash(hash, NOW).orElseThrow().id());
            assertTrue(sessions().activeByTokenHash(hash, NOW.plus(Duration.ofDays(1))).isEmpty(), "expired");
            assertEquals(List.of(t.id(), s.id()), sessions().activeOf(ada.id(), NOW).stream().map(Sessions.Session::id).toList());
            assertFalse(sessions().revoke(bob.id(), s.id(), NOW), "not bob's");
            assertEquals(1, sessions().revokeAll(ada.id(), Optional.of(s.id()), NOW));
            assertTrue(sessions().revoke(ada.id(), s.id(), NOW));
            assertTrue(sessions().activeOf(ada.id(), NOW).isEmpty());
        });
    }

    @Test
    void usingATokenFindsItsSessionAndAccountAndRecordsTheUseWhenDue() {
        var ada = account("ada");
        byte[] hash = BearerTokens.hash("use-" + unique);
        var s = new Sessions.Session(UUID.randomUUID(), ada.id(), NOW, NOW.plus(Duration.ofDays(1)), Optional.empty(), Optional.of("ua"));
        tx().run(() -> sessions().create(s, hash));
        var every = Duration.ofMinutes(1);

        var first = tx().oneStatement(() -> sessions().useActive(hash, NOW, every)).orElseThrow();
        assertEquals(s, first.session(), "the session as it was before this use");
        assertEquals(ada, first.account());
        assertEquals(Optional.of(NOW), tx().inTransaction(() -> sessions().activeByTokenHash(hash, NOW)).orElseThrow().lastUsedAt());

        var soon = NOW.plusSeconds(59);
        assertEquals(Optional.of(NOW), tx().oneStatement(() -> sessions().useActive(hash, soon, every)).orElseThrow()
                .session().lastUsedAt());
        assertEquals(Optional.of(NOW), tx().inTransaction(() -> sessions().activeByTokenHash(hash, soon)).orElseThrow().lastUsedAt(),
                "not recorded again within a minute");

        var later = NOW.plusSeconds(61);
        tx().oneStatement(() -> sessions().useActive(hash, later, every)).orElseThrow();
        assertEquals(Optional.of(later), tx().inTransaction(() -> sessions().activeByTokenHash(hash, later)).orElseThrow().lastUsedAt());

        tx().run(() -> accounts().setRole(ada.id(), Role.AUTHOR, later));
        assertEquals(Role.AUTHOR, tx().oneStatement(() -> sessions().useActive(hash, later, every)).orElseThrow().account().role(),
                "the account as it is now");
        assertTrue(tx().oneStatement(() -> sessions().useActive(BearerTokens.hash("unknown-" + unique), NOW, every)).isEmpty());
        assertTrue(tx().oneStatement(() -> sessions().useActive(hash, NOW.plus(Duration.ofDays(1)), every)).isEmpty(), "expired");
        tx().run(() -> sessions().revoke(ada.id(), s.id(), later));
        assertTrue(tx().oneStatement(() -> sessions().useActive(hash, later, every)).isEmpty(), "revoked");

        var bob = account("bob");
        byte[] bobs = BearerTokens.hash("bob-" + unique);
        tx().run(() -> sessions().create(new Sessions.Session(UUID.randomUUID(), bob.id(), NOW, NOW.plus(Duration.ofDays(1)),
                Optional.empty(), Optional.empty()), bobs));
        tx().run(() -> accounts().delete(bob.id()));
        assertTrue(tx().oneStatement(() -> sessions().useActive(bobs, NOW, every)).isEmpty(), "deleted account");
    }

    @Test
    void oneTimeTokensWorkOnceForTheirPurposeBeforeTheyExpire() {
        var ada = account("ada");
        byte[] hash = BearerTokens.hash("once-" + unique);
        byte[] late = BearerTokens.hash("late-" + unique);
        tx().run(() -> {
            oneTimeTokens().issue(hash, ada.id(), OneTimeTokens.Purpose.RESET_PASSWORD, NOW, NOW.plusSeconds(60));
            oneTimeTokens().issue(late, ada.id(), OneTimeTokens.Purpose.VERIFY_EMAIL, NOW, NOW.plusSeconds(60));
        });
        tx().run(() -> {
            assertTrue(oneTimeTokens().consume(hash, OneTimeTokens.Purpose.VERIFY_EMAIL, NOW).isEmpty(), "wrong purpose");
            assertEquals(Optional.of(ada.id()), oneTimeTokens().consume(hash, OneTimeTokens.Purpose.RESET_PASSWORD, NOW));
            assertTrue(oneTimeTokens().consume(hash, OneTimeTokens.Purpose.RESET_PASSWORD, NOW).isEmpty(), "used");
            assertTrue(oneTimeTokens().consume(late, OneTimeTokens.Purpose.VERIFY_EMAIL, NOW.plusSeconds(60)).isEmpty(), "expired");
            oneTimeTokens().discardUnused(ada.id(), OneTimeTokens.Purpose.VERIFY_EMAIL, NOW);
            assertTrue(oneTimeTokens().consume(late, OneTimeTokens.Purpose.VERIFY_EMAIL, NOW).isEmpty(), "discarded");
        });
    }

    @Test
    void identitiesLinkOnce() {
        var ada = account("ada");
        var link = new ExternalIdentities.Link("acme", "sub-" + unique, ada.id(), NOW);
        tx().run(() -> identities().link(link));
        assertEquals(Optional.of(ada.id()), tx().inTransaction(() -> identities().userOf("acme", "sub-" + unique)));
        assertEquals(List.of(link), tx().inTransaction(() -> identities().of(ada.id())));
        var e = assertThrows(Conflict.class, () -> tx().run(() -> identities().link(link)));
        assertEquals("identity-taken", e.reason());
    }

    @Test
    void failureCountersAreSavedLockedAndForgotten() {
        String key = "login:" + unique;
        String other = "address:" + unique;
        tx().run(() -> {
            assertTrue(failures().lockForUpdate(key).isEmpty());
            failures().save(key, new ThrottlePolicy.Failures(3, NOW, NOW.plusSeconds(4)));
            failures().save(other, new ThrottlePolicy.Failures(1, NOW, NOW));
        });
        assertEquals(Optional.of(NOW.plusSeconds(4)), tx().inTransaction(() -> failures().lockedUntil(List.of(key, other))));
        assertEquals(3, tx().inTransaction(() -> failures().lockForUpdate(key)).orElseThrow().count());
        tx().run(() -> failures().forget(key));
        assertEquals(Optional.of(NOW), tx().inTransaction(() -> failures().lockedUntil(List.of(key, other))));
        assertTrue(tx().inTransaction(() -> failures().lockedUntil(List.of("none" + unique))).isEmpty());
    }

    @Test
    void deletingAnAccountTakesItsPrivateRowsWithIt() {
        var ada = account("ada");
        byte[] hash = BearerTokens.hash("gone-" + unique);
        tx().run(() -> {
            credentials().storePasswordHash(ada.id(), "h", NOW);
            sessions().create(new Sessions.Session(UUID.randomUUID(), ada.id(), NOW, NOW.plusSeconds(60), Optional.empty(),
                    Optional.empty()), hash);
            identities().link(new ExternalIdentities.Link("acme", "gone-" + unique, ada.id(), NOW));
            accounts().delete(ada.id());
        });
        tx().run(() -> {
            assertTrue(accounts().byId(ada.id()).isEmpty());
            assertTrue(credentials().passwordHash(ada.id()).isEmpty());
            assertTrue(sessions().activeByTokenHash(hash, NOW).isEmpty());
            assertTrue(identities().userOf("acme", "gone-" + unique).isEmpty());
        });
        assertArrayEquals(hash, BearerTokens.hash("gone-" + unique));
    }
}
