package org.praxis.application.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    @Test
    void readyOnlyWhenTheDatabaseAnswers() {
        var up = new ReadinessService(within -> true).check();
        var down = new ReadinessService(within -> false).check();

        assertTrue(up.ready());
        assertEquals(Map.of("database", "up"), up.checks());
        assertFalse(down.ready());
        assertEquals(Map.of("database", "down"), down.checks());
    }

    @Test
    void notReadyUntilEveryWarmupIsDone() {
        var loading = new ReadinessService(within -> true, Map.of("boards", () -> false)).check();
        var loaded = new ReadinessService(within -> true, Map.of("boards", () -> true)).check();
        var down = new ReadinessService(within -> false, Map.of("boards", () -> true)).check();

        assertFalse(loading.ready());
        assertEquals(Map.of("database", "up", "boards", "loading"), loading.checks());
        assertTrue(loaded.ready());
        assertEquals(Map.of("database", "up", "boards", "ready"), loaded.checks());
        assertFalse(down.ready());
    }
}
