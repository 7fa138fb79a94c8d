package org.praxis.application.curriculum.port.in;

import java.util.List;
import java.util.Objects;

import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;

/**
 * {@code praxis content sync DIR [--dry-run]} (CU5): validates the folder, then makes the store match it
 * in one transaction. Syncing the same folder twice changes nothing; a changed problem gets version
 * n+1; a problem or track that left the folder is archived, never deleted. A dry run works out the same
 * report and changes nothing.
 */
public interface SyncContentUseCase {

    Outcome sync(Command command);

    record Command(String location, boolean dryRun, Progress progress) {
        public Command {
            Objects.requireNonNull(location, "location");
            progress = progress == null ? Progress.SILENT : progress;
        }

        public static Command of(String location, boolean dryRun) {
            return new Command(location, dryRun, Progress.SILENT);
        }
    }

    /** Hears how far a long sync is: {@code done} of {@code total} items of {@code step} ("problems"). */
    @FunctionalInterface
    interface Progress {
        Progress SILENT = (step, done, total) -> {
        };

        void advanced(String step, int done, int total);
    }

    sealed interface Outcome {
        /** The folder is not valid; nothing was changed. */
        record Invalid(List<ContentError> errors) implements Outcome {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }

        /** What was done (or, in a dry run, what would be). */
        record Synced(Report report, boolean dryRun) implements Outcome {
        }
    }

    /** One section per kind of content, in this order. */
    record Report(Section problems, Section tracks, Section topics, Section achievements, Section badges) {
        public List<Section> sections() {
            return List.of(problems, tracks, topics, achievements, badges);
        }

        public boolean changedAnything() {
            return sections().stream().anyMatch(section -> !section.changes().isEmpty());
        }
    }

    /** @param changes what is added, changed or archived, in slug order within each kind */
    record Section(String name, List<Change> changes, int unchanged) {
        public Section {
            changes = List.copyOf(changes);
        }

        public long count(ChangeKind kind) {
            return changes.stream().filter(change -> change.kind() == kind).count();
        }
    }

    enum ChangeKind { ADDED, CHANGED, ARCHIVED }

    /** @param detail how, e.g. "version 2 -> 3"; empty when there is nothing to add */
    record Change(ChangeKind kind, String name, String detail) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
        }
    }
}
