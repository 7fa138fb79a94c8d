package org.praxis.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.LearnerStats;
import org.praxis.domain.progress.LearnerTotals;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class CopySampleDataTest {
    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    private final CopySampleData data;
    private final DSLContext dsl;

    CopySampleDataTest(DataSource dataSource) {
        data = new CopySampleData(dataSource);
        dsl = Jooq.over(dataSource);
    }

    @Test
    void aFailureInTheMiddleOfACopyIsReportedAsItselfAndWritesNothing() {
        // the enrolments' COPY is open when the unknown track is looked up
        var failure = assertThrows(IllegalStateException.class,
                () -> data.write(List.of(learner("learner-0000001", Map.of(new TrackSlug("no-such-track"), AT)))));
        assertEquals("'no-such-track' is not in the database", failure.getMessage());
        assertEquals(0, dsl.fetchCount(dsl.selectFrom("users")));

        // the pool still serves a working connection afterwards
        data.write(List.of(learner("learner-0000002", Map.of())));
        assertEquals(List.of("learner-0000002"), dsl.fetch("select username from users").getValues(0, String.class));
    }

    private static SampleData.Learner learner(String username, Map<TrackSlug, Instant> enrolments) {
        var state = new SampleData.State(LearnerTotals.ZERO, StreakState.NONE, 0, LearnerStats.EMPTY, AT, List.of(), List.of(), Map.of(),
                Map.of(), Map.of(), new TreeSet<>(), List.of(), List.of(), Map.of(), Map.of());
        return new SampleData.Learner(new LearnerId(UUID.randomUUID()), username, ZoneOffset.UTC, AT, enrolments, List.of(), state);
    }
}
