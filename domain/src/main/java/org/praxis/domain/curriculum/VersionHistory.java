package org.praxis.domain.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The published versions of one problem, oldest first (CU4). Append-only: publishing adds version
 * n+1, and a rollback also adds version n+1, carrying an older version's content, rather than
 * deleting or reactivating anything. So the history is never rewritten, version numbers strictly
 * increase, and "which content was version 3" has one answer forever (submissions point at it).
 */
public record VersionHistory(List<ProblemVersion> versions) {

    public VersionHistory {
        versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
        for (int i = 0; i < versions.size(); i++) {
            ProblemVersion version = versions.get(i);
            if (version.number() != i + 1) {
                throw new IllegalArgumentException("versions must be numbered 1, 2, 3... in order; position " + (i + 1)
                        + " holds version " + version.number());
            }
            if (version.restoredFrom().isPresent()) {
                ProblemVersion source = versions.get(version.restoredFrom().getAsInt() - 1);
                if (!source.content().equals(version.content())) {
                    throw new IllegalArgumentException("version " + version.number() + " claims to restore version "
                            + source.number() + " but carries different content");
                }
            }
        }
    }

    public static VersionHistory empty() {
        return new VersionHistory(List.of());
    }

    /** Appends version n+1 with {@code content}. */
    public VersionHistory publish(ProblemContent content, Instant at) {
        return append(new ProblemVersion(versions.size() + 1, content, at, OptionalInt.empty()));
    }

    /**
     * Appends version n+1 carrying version {@code number}'s content. Rolling back to the latest
     * version is refused: it would be a new version identical to the current one, which is noise.
     */
    public VersionHistory rollbackTo(int number, Instant at) {
        ProblemVersion source = version(number).orElseThrow(() -> new CurriculumViolation(
                "there is no version " + number + " to roll back to; versions are 1.." + versions.size()));
        if (number == versions.size()) {
            throw new CurriculumViolation("version " + number + " is already the current version");
        }
        return append(new ProblemVersion(versions.size() + 1, source.content(), at, OptionalInt.of(number)));
    }

    public Optional<ProblemVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<ProblemVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    public int size() {
        return versions.size();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    private VersionHistory append(ProblemVersion version) {
        var next = new ArrayList<>(versions);
        next.add(version);
        return new VersionHistory(next);
    }
}
