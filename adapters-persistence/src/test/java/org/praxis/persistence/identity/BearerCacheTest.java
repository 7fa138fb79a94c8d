package org.praxis.persistence.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Sessions.Bearer;
import org.praxis.application.identity.port.out.Sessions.Session;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

/** The bearer cache's rules on their own: when a check may be answered from memory, and what drops it. */
class BearerCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final BearerCache cache = new BearerCache();
    private final LearnerId ada = new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private final LearnerId bob = new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    @BeforeEach
    void listen() {
        cache.listening();
    }

    @Test
    void aCheckIsAnsweredFromMemoryForLessThanAMinuteAndNotOnceTheSessionExpires() {
        var bearer = bearer(ada, NOW.plus(Duration.ofSeconds(90)));
        remember("t1", bearer, NOW);
        assertEquals(Optional.of(bearer), find("t1", NOW));
        assertEquals(Optional.of(bearer), find("t1", NOW.plusSeconds(59)));
        assertEquals(Optional.empty(), find("t1", NOW.plusSeconds(60)), "a minute after its check: the database is asked (and records the use)");

        remember("t1", bearer, NOW.plusSeconds(60));
        assertEquals(Optional.of(bearer), find("t1", NOW.plusSeconds(89)));
        assertEquals(Optional.empty(), find("t1", NOW.plusSeconds(90)), "expired, although checked 30 s ago");
        assertEquals(Optional.empty(), find("t1", NOW.minusSeconds(1)), "a clock gone back before the check answers nothing");
        assertEquals(Optional.empty(), find("t2", NOW), "another token");
    }

    @Test
    void keyedByTheTokensHashValueNotTheArray() {
        var bearer = bearer(ada, NOW.plus(MINUTE.multipliedBy(10)));
        byte[] hash = BearerTokens.hash("t1");
        cache.remember(hash, bearer, NOW, MINUTE, cache.generation());
        hash[0] ^= 1;
        assertEquals(Optional.of(bearer), find("t1", NOW), "a copy is kept: the caller's array changing does not matter");
    }

    @Test
    void forgettingAUserDropsTheirTokensOnly() {
        remember("a1", bearer(ada, NOW.plus(MINUTE.multipliedBy(10))), NOW);
        remember("a2", bearer(ada, NOW.plus(MINUTE.multipliedBy(10))), NOW);
        remember("b1", bearer(bob, NOW.plus(MINUTE.multipliedBy(10))), NOW);
        cache.forget(ada);
        assertEquals(Optional.empty(), find("a1", NOW));
        assertEquals(Optional.empty(), find("a2", NOW));
        assertTrue(find("b1", NOW).isPresent());
        assertEquals(1, cache.size());
    }

    @Test
    void anAnnouncementNamesTheUserAndAnythingElseDropsEverything() {
        remember("a1", bearer(ada, NOW.plus(MINUTE.multipliedBy(10))), NOW);
        remember("b1", bearer(bob, NOW.plus(MINUTE.multipliedBy(10))), NOW);
        cache.notified(ada.value().toString());
        assertEquals(Optional.empty(), find("a1", NOW));
        assertTrue(find("b1", NOW).isPresent());
        cache.notified("");
        assertEquals(0, cache.size());
    }

    @Test
    void aCheckThatBeganBeforeADropOfItsUserIsNotKeptAndOneOfAnotherUserDoesNotMatter() {
        long began = cache.generation();
        // meanwhile ada's session is revoked and announced; this check read her row before that
        cache.forget(ada);
        cache.remember(BearerTokens.hash("a1"), bearer(ada, NOW.plus(MINUTE)), NOW, MINUTE, began);
        assertEquals(Optional.empty(), find("a1", NOW));
        assertEquals(0, cache.size());

        began = cache.generation();
        cache.forget(bob);
        cache.remember(BearerTokens.hash("a1"), bearer(ada, NOW.plus(MINUTE)), NOW, MINUTE, began);
        assertTrue(find("a1", NOW).isPresent(), "bob's drop says nothing about ada's check");
    }

    @Test
    void aCheckThatBeganBeforeEverythingWasDroppedIsNotKept() {
        long began = cache.generation();
        cache.notified("not a user id");
        cache.remember(BearerTokens.hash("a1"), bearer(ada, NOW.plus(MINUTE)), NOW, MINUTE, began);
        assertEquals(0, cache.size());
    }

    @Test
    void nothingIsAnsweredOrKeptWhileTheListenerIsAway() {
        var fresh = new BearerCache();
        fresh.remember(BearerTokens.hash("a1"), bearer(ada, NOW.plus(MINUTE)), NOW, MINUTE, fresh.generation());
        assertEquals(0, fresh.size(), "not listening yet");
        assertFalse(fresh.serving());

        remember("a1", bearer(ada, NOW.plus(MINUTE)), NOW);
        long began = cache.generation();
        cache.deaf();
        assertFalse(cache.serving());
        assertEquals(0, cache.size());
        assertEquals(Optional.empty(), find("a1", NOW));
        cache.listening();
        cache.remember(BearerTokens.hash("a1"), bearer(ada, NOW.plus(MINUTE)), NOW, MINUTE, began);
        assertEquals(0, cache.size(), "a check begun before the connection dropped is not kept after it came back");
        remember("a1", bearer(ada, NOW.plus(MINUTE)), NOW);
        assertTrue(find("a1", NOW).isPresent());
    }

    @Test
    void forgettingAfterCommitOutsideATransactionForgetsAtOnce() {
        remember("a1", bearer(ada, NOW.plus(MINUTE)), NOW);
        cache.forgetAfterCommit(ada);
        assertEquals(Optional.empty(), find("a1", NOW));
    }

    @Test
    void aFullCacheMakesRoomFromStaleEntriesOnlyAndOtherwiseKeepsNoMore() {
        for (int i = 0; i < BearerCache.MAX_ENTRIES; i++) {
            remember("s" + i, bearer(ada, NOW.plus(Duration.ofHours(1))), i % 2 == 0 ? NOW : NOW.plusSeconds(30));
        }
        assertEquals(BearerCache.MAX_ENTRIES, cache.size());
        remember("late", bearer(bob, NOW.plus(Duration.ofHours(1))), NOW.plusSeconds(31));
        assertEquals(BearerCache.MAX_ENTRIES, cache.size(), "full of fresh entries: not kept");
        assertEquals(Optional.empty(), find("late", NOW.plusSeconds(31)));

        remember("later", bearer(bob, NOW.plus(Duration.ofHours(1))), NOW.plusSeconds(61));
        assertEquals(BearerCache.MAX_ENTRIES / 2 + 1, cache.size(), "the half checked at NOW went stale and made room");
        assertTrue(find("later", NOW.plusSeconds(61)).isPresent());
    }

    private void remember(String token, Bearer bearer, Instant at) {
        cache.remember(BearerTokens.hash(token), bearer, at, MINUTE, cache.generation());
    }

    private Optional<Bearer> find(String token, Instant at) {
        return cache.find(BearerTokens.hash(token), at);
    }

    private static Bearer bearer(LearnerId user, Instant expiresAt) {
        var session = new Session(UUID.nameUUIDFromBytes(expiresAt.toString().getBytes(StandardCharsets.UTF_8)), user,
                NOW.minus(Duration.ofDays(1)), expiresAt, Optional.empty(), Optional.empty());
        var account = new Account(user, "user-" + user.value().toString().substring(30), Optional.empty(), null, "UTC", null, null,
                Role.LEARNER, false, Optional.empty(), NOW.minus(Duration.ofDays(2)));
        return new Bearer(session, account);
    }
}
