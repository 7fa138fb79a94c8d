package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The hand-written UTF-8 of the names against the JDK's, and the order of user names against code point order. */
class NameArenaProperties {

    @Property
    void namesComeBackAsTheyWentInAndAreEncodedAsTheJdkDoes(@ForAll @StringLength(max = 40) String username,
            @ForAll @StringLength(max = 40) String display) {
        assertArrayEquals(username.getBytes(StandardCharsets.UTF_8), NameArena.encode(username));
        var arena = new NameArena(4);
        int at = arena.add(username, Optional.of(display));
        int bare = arena.add(display, Optional.empty());
        assertEquals(new String(username.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), arena.username(at));
        assertEquals(Optional.of(new String(display.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)), arena.displayName(at));
        assertEquals(Optional.empty(), arena.displayName(bare));
    }

    @net.jqwik.api.Example
    void unpairedSurrogatesAndEveryLengthOfSequence() {
        for (String name : new String[] {"a\ud800b", "\udc00", "\u00e9\u20ac\ud83d\ude00x", ""}) {
            assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), NameArena.encode(name), name);
            var arena = new NameArena(1);
            assertEquals(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), arena.username(arena.add(name, Optional.empty())));
        }
    }

    @Property
    void userNamesCompareInCodePointOrder(@ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b) {
        var arena = new NameArena(4);
        int x = arena.add(a, Optional.empty());
        int y = arena.add(b, Optional.empty());
        String ca = new String(a.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String cb = new String(b.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(Integer.signum(java.util.Arrays.compare(ca.codePoints().toArray(), cb.codePoints().toArray())),
                Integer.signum(arena.compareUsernames(x, y)));
    }
}
