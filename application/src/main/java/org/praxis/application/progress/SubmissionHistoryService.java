package org.praxis.application.progress;

import org.praxis.application.progress.port.in.SubmissionView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.Members;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.progress.port.in.SubmissionHistoryUseCase;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.SubmissionId;

public final class SubmissionHistoryService implements SubmissionHistoryUseCase {
    private final Submissions submissions;
    private final Transactions tx;

    public SubmissionHistoryService(Submissions submissions, Transactions tx) {
        this.submissions = Objects.requireNonNull(submissions);
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public SubmissionView one(Actor actor, SubmissionId id) {
        var me = Members.require(actor).id();
        // Another learner's submission is exactly as absent as one that never existed (ID5).
        return tx.inTransaction(() -> submissions.find(me, id))
                .orElseThrow(() -> new NotFound("submission", "You have no submission " + id + "."));
    }

    @Override
    public Page mine(Actor actor, Optional<ProblemSlug> problem, Optional<String> cursor, int limit) {
        var me = Members.require(actor).id();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var after = cursor.map(SubmissionHistoryService::decode);
        var items = tx.inTransaction(() -> submissions.history(me, problem, after, limit + 1));
        var page = items.size() > limit ? items.subList(0, limit) : items;
        Optional<String> next = items.size() > limit
                ? Optional.of(encode(page.get(page.size() - 1)))
                : Optional.empty();
        return new Page(page, next);
    }

    private static String encode(SubmissionView last) {
        String raw = last.submittedAt().getEpochSecond() + ":" + last.submittedAt().getNano() + ":" + last.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Submissions.Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            long seconds = Long.parseLong(parts[0]);
            // only instants this service can have issued (years 1970..9999), so the database never sees an absurd one
            if (seconds < 0 || seconds > 253_402_300_799L) {
                throw new IllegalArgumentException("out of range");
            }
            var at = Instant.ofEpochSecond(seconds, Long.parseLong(parts[1]));
            return new Submissions.Cursor(at, new SubmissionId(UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor this service issued");
        }
    }
}
