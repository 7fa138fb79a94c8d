package org.praxis.bootstrap;

import java.util.ArrayList;
import java.util.List;

import org.praxis.application.curriculum.port.in.SyncContentUseCase.Change;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.ChangeKind;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Report;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Section;

/** A sync report as {@code praxis content sync} prints it (docs/content.md, "Sync"). */
final class ContentReport {
    private ContentReport() {
    }

    static List<String> lines(Report report) {
        var lines = new ArrayList<String>();
        for (Section section : report.sections()) {
            lines.add(String.format("%-10s %s", section.name() + ":", counts(section)));
            for (Change change : section.changes()) {
                String mark = switch (change.kind()) {
                    case ADDED -> "+";
                    case CHANGED -> "~";
                    case ARCHIVED -> "-";
                };
                lines.add("  " + mark + " " + change.name() + (change.detail().isEmpty() ? "" : " (" + change.detail() + ")"));
            }
        }
        return lines;
    }

    static String counts(Section section) {
        return section.count(ChangeKind.ADDED) + " added, " + section.count(ChangeKind.CHANGED) + " changed"
                + (section.name().equals("problems") ? " (new version)" : "") + ", " + section.count(ChangeKind.ARCHIVED) + " archived, "
                + section.unchanged() + " unchanged";
    }

    /** One line: what happened to each kind of content. */
    static String summary(Report report) {
        var parts = new ArrayList<String>();
        for (Section section : report.sections()) {
            parts.add(section.name() + " " + counts(section).replace(" (new version)", ""));
        }
        return String.join("; ", parts);
    }
}
