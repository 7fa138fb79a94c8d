package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.OFFICIAL_SOLUTIONS;
import static org.praxis.persistence.schema.Tables.PROBLEM_CONTENTS;
import static org.praxis.persistence.schema.Tables.TOPICS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.praxis.application.curriculum.document.GraderDocument;
import org.praxis.application.curriculum.document.ProblemDocument;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.TopicSlug;

/**
 * Problem content rows: immutable, one per distinct content of a problem (found again by fingerprint),
 * with the official solution in its own table.
 */
final class ProblemContentRows {
    private ProblemContentRows() {
    }

    /** The columns {@link #read} needs: the content, its topic's slug, its solution. */
    static SelectField<?>[] fields() {
        var fields = new java.util.ArrayList<SelectField<?>>(Arrays.asList(PROBLEM_CONTENTS.fields()));
        fields.add(TOPICS.SLUG);
        fields.add(OFFICIAL_SOLUTIONS.BODY);
        return fields.toArray(SelectField[]::new);
    }

    /** Contents by id, with topic and solution. */
    static Map<Long, ProblemContent> load(DSLContext dsl, Collection<Long> ids) {
        return dsl.select(fields())
                .from(PROBLEM_CONTENTS)
                .join(TOPICS).on(TOPICS.ID.eq(PROBLEM_CONTENTS.TOPIC_ID))
                .leftJoin(OFFICIAL_SOLUTIONS).on(OFFICIAL_SOLUTIONS.CONTENT_ID.eq(PROBLEM_CONTENTS.ID))
                .where(PROBLEM_CONTENTS.ID.in(ids))
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> r.get(PROBLEM_CONTENTS.ID), ProblemContentRows::read));
    }

    static ProblemContent read(Record r) {
        String solution = r.get(OFFICIAL_SOLUTIONS.BODY);
        return new ProblemContent(
                r.get(PROBLEM_CONTENTS.TITLE),
                r.get(PROBLEM_CONTENTS.STATEMENT),
                ProblemDocument.kind(r.get(PROBLEM_CONTENTS.KIND)),
                ProblemDocument.difficulty(r.get(PROBLEM_CONTENTS.DIFFICULTY)),
                new TopicSlug(r.get(TOPICS.SLUG)),
                ProblemDocument.hintsFromStored(JsonValues.list(r.get(PROBLEM_CONTENTS.HINTS))),
                GraderDocument.fromStored(JsonValues.map(r.get(PROBLEM_CONTENTS.GRADER))),
                r.get(PROBLEM_CONTENTS.BASE_POINTS),
                r.get(PROBLEM_CONTENTS.TIME_BONUS_POINTS),
                r.get(PROBLEM_CONTENTS.ESTIMATED_SECONDS),
                r.get(PROBLEM_CONTENTS.PREMIUM),
                Arrays.asList(r.get(PROBLEM_CONTENTS.TAGS)),
                Optional.ofNullable(r.get(PROBLEM_CONTENTS.COMPANY)),
                r.get(PROBLEM_CONTENTS.STARTER_CODE),
                solution == null ? "" : solution);
    }

    static String fingerprint(ProblemContent content) {
        return JsonValues.fingerprint(ProblemDocument.write(content, ProblemDocument.Form.INLINE));
    }

    /** The id of the row holding {@code content} for this problem, inserting one when there is none. */
    static long store(DSLContext dsl, long problemId, ProblemContent content, Optional<UUID> by, Instant at,
            Function<TopicSlug, Long> topicIds) {
        String fingerprint = fingerprint(content);
        Long existing = dsl.select(PROBLEM_CONTENTS.ID).from(PROBLEM_CONTENTS)
                .where(PROBLEM_CONTENTS.PROBLEM_ID.eq(problemId).and(PROBLEM_CONTENTS.FINGERPRINT.eq(fingerprint)))
                .fetchOne(PROBLEM_CONTENTS.ID);
        if (existing != null) {
            return existing;
        }
        long id = dsl.insertInto(PROBLEM_CONTENTS)
                .set(PROBLEM_CONTENTS.PROBLEM_ID, problemId)
                .set(PROBLEM_CONTENTS.FINGERPRINT, fingerprint)
                .set(PROBLEM_CONTENTS.TITLE, content.title())
                .set(PROBLEM_CONTENTS.STATEMENT, content.statement())
                .set(PROBLEM_CONTENTS.KIND, ProblemDocument.kindName(content.kind()))
                .set(PROBLEM_CONTENTS.DIFFICULTY, ProblemDocument.difficultyName(content.difficulty()))
                .set(PROBLEM_CONTENTS.TOPIC_ID, topicIds.apply(content.topic()))
                .set(PROBLEM_CONTENTS.HINTS, JsonValues.jsonb(ProblemDocument.writeHints(content.hints())))
                .set(PROBLEM_CONTENTS.GRADER, JsonValues.jsonb(GraderDocument.write(content.grader())))
                .set(PROBLEM_CONTENTS.BASE_POINTS, content.basePoints())
                .set(PROBLEM_CONTENTS.TIME_BONUS_POINTS, content.timeBonusPoints())
                .set(PROBLEM_CONTENTS.ESTIMATED_SECONDS, content.estimatedSeconds())
                .set(PROBLEM_CONTENTS.PREMIUM, content.premium())
                .set(PROBLEM_CONTENTS.TAGS, content.tags().toArray(String[]::new))
                .set(PROBLEM_CONTENTS.COMPANY, content.company().orElse(null))
                .set(PROBLEM_CONTENTS.STARTER_CODE, content.starterCode())
                .set(PROBLEM_CONTENTS.CREATED_AT, utc(at))
                .set(PROBLEM_CONTENTS.CREATED_BY, by.orElse(null))
                .returning(PROBLEM_CONTENTS.ID)
                .fetchOne()
                .getId();
        if (!content.solution().isEmpty()) {
            dsl.insertInto(OFFICIAL_SOLUTIONS)
                    .set(OFFICIAL_SOLUTIONS.CONTENT_ID, id)
                    .set(OFFICIAL_SOLUTIONS.BODY, content.solution())
                    .execute();
        }
        return id;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
